import { RequestMappingError } from "../native/mapping-error";
import { isObject } from "../native/openai-messages";

/**
 * JSON Schema (as OpenAI takes it for tool parameters and json_schema formats) → Gemini's
 * Schema, an OpenAPI 3.0 subset. Gemini rejects keys outside that subset, so:
 * - kept: the keys Gemini knows (type, properties, items, enum, required, anyOf, ranges...);
 * - translated: `type: [T, "null"]` → `type: T, nullable: true`, `const` → a one-value
 *   `enum`, `oneOf` → `anyOf`, a one-element `allOf` → its element, local `$ref`s inlined;
 * - dropped: annotations and strictness keys that do not constrain Gemini's output any
 *   further than the rest (`$schema`, `$id`, `$defs`, `additionalProperties`, `strict`...).
 */
const KEPT = new Set([
  "type", "format", "title", "description", "nullable", "enum", "maxItems", "minItems", "properties", "required",
  "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
  "default", "items", "minimum", "maximum",
]);

const MAX_DEPTH = 32;

export function toGeminiSchema(schema: Record<string, unknown>, param: string): Record<string, unknown> {
  const definitions = { ...(isObject(schema.definitions) ? schema.definitions : {}), ...(isObject(schema.$defs) ? schema.$defs : {}) };
  return convert(schema, { definitions, param, depth: 0 });
}

interface Context {
  definitions: Record<string, unknown>;
  param: string;
  depth: number;
}

function convert(input: Record<string, unknown>, context: Context): Record<string, unknown> {
  if (context.depth > MAX_DEPTH) {
    throw new RequestMappingError(context.param, `${context.param}: the schema nests too deeply (a recursive $ref?) for Gemini`);
  }
  const next = { ...context, depth: context.depth + 1 };
  const schema = resolveRef(input, context);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "type" && Array.isArray(value)) Object.assign(out, typeList(value as unknown[]));
    else if (key === "const") out.enum = [value];
    else if (key === "oneOf" || key === "anyOf") out.anyOf = list(value, next);
    else if (key === "allOf") Object.assign(out, single(value, next));
    else if (key === "properties" && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? convert(sub, next) : sub]));
    } else if (key === "items" && isObject(value)) out.items = convert(value, next);
    else if (KEPT.has(key)) out[key] = value;
  }
  return out;
}

function resolveRef(schema: Record<string, unknown>, context: Context): Record<string, unknown> {
  if (typeof schema.$ref !== "string") return schema;
  // A $ref to a $ref is followed on, one nesting level each, so a loop hits MAX_DEPTH.
  if (context.depth > MAX_DEPTH) {
    throw new RequestMappingError(context.param, `${context.param}: the schema nests too deeply (a recursive $ref?) for Gemini`);
  }
  const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(schema.$ref);
  const target = match ? context.definitions[decodeURIComponent(match[1])] : undefined;
  if (!isObject(target)) {
    throw new RequestMappingError(context.param, `${context.param}: $ref '${schema.$ref}' cannot be resolved (only local $defs are supported by Gemini)`);
  }
  // Siblings of a $ref (a description...) refine the target.
  const rest = { ...schema };
  delete rest.$ref;
  return resolveRef({ ...target, ...rest }, { ...context, depth: context.depth + 1 });
}

function typeList(types: unknown[]): Record<string, unknown> {
  const nonNull = types.filter((t) => t !== "null");
  const nullable = nonNull.length < types.length ? { nullable: true } : {};
  if (nonNull.length === 1) return { type: nonNull[0], ...nullable };
  return { anyOf: nonNull.map((type) => ({ type })), ...nullable };
}

function list(value: unknown, context: Context): unknown[] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (isObject(item) ? convert(item, context) : item));
}

function single(value: unknown, context: Context): Record<string, unknown> {
  if (Array.isArray(value) && value.length === 1 && isObject(value[0])) return convert(value[0], context);
  throw new RequestMappingError(context.param, `${context.param}: allOf with several schemas is not supported by Gemini`);
}
