import { z } from "zod";
import { templateText } from "@/lib/core/limits/content-limits";
import { chosenSlug, listQuerySchema, versionNumber } from "@/lib/prompts/schemas";

const partialName = z.string().trim().min(1, "must not be empty").max(200);

export const createPartialSchema = z.object({
  name: partialName,
  // Absent: made from the name (-2, -3... when taken).
  slug: chosenSlug.optional(),
  string: templateText,
  version_description: z.string().max(2000).nullish(),
});
export type CreatePartialInput = z.infer<typeof createPartialSchema>;

export const updatePartialSchema = z.object({
  name: partialName.optional(),
  string: templateText.optional(),
  version_description: z.string().max(2000).nullish(),
  // The Node SDK names the version description `description`.
  description: z.string().max(2000).nullish(),
});
export type UpdatePartialInput = z.infer<typeof updatePartialSchema>;

export const listPartialsQuerySchema = listQuerySchema;

export const publishPartialSchema = z.object({ version: versionNumber });
export type PublishPartialInput = z.infer<typeof publishPartialSchema>;

export const partialLabelSchema = z.object({ version: versionNumber });
export type PartialLabelInput = z.infer<typeof partialLabelSchema>;
