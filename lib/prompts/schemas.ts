import { z } from "zod";
import { promptSettingsSchema } from "@/lib/completions/gateway-config";
import { templateText } from "@/lib/core/limits/content-limits";

/**
 * Request schemas for the prompt admin API, shared by the routes and the UI's forms.
 * Objects are not strict: the Portkey SDKs send extra keys (workspace_id...) that are
 * ignored, but a known key with the wrong type is a 400.
 */

export const jsonObject = z.record(z.string(), z.unknown());

/** A version number, as JSON number or numeric string (query strings, lenient clients). */
// The column is a 32-bit Int: a larger number would be a query error (a 500), not a miss.
// (Not MAX_INT from db-helpers: this file is bundled into the UI, that one imports Prisma.)
const positiveInt = z.number().int().positive().max(2_147_483_647);
export const versionNumber = z.union([
  positiveInt,
  z.string().regex(/^\d+$/, "must be a positive integer").transform(Number).pipe(positiveInt),
]);

/** Portkey's paging: `current_page` is 0-based; `page_size` defaults to 50, capped at 100. */
export const listQuerySchema = z.object({
  current_page: z.coerce.number().int().min(0).default(0),
  page_size: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .transform((n) => Math.min(n, 100)),
  search: z.string().trim().optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;

// The fields that make up a version. Every one is optional on update; null clears a field.
const versionFields = {
  string: templateText,
  parameters: jsonObject.nullable(),
  model: z.string().min(1).nullable(),
  virtual_key: z.string().min(1).nullable(),
  tools: z.array(z.unknown()).nullable(),
  tool_choice: z.union([z.string(), jsonObject]).nullable(),
  functions: z.array(z.unknown()).nullable(),
  response_format: jsonObject.nullable(),
  template_metadata: jsonObject.nullable(),
  version_description: z.string().max(2000).nullable(),
};
export const VERSION_FIELD_NAMES = Object.keys(versionFields) as (keyof typeof versionFields)[];

const promptName = z.string().trim().min(1, "must not be empty").max(200);

/**
 * A slug the caller chooses (prompts as code name their files by it): lower case, digits,
 * `-`, `_`, `.`; never shaped like an id, since lookups take either.
 */
export const chosenSlug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, "lower-case letters, digits, -, _ and . only")
  .refine((slug) => !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(slug), "must not look like an id");

// Fields of the prompt itself, not of a version: changing them never makes a new version
// and they apply to every version at once (strict mode, the gateway's retry and timeout).
// `settings` replaces the stored object as a whole; null clears it.
const promptFields = {
  collection_id: z.string().min(1).nullish(),
  strict_variables: z.boolean().optional(),
  settings: promptSettingsSchema.nullish(),
};

// Every version field, optional, and the prompt's own: the shared part of both bodies.
const sharedFields = z.object(versionFields).partial().extend(promptFields);

export const createPromptSchema = sharedFields.extend({
  name: promptName,
  // Absent: pp-<name>-<6 hex>, as Portkey makes them.
  slug: chosenSlug.optional(),
  string: versionFields.string,
  // A Promptly extension: false keeps v1 an unpublished draft (Portkey publishes it at once).
  publish: z.boolean().optional(),
});
export type CreatePromptInput = z.infer<typeof createPromptSchema>;

export const updatePromptSchema = sharedFields.extend({
  name: promptName.optional(),
  patch: z.boolean().optional(),
});
export type UpdatePromptInput = z.infer<typeof updatePromptSchema>;

export const listPromptsQuerySchema = listQuerySchema.extend({
  collection_id: z.string().min(1).optional(),
  // Archived prompts are hidden unless asked for: `true` lists only them, `all` both.
  archived: z.enum(["false", "true", "all"]).default("false"),
});
export type ListPromptsQuery = z.infer<typeof listPromptsQuerySchema>;

// Keys the SDKs may add to any body; everything else on a version update is an attempt to
// edit an immutable version.
const VERSION_UPDATE_ALLOWED = new Set(["label_id", "workspace_id", "organisation_id"]);

export const updateVersionSchema = z
  .looseObject({ label_id: z.string().min(1).optional() })
  .superRefine((body, ctx) => {
    const extra = Object.keys(body).filter((key) => !VERSION_UPDATE_ALLOWED.has(key));
    for (const key of extra) {
      ctx.addIssue({ code: "custom", path: [key], message: "versions are immutable: only label_id can be set" });
    }
    if (extra.length === 0 && !body.label_id) {
      ctx.addIssue({ code: "custom", path: ["label_id"], message: "label_id is required" });
    }
  })
  .transform((body) => ({ label_id: body.label_id as string }));
export type UpdateVersionInput = z.infer<typeof updateVersionSchema>;

export const makeDefaultSchema = z.object({ version: versionNumber });
export type MakeDefaultInput = z.infer<typeof makeDefaultSchema>;

/**
 * POST /prompts/ID/duplicate. Without `history`, the copy starts at v1 with the template of
 * `version` (default: the published one); with it, every version is copied with its number.
 * Labels are never copied: they say what runs in production, and that is the original.
 */
export const duplicatePromptSchema = z.object({
  name: promptName.optional(),
  slug: chosenSlug.optional(),
  collection_id: z.string().min(1).nullish(),
  history: z.boolean().default(false),
  version: versionNumber.optional(),
});
export type DuplicatePromptInput = z.infer<typeof duplicatePromptSchema>;

// `?force=true` archives even when labels still point at the prompt (its callers then get 409).
export const archivePromptQuerySchema = z.object({ force: z.enum(["true", "false"]).optional() });
