import type { ModelFamily } from "../types";

/**
 * Where Gemini models differ from ./capabilities.ts (which describes the current ones, Gemini 3
 * and later, so a model released after this list is held to the strictest rules): the longest
 * matching prefix wins. From the API's own answers, as reported against the SDKs:
 * - penalties: Gemini 2.5 and later answer "Penalty is not enabled for models/…"; only Gemini
 *   2.0 Flash (and Flash-Lite) take them;
 * - n > 1 (candidateCount): Gemini 2.x takes up to 8; Gemini 3 and the image models answer
 *   "Multiple candidates is not enabled for this model";
 * - JSON output with function calling: Gemini 2.x answers "Function calling with a response
 *   mime type: 'application/json' is unsupported"; Gemini 3 combines them (structured outputs
 *   with tools);
 * - `jsonSchemaFields`: whether tools and response formats go as full JSON Schema
 *   (`parametersJsonSchema` / `responseJsonSchema`, Gemini 2.5 and later) or as Gemini's
 *   OpenAPI subset (`parameters` / `responseSchema`), which Gemini 2.0 is limited to.
 */
export interface GeminiModelFamily extends ModelFamily {
  jsonSchemaFields?: boolean;
}

export const GOOGLE_MODEL_FAMILIES: readonly GeminiModelFamily[] = [
  {
    name: "Gemini 2.0",
    prefixes: ["gemini-2.0-"],
    capabilities: { multipleChoices: true },
    jsonWithTools: false,
    jsonSchemaFields: false,
  },
  {
    name: "Gemini 2.0 Flash",
    prefixes: ["gemini-2.0-flash"],
    capabilities: { penalties: true, multipleChoices: true },
    jsonWithTools: false,
    jsonSchemaFields: false,
  },
  {
    // Experimental and thinking builds of 2.0 refuse penalties like the later models.
    name: "Gemini 2.0 experimental",
    prefixes: ["gemini-2.0-flash-thinking", "gemini-2.0-flash-exp", "gemini-exp"],
    capabilities: { multipleChoices: true },
    jsonWithTools: false,
    jsonSchemaFields: false,
  },
  {
    name: "Gemini 2.5",
    prefixes: ["gemini-2.5-"],
    capabilities: { multipleChoices: true },
    jsonWithTools: false,
  },
  {
    // Image generation answers one candidate.
    name: "Gemini 2.5 Flash Image",
    prefixes: ["gemini-2.5-flash-image"],
    jsonWithTools: false,
  },
];

/** Whether this model takes full JSON Schema: true unless its family says otherwise. */
export function takesJsonSchemaFields(family: ModelFamily | null): boolean {
  const gemini = GOOGLE_MODEL_FAMILIES.find((candidate) => candidate === family);
  return gemini?.jsonSchemaFields !== false;
}
