import { z } from "zod";
import { listQuerySchema } from "@/lib/prompts/schemas";

/** Release requests: a proposal to point a label at a candidate version, reviewed first. */
export const RELEASE_STATUSES = ["open", "merged", "rejected", "closed"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const createReleaseRequestSchema = z.object({
  /** The prompt, by id or slug. */
  prompt_id: z.string().trim().min(1).max(300),
  /** The candidate version's number. */
  version: z.number().int().positive(),
  /** The target label, by id or name. */
  label: z.string().trim().min(1).max(200),
  comment: z.string().max(5000).nullish(),
});
export type CreateReleaseRequestInput = z.infer<typeof createReleaseRequestSchema>;

export const listReleaseRequestsQuerySchema = listQuerySchema.extend({
  prompt_id: z.string().min(1).max(300).optional(),
  status: z.enum(RELEASE_STATUSES).optional(),
});
export type ListReleaseRequestsQuery = z.infer<typeof listReleaseRequestsQuerySchema>;

export const reviewReleaseRequestSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().max(5000).nullish(),
});
export type ReviewReleaseRequestInput = z.infer<typeof reviewReleaseRequestSchema>;
