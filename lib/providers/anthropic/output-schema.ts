import { isObject } from "../native/openai-messages";

/**
 * An OpenAI `response_format.json_schema.schema` → the schema Claude's structured outputs take
 * (`output_config.format.schema`), as the SDK's own transformJSONSchema does it: every object
 * closes with `additionalProperties: false` (the API refuses any other value), `oneOf` becomes
 * `anyOf`, and the keywords constrained decoding cannot enforce (numeric and string limits,
 * patterns, array sizes beyond minItems 0 or 1, unknown string formats) move into the
 * description, so the model still reads them. Kept as well, where the SDK would move them:
 * `enum`, `const` and `default`, which the structured-outputs page lists as supported.
 */

const KEPT_FORMATS = new Set(["date-time", "time", "date", "duration", "email", "hostname", "uri", "ipv4", "ipv6", "uuid"]);
const KEPT = ["type", "title", "enum", "const", "default", "required", "$ref"];

type Schema = Record<string, unknown>;

export function toOutputSchema(schema: Schema): Schema {
  const rest: Schema = { ...schema };
  const out: Schema = {};
  const take = (key: string) => {
    const value = rest[key];
    delete rest[key];
    return value;
  };
  for (const key of KEPT) if (key in rest) out[key] = take(key);
  const description = take("description");

  for (const defsKey of ["$defs", "definitions"]) {
    const defs = take(defsKey);
    if (isObject(defs)) out[defsKey] = mapValues(defs, sub);
  }
  const anyOf = take("anyOf") ?? take("oneOf");
  if (Array.isArray(anyOf)) out.anyOf = anyOf.map(sub);
  const allOf = take("allOf");
  if (Array.isArray(allOf)) out.allOf = allOf.map(sub);

  const types = Array.isArray(out.type) ? out.type : [out.type];
  const properties = take("properties");
  if (types.includes("object") || isObject(properties)) {
    out.properties = isObject(properties) ? mapValues(properties, sub) : {};
    delete rest.additionalProperties;
    out.additionalProperties = false;
  }
  if ("items" in rest) out.items = sub(take("items"));
  if (rest.minItems === 0 || rest.minItems === 1) out.minItems = take("minItems");
  if (typeof rest.format === "string" && KEPT_FORMATS.has(rest.format)) out.format = take("format");

  const moved = Object.entries(rest).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  const text = [typeof description === "string" ? description : "", moved.length > 0 ? `{${moved.join(", ")}}` : ""].filter(Boolean).join("\n\n");
  if (text) out.description = text;
  return out;
}

/** A sub-schema; `true`/`false` schemas and other non-objects pass unchanged. */
function sub(value: unknown): unknown {
  return isObject(value) ? toOutputSchema(value) : value;
}

function mapValues(record: Schema, map: (value: unknown) => unknown): Schema {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}
