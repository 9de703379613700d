import type { PromptVersion } from "@/lib/generated/prisma/client";
import { jsonOrNull } from "./db-helpers";
import type { UpdatePromptInput } from "./schemas";
import { assertValidTemplate, templateTypeOf } from "./template";

/** The content of a prompt version, independent of how it is stored or sent. */
export interface VersionFields {
  string: string;
  parameters: Record<string, unknown>;
  model: string | null;
  virtualKeyId: string | null;
  tools: unknown;
  toolChoice: unknown;
  functions: unknown;
  responseFormat: unknown;
  templateMetadata: Record<string, unknown> | null;
  description: string | null;
}

export type VersionInput = Pick<
  UpdatePromptInput,
  "string" | "parameters" | "model" | "tools" | "tool_choice" | "functions" | "response_format" | "template_metadata" | "version_description"
>;

const asObject = (value: unknown): Record<string, unknown> =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

export const EMPTY_VERSION: VersionFields = {
  string: "",
  parameters: {},
  model: null,
  virtualKeyId: null,
  tools: null,
  toolChoice: null,
  functions: null,
  responseFormat: null,
  templateMetadata: null,
  description: null,
};

export function fieldsOfVersion(version: PromptVersion): VersionFields {
  return {
    string: version.template,
    parameters: asObject(version.parameters),
    model: version.model,
    virtualKeyId: version.virtualKeyId,
    tools: version.tools,
    toolChoice: version.toolChoice,
    functions: version.functions,
    responseFormat: version.responseFormat,
    templateMetadata: version.templateMetadata === null ? null : asObject(version.templateMetadata),
    description: version.description,
  };
}

/**
 * The fields of a new version: what the request gives (null clears a field), the rest taken
 * from `base` (the latest version, or EMPTY_VERSION for a new prompt). The description is
 * never inherited: it describes this change. `virtualKeyId` undefined means "not given".
 * A model may come top-level or, as Portkey stores it, inside `parameters`.
 */
export function mergeVersionFields(base: VersionFields, input: VersionInput, virtualKeyId: string | null | undefined): VersionFields {
  const given = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  const parameters = input.parameters === undefined ? base.parameters : (input.parameters ?? {});
  const modelInParameters = typeof input.parameters?.model === "string" ? (input.parameters.model as string) : undefined;
  return {
    string: given(input.string, base.string),
    parameters,
    model: input.model !== undefined ? input.model : (modelInParameters ?? base.model),
    virtualKeyId: given(virtualKeyId, base.virtualKeyId),
    tools: given(input.tools, base.tools),
    toolChoice: given(input.tool_choice, base.toolChoice),
    functions: given(input.functions, base.functions),
    responseFormat: given(input.response_format, base.responseFormat),
    templateMetadata: given(input.template_metadata, base.templateMetadata),
    description: input.version_description ?? null,
  };
}

/** Validates a version's fields and turns them into PromptVersion column values. */
export function versionRowData(fields: VersionFields) {
  const templateType = templateTypeOf(fields.string, fields.templateMetadata);
  assertValidTemplate(templateType, fields.string);
  return {
    templateType,
    template: fields.string,
    model: fields.model,
    virtualKeyId: fields.virtualKeyId,
    parameters: fields.parameters as object,
    tools: jsonOrNull(fields.tools),
    toolChoice: jsonOrNull(fields.toolChoice),
    functions: jsonOrNull(fields.functions),
    responseFormat: jsonOrNull(fields.responseFormat),
    templateMetadata: jsonOrNull(fields.templateMetadata),
    description: fields.description,
  };
}
