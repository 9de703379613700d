import { RequestMappingError } from "../native/mapping-error";
import { messagesOf, isObject } from "../native/openai-messages";
import { checkParameters, declaredPolicy, maxTokensOf, modelChecked, numberParam, OPENAI_ONLY_FIELDS, stopSequences } from "../native/parameters";
import { functionTools, toolChoiceOf, type FunctionTool, type ToolChoice } from "../native/tools";
import { anthropicDeclaration } from "./declaration";
import { toAnthropicMessages } from "./messages";

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
  checkResponseFormat(body.response_format);
  const { system, messages } = toAnthropicMessages(messagesOf(body));
  const tools = functionTools(body.tools);
  const stop = stopSequences(body.stop);
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
    stream,
  };
}

/** Anthropic has no JSON mode: the capability table refuses both, this guards direct callers. */
function checkResponseFormat(format: unknown): void {
  if (format === undefined || format === null) return;
  const type = isObject(format) ? format.type : undefined;
  if (type === "text") return;
  throw new RequestMappingError("response_format", `response_format ${String(type)} is not supported by Anthropic`);
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
