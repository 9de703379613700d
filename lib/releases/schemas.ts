import { z } from "zod";
import { experimentScorerSchema } from "@/lib/experiments/schemas";
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

/**
 * PUT /prompts/ID/labels/LABEL/gate (settings): a release request to this label runs the
 * dataset through the scorers on its candidate and merges only at `min_pass_rate` or above.
 */
export const labelGateSchema = z.object({
  dataset_id: z.string().min(1),
  /** A fixed dataset version; left out, each request runs the dataset's current version. */
  dataset_version: z.number().int().positive().nullish(),
  scorers: z.array(experimentScorerSchema).min(1).max(20),
  /** 0 to 1: passed cases over finished ones (an errored case counts as failed). */
  min_pass_rate: z.number().min(0).max(1),
});
export type LabelGateInput = z.infer<typeof labelGateSchema>;

/** POST /release-requests/ID/merge: an admin (settings permission) may merge below the gate, saying why. */
export const mergeReleaseRequestSchema = z.object({
  override_reason: z.string().trim().min(1).max(2000).optional(),
});
export type MergeReleaseRequestInput = z.infer<typeof mergeReleaseRequestSchema>;
