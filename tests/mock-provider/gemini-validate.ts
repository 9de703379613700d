import { isObject } from "./native-plan";
import { geminiModelRules, isValidSignature } from "./gemini-models";

/**
 * The checks the real generateContent makes, so an adapter bug shows up as the 400 it would
 * get there, with the message Google sends (the quoted ones come from the API's answers).
 */

type Body = Record<string, unknown>;

export function validateGeminiRequest(body: Body | null, model: string): string | null {
  if (!body) return "Invalid JSON payload received.";
  if (!Array.isArray(body.contents) || body.contents.length === 0) return "* GenerateContentRequest.contents: contents is not specified";
  for (const content of body.contents) {
    if (!isObject(content) || !Array.isArray(content.parts) || content.parts.length === 0) {
      return "* GenerateContentRequest.contents[].parts: contents.parts must not be empty.";
    }
    if (content.role !== undefined && content.role !== "user" && content.role !== "model") return "Please use a valid role: user, model.";
  }
  if (body.systemInstruction !== undefined && !isObject(body.systemInstruction)) return "Invalid value at 'system_instruction'";
  return modelRules(body, model) ?? schemas(body) ?? signatures(body.contents as Body[], model);
}

function modelRules(body: Body, model: string): string | null {
  const rules = geminiModelRules(model);
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  if (!rules.penalties && (config.presencePenalty !== undefined || config.frequencyPenalty !== undefined)) {
    return `Penalty is not enabled for models/${model}`;
  }
  if (!rules.multipleCandidates && typeof config.candidateCount === "number" && config.candidateCount > 1) {
    return "Multiple candidates is not enabled for this model";
  }
  const declaresFunctions = Array.isArray(body.tools) && body.tools.some((tool) => isObject(tool) && Array.isArray(tool.functionDeclarations));
  if (!rules.jsonWithFunctionCalling && declaresFunctions && config.responseMimeType === "application/json") {
    return "Function calling with a response mime type: 'application/json' is unsupported";
  }
  return null;
}

// ---------- Gemini's Schema (the OpenAPI subset of `parameters` and `responseSchema`) ----------

const SCHEMA_FIELDS = new Set([
  "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
  "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
  "default", "items", "minimum", "maximum",
]);

function schemas(body: Body): string | null {
  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  if (config.responseSchema !== undefined && config.responseJsonSchema !== undefined) {
    return "* GenerateContentRequest.generation_config: response_schema and response_json_schema cannot both be set";
  }
  if (isObject(config.responseSchema)) {
    const bad = schemaError(config.responseSchema, "generation_config.response_schema");
    if (bad) return bad;
  }
  const tools = Array.isArray(body.tools) ? body.tools : [];
  for (const [t, tool] of tools.entries()) {
    const declarations = isObject(tool) && Array.isArray(tool.functionDeclarations) ? tool.functionDeclarations : [];
    for (const [d, declaration] of declarations.entries()) {
      if (!isObject(declaration)) continue;
      const at = `tools[${t}].function_declarations[${d}]`;
      if (declaration.parameters !== undefined && declaration.parametersJsonSchema !== undefined) {
        return `* GenerateContentRequest.${at}: parameters and parameters_json_schema cannot both be set`;
      }
      if (isObject(declaration.parameters)) {
        const bad = schemaError(declaration.parameters, `${at}.parameters`);
        if (bad) return bad;
      }
    }
  }
  return null;
}

/**
 * Google names a place two ways: by property name in its `* GenerateContentRequest.…` checks,
 * by property position in its JSON-decoding errors ("Invalid value at 'request.…'").
 */
interface Place {
  named: string;
  indexed: string;
}

function schemaError(schema: Body, at: string | Place): string | null {
  const place = typeof at === "string" ? { named: at, indexed: at } : at;
  for (const key of Object.keys(schema)) {
    if (!SCHEMA_FIELDS.has(key)) return `Invalid JSON payload received. Unknown name "${key}" at '${place.indexed}': Cannot find field.`;
  }
  const type = typeof schema.type === "string" ? schema.type.toLowerCase() : undefined;
  if (Array.isArray(schema.enum)) {
    const index = schema.enum.findIndex((value) => typeof value !== "string");
    // The enum field is a list of strings: a number or boolean fails the whole request.
    if (index !== -1) return `Invalid value at 'request.${place.indexed}.enum[${index}]' (TYPE_STRING), ${JSON.stringify(schema.enum[index])}`;
    if (type !== "string") return `* GenerateContentRequest.${place.named}.enum: only allowed for STRING type`;
  }
  if (type === "string" && typeof schema.format === "string" && !["enum", "date-time"].includes(schema.format)) {
    return `* GenerateContentRequest.${place.named}.format: only 'enum' and 'date-time' are supported for STRING type`;
  }
  const within = (named: string, indexed: string): Place => ({ named: `${place.named}${named}`, indexed: `${place.indexed}${indexed}` });
  if (isObject(schema.properties)) {
    for (const [i, [name, sub]] of Object.entries(schema.properties).entries()) {
      const bad = isObject(sub) ? schemaError(sub, within(`.properties[${name}]`, `.properties[${i}].value`)) : null;
      if (bad) return bad;
    }
  }
  if (isObject(schema.items)) return schemaError(schema.items, within(".items", ".items"));
  for (const [i, sub] of (Array.isArray(schema.anyOf) ? schema.anyOf : []).entries()) {
    const bad = isObject(sub) ? schemaError(sub, within(`.any_of[${i}]`, `.any_of[${i}]`)) : null;
    if (bad) return bad;
  }
  return null;
}

// ---------- thought signatures ----------

/**
 * Gemini 3 validates the current turn (everything after the last user message that is not
 * only function responses): in each model step with function calls, the first call must carry
 * the signature Gemini gave it, or one of the documented bypass values.
 */
function signatures(contents: Body[], model: string): string | null {
  if (!geminiModelRules(model).requiresSignatures) return null;
  const isUserText = (content: Body) => content.role !== "model" && (content.parts as Body[]).some((part) => isObject(part) && !isObject(part.functionResponse));
  let start = 0;
  contents.forEach((content, i) => {
    if (isUserText(content)) start = i + 1;
  });
  for (let i = start; i < contents.length; i++) {
    if (contents[i].role !== "model") continue;
    const first = (contents[i].parts as Body[]).find((part) => isObject(part) && isObject(part.functionCall));
    if (!first) continue;
    const name = String((first.functionCall as Body).name);
    if (typeof first.thoughtSignature !== "string" || !first.thoughtSignature) {
      return `Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call \`default_api:${name}\` , position ${i + 1}. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.`;
    }
    // The real API checks the signature cryptographically; this wording is the mock's own.
    if (!isValidSignature(first.thoughtSignature)) return `Thought signature is not valid for function call \`default_api:${name}\`, position ${i + 1}.`;
  }
  return null;
}
