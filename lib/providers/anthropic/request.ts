import { RequestMappingError } from "../native/mapping-error";
import { messagesOf, isObject } from "../native/openai-messages";
import { modelCapabilities } from "../model-policy";
import { checkParameters, declaredPolicy, maxTokensOf, modelChecked, numberParam, OPENAI_ONLY_FIELDS, stopSequences } from "../native/parameters";
import { functionTools, toolChoiceOf, type FunctionTool, type ToolChoice } from "../native/tools";
import { anthropicDeclaration } from "./declaration";
import { toAnthropicMessages } from "./messages";
import { toOutputSchema } from "./output-schema";

/**
 * Anthropic requires `max_tokens`; OpenAI does not. A prompt that sets neither
 * `max_tokens` nor `max_completion_tokens` gets this default: enough for a long answer and
 * within every current Claude model's output limit.
 */
export const ANTHROPIC_DEFAULT_MAX_TOKENS = 4096;

// n, logprobs, penalties and seed are refused from the capability table (declaredPolicy).
const POLICY = declaredPolicy(anthropicDeclaration, {
  handled: [
    "model", "messages", "stream", "max_tokens", "max_completion_tokens", "temperature", "top_p", "top_k", "stop",
    "tools", "tool_choice", "parallel_tool_calls", "user", "response_format",
  ],
  // Usage always comes on the last chunk; storage, metadata and tiers are OpenAI-side bookkeeping.
  ignored: ["stream_options", "store", "metadata", "service_tier"],
  unsupported: OPENAI_ONLY_FIELDS,
});

/** An OpenAI chat body → an Anthropic Messages API body. */
export function toAnthropicRequest(requested: Record<string, unknown>, stream: boolean): Record<string, unknown> {
  // What this Claude model refuses or ignores (./model-families.ts), then what no Claude maps.
  const body = modelChecked(anthropicDeclaration, requested);
  checkParameters(body, POLICY, "Anthropic");
  const outputFormat = outputFormatOf(body);
  const { system, messages } = toAnthropicMessages(messagesOf(body));
  const tools = functionTools(body.tools);
  const stop = anthropicStopSequences(body.stop);
  return {
    model: body.model,
    max_tokens: maxTokensOf(body) ?? ANTHROPIC_DEFAULT_MAX_TOKENS,
    ...(system ? { system } : {}),
    messages,
    ...optional("temperature", numberParam(body, "temperature")),
    ...optional("top_p", numberParam(body, "top_p")),
    ...optional("top_k", numberParam(body, "top_k")),
    ...(stop ? { stop_sequences: stop } : {}),
    ...toolFields(tools, toolChoiceOf(body.tool_choice, tools), body.parallel_tool_calls),
    ...(typeof body.user === "string" && body.user ? { metadata: { user_id: body.user } } : {}),
    ...(outputFormat ? { output_config: { format: outputFormat } } : {}),
    stream,
  };
}

/**
 * `response_format` json_schema → structured outputs (`output_config.format`) on the models
 * that have them; json_object asks for "any JSON object", which a structured-outputs schema
 * cannot say (its objects must be closed), so it is refused like any other format.
 */
function outputFormatOf(body: Record<string, unknown>): Record<string, unknown> | undefined {
  const format = body.response_format;
  if (format === undefined || format === null) return undefined;
  const type = isObject(format) ? format.type : undefined;
  if (type === "text") return undefined;
  const who = typeof body.model === "string" && body.model ? `Anthropic model '${body.model}'` : "Anthropic";
  if (type !== "json_schema" || !modelCapabilities(anthropicDeclaration, body.model).jsonSchema) {
    throw new RequestMappingError("response_format", `response_format ${String(type)} is not supported by ${who}`);
  }
  const jsonSchema = isObject(format) ? format.json_schema : undefined;
  const schema = isObject(jsonSchema) ? jsonSchema.schema : undefined;
  if (!isObject(schema)) {
    throw new RequestMappingError("response_format", "response_format json_schema needs json_schema.schema (a JSON Schema object) for Anthropic", "invalid_parameter");
  }
  return { type: "json_schema", schema: toOutputSchema(schema) };
}

/**
 * OpenAI's `stop` as Anthropic's `stop_sequences`. Empty strings match nothing and are left
 * out; the API refuses whitespace-only ones ("each stop sequence must contain
 * non-whitespace"), and dropping `"\n"` would change where the answer ends, so they are refused.
 */
function anthropicStopSequences(stop: unknown): string[] | undefined {
  const sequences = stopSequences(stop)?.filter((sequence) => sequence !== "");
  if (sequences?.some((sequence) => !sequence.trim())) {
    throw new RequestMappingError("stop", "Anthropic does not accept whitespace-only stop sequences (such as \"\\n\"): remove them from stop", "invalid_parameter");
  }
  return sequences && sequences.length > 0 ? sequences : undefined;
}

function toolFields(tools: FunctionTool[], choice: ToolChoice | undefined, parallel: unknown): Record<string, unknown> {
  // Without tools a tool_choice constrains nothing: dropping it changes no answer.
  if (tools.length === 0) return {};
  const anthropicTools = tools.map((tool) => ({
    name: tool.name,
    ...(tool.description ? { description: tool.description } : {}),
    // Anthropic requires an object schema, even for a function without arguments.
    input_schema: { type: "object", ...(tool.parameters ?? { properties: {} }) },
  }));
  const disableParallel = parallel === false;
  if (parallel !== undefined && parallel !== null && typeof parallel !== "boolean") {
    throw new RequestMappingError("parallel_tool_calls", "parallel_tool_calls must be a boolean", "invalid_parameter");
  }
  let toolChoice: Record<string, unknown> | undefined;
  if (choice?.mode === "none") toolChoice = { type: "none" };
  else if (choice || disableParallel) {
    const base = choice?.mode === "required" ? { type: "any" } : choice?.mode === "function" ? { type: "tool", name: choice.name } : { type: "auto" };
    toolChoice = disableParallel ? { ...base, disable_parallel_tool_use: true } : base;
  }
  return { tools: anthropicTools, ...(toolChoice ? { tool_choice: toolChoice } : {}) };
}

function optional(key: string, value: number | undefined): Record<string, number> {
  return value === undefined ? {} : { [key]: value };
}
