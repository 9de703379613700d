import { z } from "zod";
import { promptSettingsSchema } from "@/lib/completions/gateway-config";
import { templateText } from "@/lib/core/limits/content-limits";
import { createLabelSchema, labelName } from "@/lib/labels/schemas";
import { variableSetNameSchema, variableSetValuesSchema } from "@/lib/playground/variable-set-schemas";
import { jsonObject } from "@/lib/prompts/schemas";

/**
 * A bundle: a folder (with its sub-folders) or the whole workspace, with every version of
 * every prompt and partial, the labels and where they point, to move between instances.
 * Identity is by slug (prompts, partials, folders: a folder's `path` is its slugs from the
 * top, `a/b`) and by name (labels); version numbers are kept.
 */

export const BUNDLE_FORMAT = "promptly-bundle";
export const BUNDLE_VERSION = 1;

// Slugs travel in URLs and template tags (`{{>slug}}`): letters, digits, `-`, `_` and `.` only.
const slug = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, "letters, digits, -, _ and . only");
const path = z.string().max(2000).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}(\/[A-Za-z0-9][A-Za-z0-9._-]{0,199})*$/, "folder slugs joined by /");
const uniqueVersions = (versions: { version: number }[], ctx: z.RefinementCtx) => {
  if (new Set(versions.map((v) => v.version)).size !== versions.length) ctx.addIssue({ code: "custom", message: "version numbers repeat" });
};
const versionNo = z.number().int().positive().max(2_147_483_647);
const timestamp = z.iso.datetime({ offset: true }).optional();

export const bundleCollectionSchema = z.object({
  path,
  name: z.string().min(1).max(200),
  // The instance's default folder: it maps onto the target's default folder, whatever its slug.
  is_default: z.boolean().default(false),
});

export const bundleLabelSchema = createLabelSchema.extend({
  description: z.string().max(500).nullable().default(null),
  color_code: createLabelSchema.shape.color_code.unwrap().nullable().default(null),
});

export const bundlePartialVersionSchema = z.object({
  version: versionNo,
  string: templateText,
  description: z.string().max(2000).nullable().default(null),
  created_at: timestamp,
});

// Label name -> the version number it points at.
const labelPointers = z.record(labelName, versionNo).default({});

export const bundlePartialSchema = z.object({
  slug,
  name: z.string().min(1).max(200),
  published_version: versionNo.nullable().default(null),
  labels: labelPointers,
  versions: z.array(bundlePartialVersionSchema).min(1).superRefine(uniqueVersions),
});

export const bundlePromptVersionSchema = z.object({
  version: versionNo,
  template_type: z.enum(["chat", "completion"]),
  string: templateText,
  model: z.string().nullable().default(null),
  virtual_key: z.string().nullable().default(null),
  parameters: jsonObject.default({}),
  tools: z.array(z.unknown()).nullable().default(null),
  tool_choice: z.union([z.string(), jsonObject]).nullable().default(null),
  functions: z.array(z.unknown()).nullable().default(null),
  response_format: jsonObject.nullable().default(null),
  template_metadata: jsonObject.nullable().default(null),
  description: z.string().max(2000).nullable().default(null),
  created_at: timestamp,
});
export type BundlePromptVersion = z.infer<typeof bundlePromptVersionSchema>;

/** A prompt's saved playground variables, as the variable sets API takes them. */
export const bundleVariableSetSchema = z.object({ name: variableSetNameSchema, variables: variableSetValuesSchema });
const uniqueNames = (sets: { name: string }[], ctx: z.RefinementCtx) => {
  if (new Set(sets.map((s) => s.name)).size !== sets.length) ctx.addIssue({ code: "custom", message: "variable set names repeat" });
};

export const bundlePromptSchema = z.object({
  slug,
  name: z.string().min(1).max(200),
  collection: path,
  strict_variables: z.boolean().default(false),
  settings: promptSettingsSchema.nullable().default(null),
  published_version: versionNo.nullable().default(null),
  labels: labelPointers,
  archived: z.boolean().default(false),
  variable_sets: z.array(bundleVariableSetSchema).max(1000).default([]).superRefine(uniqueNames),
  versions: z.array(bundlePromptVersionSchema).min(1).superRefine(uniqueVersions),
});

export const bundleSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  format_version: z.literal(BUNDLE_VERSION),
  exported_at: timestamp,
  collection: path.nullable().default(null),
  collections: z.array(bundleCollectionSchema).default([]),
  labels: z.array(bundleLabelSchema).default([]),
  partials: z.array(bundlePartialSchema).default([]),
  prompts: z.array(bundlePromptSchema).default([]),
});
export type Bundle = z.infer<typeof bundleSchema>;

/** GET /bundles/export: a folder (id or slug) and what is under it; none means the whole workspace. */
export const exportQuerySchema = z.object({
  collection_id: z.string().min(1).optional(),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;
