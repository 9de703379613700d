import { z } from "zod";
import { listQuerySchema } from "@/lib/prompts/schemas";

/**
 * A label name is used as a suffix in URLs (`my-prompt@staging`), so it must not be
 * mistaken for a version (`@12`, `@latest`, `@default`) and must survive a URL path
 * unencoded: letters, digits, `.`, `_` and `-`.
 */
export const labelName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "may only contain letters, digits, '.', '_' and '-', starting with a letter or digit")
  .refine((name) => !/^\d+$/.test(name), "can't be all digits (it would read as a version number)")
  .refine((name) => !["latest", "default"].includes(name.toLowerCase()), "'latest' and 'default' are reserved");

const colorCode = z
  .string()
  .regex(/^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, "must be a hex color such as #3B82F6");

export const createLabelSchema = z.object({
  name: labelName,
  description: z.string().max(500).nullish(),
  color_code: colorCode.nullish(),
});
export type CreateLabelInput = z.infer<typeof createLabelSchema>;

export const updateLabelSchema = z.object({
  name: labelName.optional(),
  description: z.string().max(500).nullish(),
  color_code: colorCode.nullish(),
});
export type UpdateLabelInput = z.infer<typeof updateLabelSchema>;

export const listLabelsQuerySchema = listQuerySchema;

/** PUT /labels/ID/protection (the owner and admin keys): who may move the label directly. */
export const labelProtectionSchema = z
  .object({
    protected: z.boolean().optional(),
    /** Approvals a release request to this label needs, never counting its author's. */
    required_approvals: z.number().int().min(0).max(10).optional(),
  })
  .refine((body) => body.protected !== undefined || body.required_approvals !== undefined, { message: "give protected, required_approvals or both", path: ["protected"] });
export type LabelProtectionInput = z.infer<typeof labelProtectionSchema>;

export const labelHistoryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LabelHistoryQuery = z.infer<typeof labelHistoryQuerySchema>;

/** PUT /prompts/ID/labels/LABEL/split: the candidate serves `weight` percent of the label's callers. */
export const labelSplitSchema = z.object({
  candidate_version: z.number().int().positive(),
  weight: z.number().gt(0, "must be above 0 (abort the split instead)").lt(100, "must be below 100 (promote the candidate instead)"),
});
export type LabelSplitInput = z.infer<typeof labelSplitSchema>;
