import { anthropicModelRules } from "./anthropic-models";
import { isObject } from "./native-plan";

/**
 * The checks api.anthropic.com makes on a Messages request, with its own 400 messages, so an
 * adapter bug shows up here as the error a real user would get. Returns the first message, or null.
 */

type Body = Record<string, unknown>;

/** MessageCreateParams' body fields (anthropic-sdk-typescript): anything else is "Extra inputs". */
const BODY_FIELDS = new Set([
  "model", "messages", "max_tokens", "system", "metadata", "stop_sequences", "stream", "temperature", "top_p", "top_k",
  "tools", "tool_choice", "thinking", "output_config", "service_tier", "container", "cache_control", "inference_geo",
  "context_management", "mcp_servers",
]);

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/gif", "image/webp"];

export function anthropicRequestError(body: Body | null): string | null {
  if (!body) return "Request body must be a JSON object";
  const extra = Object.keys(body).find((key) => !BODY_FIELDS.has(key));
  if (extra) return `${extra}: Extra inputs are not permitted`;
  if (typeof body.model !== "string" || !body.model) return "model: Field required";
  if (typeof body.max_tokens !== "number" || !Number.isInteger(body.max_tokens) || body.max_tokens < 1) return "max_tokens: Field required";
  if (!Array.isArray(body.messages) || body.messages.length === 0) return "messages: Field required";
  const bad = body.messages.findIndex((m) => !isObject(m) || (m.role !== "user" && m.role !== "assistant"));
  if (bad !== -1) return `messages.${bad}.role: Input should be 'user' or 'assistant'`;
  if (body.system !== undefined && typeof body.system !== "string" && !Array.isArray(body.system)) return "system: Input should be a valid string or list";
  return stopError(body.stop_sequences) ?? contentError(body.messages as Body[]) ?? modelError(body);
}

function stopError(stops: unknown): string | null {
  if (!Array.isArray(stops)) return null;
  if (stops.some((s) => s === "")) return "stop_sequences: each stop sequence must be non-empty";
  if (stops.some((s) => typeof s === "string" && !s.trim())) return "stop_sequences: each stop sequence must contain non-whitespace";
  return null;
}

function contentError(messages: Body[]): string | null {
  for (const [i, message] of messages.entries()) {
    const blocks = typeof message.content === "string" ? [{ type: "text", text: message.content }] : Array.isArray(message.content) ? message.content : [];
    for (const [j, block] of blocks.entries()) {
      if (!isObject(block)) continue;
      if (block.type === "text" && typeof block.text === "string") {
        if (block.text === "") return "messages: text content blocks must be non-empty";
        if (!block.text.trim()) return "messages: text content blocks must contain non-whitespace text";
      }
      if (block.type === "image" && isObject(block.source) && block.source.type === "base64" && !IMAGE_TYPES.includes(String(block.source.media_type))) {
        return `messages.${i}.content.${j}.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'`;
      }
    }
  }
  return null;
}

/** What depends on the model: prefill, sampling settings, structured outputs. */
function modelError(body: Body): string | null {
  const rules = anthropicModelRules(body.model as string);
  const messages = body.messages as Body[];
  const last = messages[messages.length - 1];
  if (last.role === "assistant") {
    if (!rules.prefill) return "This model does not support assistant message prefill. The conversation must end with a user message.";
    const text = typeof last.content === "string" ? last.content : Array.isArray(last.content) ? (last.content.at(-1) as Body | undefined)?.text : undefined;
    if (typeof text === "string" && text !== text.trimEnd()) return "messages: final assistant content cannot end with trailing whitespace";
  }
  if (rules.fixedSampling) {
    if (body.temperature !== undefined && body.temperature !== 1) return "`temperature` is deprecated for this model.";
    if (body.top_p !== undefined && !(typeof body.top_p === "number" && body.top_p >= 0.99)) return "`top_p` is deprecated for this model.";
    if (body.top_k !== undefined) return "`top_k` is deprecated for this model.";
  }
  if (rules.samplersExclusive && body.temperature !== undefined && body.top_p !== undefined) {
    return "`temperature` and `top_p` cannot both be specified for this model. Please use only one.";
  }
  return outputConfigError(body, rules.structuredOutputs);
}

function outputConfigError(body: Body, supported: boolean): string | null {
  const config = body.output_config;
  if (config === undefined) return null;
  if (!isObject(config)) return "output_config: Input should be a valid dictionary";
  const extra = Object.keys(config).find((key) => key !== "format" && key !== "effort");
  if (extra) return `output_config.${extra}: Extra inputs are not permitted`;
  const format = config.format;
  if (format === undefined || format === null) return null;
  if (!isObject(format)) return "output_config.format: Input should be a valid dictionary";
  if (format.type !== "json_schema") return "output_config.format.type: Input should be 'json_schema'";
  if (!isObject(format.schema)) return "output_config.format.schema: Field required";
  const formatExtra = Object.keys(format).find((key) => key !== "type" && key !== "schema");
  if (formatExtra) return `output_config.format.${formatExtra}: Extra inputs are not permitted`;
  if (!supported) return `output_config.format: structured outputs are not supported for model '${String(body.model)}'`;
  if (!objectsClosed(format.schema)) return "output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false";
  return null;
}

/** Every object (sub)schema sets additionalProperties: false, as structured outputs require. */
function objectsClosed(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.every(objectsClosed);
  if (!isObject(schema)) return true;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  if ((types.includes("object") || isObject(schema.properties)) && schema.additionalProperties !== false) return false;
  return Object.entries(schema).every(([key, value]) => (key === "properties" || key === "$defs" || key === "definitions" ? Object.values(isObject(value) ? value : {}).every(objectsClosed) : objectsClosed(value)));
}

/** A value matching a structured-outputs schema: the JSON text the mock answers with. */
export function sampleOf(schema: unknown): unknown {
  if (!isObject(schema)) return null;
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (Array.isArray(schema.anyOf)) return sampleOf(schema.anyOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const properties = isObject(schema.properties) ? schema.properties : {};
      return Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, sampleOf(value)]));
    }
    case "array":
      return [sampleOf(schema.items)];
    case "string":
      return "mock";
    case "integer":
    case "number":
      return 1;
    case "boolean":
      return true;
    default:
      return null;
  }
}
