import { badRequest } from "@/lib/core/http/errors";
import { loadPartialTemplate } from "@/lib/partials/loader";
import { refOf } from "@/lib/templates";
import { describeIssue, errorsOf, partialTagsOf, templatePieces, validateVersion, type ValidationIssue, type VersionToValidate } from "./validation";
import type { TemplateType } from "./template";

/** The fields of a version the checks read, as stored. */
export interface CheckedFields {
  templateType: TemplateType;
  string: string;
  tools: unknown;
  responseFormat: unknown;
}

const toValidate = (fields: CheckedFields): VersionToValidate => ({ kind: fields.templateType, template: fields.string, tools: fields.tools, responseFormat: fields.responseFormat });

// Template mistakes are reported against the request's `string`, the rest against their own field.
const paramOf = (issue: ValidationIssue) => (issue.code === "template_invalid" || issue.code === "unknown_partial" ? "string" : issue.path);

function refuse(issues: ValidationIssue[], prefix = "") {
  const errors = errorsOf(issues);
  if (errors.length === 0) return;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
  throw badRequest(`${prefix}${describeIssue(errors[0])}${more}`, paramOf(errors[0]), errors[0].code);
}

const MAX_PARTIAL_LOOKUPS = 100;

/**
 * Refuses a version that could never run as saved: a Mustache syntax error (named by line
 * and column), malformed tools or response format, or a `{{>partial}}` that does not exist.
 */
export async function assertSavable(fields: CheckedFields): Promise<void> {
  const version = toValidate(fields);
  const refs = partialTagsOf(templatePieces(version.kind, version.template));
  const known = new Set<string>();
  // A template naming thousands of partials costs a lookup each: past the first ones they are
  // left to the render, which refuses what it can't include.
  const tags = [...new Map(refs.map((ref) => [ref.tag, ref])).values()];
  const looked = new Set(tags.slice(0, MAX_PARTIAL_LOOKUPS).map((ref) => ref.tag));
  await Promise.all(
    tags.slice(0, MAX_PARTIAL_LOOKUPS).map(async (ref) => {
      if ((await loadPartialTemplate(refOf(ref))) !== null) known.add(ref.tag);
    }),
  );
  refuse(validateVersion(version, { partialExists: (ref) => known.has(ref.tag) || !looked.has(ref.tag) }));
}

/** A version saved before these checks (or imported) may be broken: it is never published. */
export function assertPublishable(number: number, fields: CheckedFields): void {
  refuse(validateVersion(toValidate(fields)), `v${number} can't be published: `);
}
