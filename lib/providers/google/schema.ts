import { RequestMappingError } from "../native/mapping-error";
import { isObject } from "../native/openai-messages";

/**
 * JSON Schema (as OpenAI takes it for tool parameters and json_schema formats) → what Gemini
 * takes, in one of its two dialects:
 * - toGeminiJsonSchema: full JSON Schema, for `parametersJsonSchema` / `responseJsonSchema`
 *   (Gemini 2.5 and later). Only the keywords Google lists as supported are kept; `const`
 *   becomes a one-value `enum`; `enum` holds strings and numbers only.
 * - toGeminiSchema: Gemini's `Schema`, an OpenAPI 3.0 subset, for `parameters` /
 *   `responseSchema`. Gemini rejects keys outside that subset, enum values that are not
 *   strings, an enum without a type, and formats other than the few it lists, so:
 *   `type: [T, "null"]` → `type: T, nullable: true`; `const` and `enum` → a string-typed
 *   `enum` of strings; `oneOf` → `anyOf`; a one-element `allOf` → its element; local `$ref`s
 *   inlined; other formats, annotations and strictness keys (`$schema`, `additionalProperties`…)
 *   dropped, since they constrain Gemini's output no further than the rest.
 */

const MAX_DEPTH = 32;

// ---------- Gemini's OpenAPI-subset Schema ----------

const KEPT = new Set([
  "type", "title", "description", "nullable", "maxItems", "minItems", "properties", "required",
  "minProperties", "maxProperties", "minLength", "maxLength", "pattern", "example", "anyOf", "propertyOrdering",
  "default", "items", "minimum", "maximum",
]);

/** The formats Gemini's Schema takes, per type; any other is dropped. */
const SCHEMA_FORMATS: Record<string, readonly string[]> = {
  string: ["enum", "date-time"],
  number: ["float", "double"],
  integer: ["int32", "int64"],
};

export function toGeminiSchema(schema: Record<string, unknown>, param: string): Record<string, unknown> {
  const definitions = { ...(isObject(schema.definitions) ? schema.definitions : {}), ...(isObject(schema.$defs) ? schema.$defs : {}) };
  return convert(schema, { definitions, param, depth: 0 });
}

interface Context {
  definitions: Record<string, unknown>;
  param: string;
  depth: number;
}

function tooDeep(context: Context): never {
  throw new RequestMappingError(context.param, `${context.param}: the schema nests too deeply (a recursive $ref?) for Gemini`);
}

function convert(input: Record<string, unknown>, context: Context): Record<string, unknown> {
  if (context.depth > MAX_DEPTH) tooDeep(context);
  const next = { ...context, depth: context.depth + 1 };
  const schema = resolveRef(input, context);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "type" && Array.isArray(value)) Object.assign(out, typeList(value as unknown[]));
    else if (key === "oneOf" || key === "anyOf") out.anyOf = list(value, next);
    else if (key === "allOf") Object.assign(out, single(value, next));
    else if (key === "properties" && isObject(value)) {
      out.properties = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? convert(sub, next) : sub]));
    } else if (key === "items" && isObject(value)) out.items = convert(value, next);
    else if (KEPT.has(key)) out[key] = value;
  }
  const values = "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : null;
  if (values) {
    // Gemini's enum is a list of strings of a STRING schema: a number or boolean becomes its text.
    out.type = "string";
    out.enum = values.filter((value) => value !== null).map((value) => (typeof value === "string" ? value : JSON.stringify(value)));
    if (values.includes(null)) out.nullable = true;
  }
  const format = schema.format;
  if (typeof format === "string" && typeof out.type === "string" && SCHEMA_FORMATS[out.type]?.includes(format)) out.format = format;
  return out;
}

function resolveRef(schema: Record<string, unknown>, context: Context): Record<string, unknown> {
  if (typeof schema.$ref !== "string") return schema;
  // A $ref to a $ref is followed on, one nesting level each, so a loop hits MAX_DEPTH.
  if (context.depth > MAX_DEPTH) tooDeep(context);
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

// ---------- full JSON Schema ----------

/** The keywords Google documents for responseJsonSchema / parametersJsonSchema. */
const JSON_SCHEMA_KEPT = new Set([
  "$id", "$anchor", "type", "format", "title", "description", "minItems", "maxItems", "minimum", "maximum",
  "required", "propertyOrdering",
]);

export function toGeminiJsonSchema(schema: Record<string, unknown>, param: string): Record<string, unknown> {
  return jsonSchema(schema, { param, depth: 0 });
}

function jsonSchema(schema: Record<string, unknown>, context: { param: string; depth: number }): Record<string, unknown> {
  if (context.depth > MAX_DEPTH) throw new RequestMappingError(context.param, `${context.param}: the schema nests too deeply for Gemini`);
  const next = { ...context, depth: context.depth + 1 };
  const sub = (value: unknown) => (isObject(value) ? jsonSchema(value, next) : value);
  const subs = (value: unknown) => (Array.isArray(value) ? value.map(sub) : value);
  const subMap = (value: unknown) => (isObject(value) ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)])) : value);

  // A $ref may only have $-keywords beside it.
  if (typeof schema.$ref === "string") {
    return Object.fromEntries(Object.entries(schema).filter(([key]) => key.startsWith("$")).map(([key, value]) => [key, key === "$ref" ? refTarget(value as string) : key === "$defs" ? subMap(value) : value]));
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "properties" || key === "$defs" || key === "definitions") out[key === "properties" ? key : "$defs"] = subMap(value);
    else if (key === "items" || key === "additionalProperties") out[key] = sub(value);
    else if (key === "prefixItems" || key === "anyOf") out[key] = subs(value);
    // oneOf is taken as anyOf by Gemini: say so rather than rely on it.
    else if (key === "oneOf") out.anyOf = subs(value);
    else if (key === "allOf" && Array.isArray(value) && value.length === 1 && isObject(value[0])) Object.assign(out, jsonSchema(value[0], next));
    else if (key === "allOf") throw new RequestMappingError(context.param, `${context.param}: allOf with several schemas is not supported by Gemini`);
    else if (JSON_SCHEMA_KEPT.has(key)) out[key] = value;
  }
  const values = "const" in schema ? [schema.const] : Array.isArray(schema.enum) ? schema.enum : null;
  if (values) {
    // Gemini's enum takes strings and numbers: a boolean or null choice is left to the type.
    const kept = values.filter((value) => typeof value === "string" || typeof value === "number");
    if (kept.length > 0) out.enum = kept;
    const type = out.type ?? typeOfValues(values.filter((value) => value !== null));
    if (type !== undefined) out.type = type;
  }
  return out;
}

function typeOfValues(values: unknown[]): string | undefined {
  if (values.length === 0) return undefined;
  if (values.every((value) => typeof value === "string")) return "string";
  if (values.every((value) => typeof value === "boolean")) return "boolean";
  if (values.every((value) => Number.isInteger(value))) return "integer";
  if (values.every((value) => typeof value === "number")) return "number";
  return undefined;
}

/** `#/definitions/X` (draft 7) → `#/$defs/X`, where this conversion moves them. */
function refTarget(ref: string): string {
  return ref.replace(/^#\/definitions\//, "#/$defs/");
}
