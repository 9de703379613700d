import { badRequest } from "@/lib/core/http/errors";
import { refusedParameter } from "@/lib/providers/capability-parameters";
import type { Provider } from "@/lib/providers/types";

/**
 * Refuses, before any upstream call, a request the provider cannot honour: a 400 naming the
 * parameter beats a silently dropped setting or an opaque provider error.
 */
export function assertSupported(provider: Provider, kind: "chat" | "completion", body: Record<string, unknown>, stream: boolean): void {
  const caps = provider.capabilities;
  const refuse = (what: string, param: string | null) =>
    badRequest(`${provider.displayName} does not support ${what}`, param, "unsupported_parameter");

  if (kind === "completion" && !caps.completion) throw refuse("completion (text) templates", "template_type");
  if (kind === "chat" && !caps.chat) throw refuse("chat templates", "template_type");
  if (stream && !caps.streaming) throw refuse("streaming", "stream");
  if (typeof body.n === "number" && body.n > 1 && !caps.multipleChoices) throw refuse("n > 1", "n");
  if (hasValue(body.tools) && !caps.tools) throw refuse("tools", "tools");
  if ((body.logprobs === true || typeof body.logprobs === "number") && !caps.logprobs) throw refuse("logprobs", "logprobs");
  const format = (body.response_format as { type?: string } | undefined)?.type;
  if (format === "json_object" && !caps.jsonMode) throw refuse("response_format json_object", "response_format");
  if (format === "json_schema" && !caps.jsonSchema) throw refuse("response_format json_schema", "response_format");
  if (kind === "chat" && !caps.vision && hasImage(body.messages)) throw refuse("image inputs", "messages");
  // Penalties, seed, temperature range: worded as the native adapters word them, from the same table.
  const refusal = refusedParameter(caps, provider.displayName, body);
  if (refusal) throw badRequest(refusal.message, refusal.param, refusal.code);
}

const hasValue = (value: unknown) => (Array.isArray(value) ? value.length > 0 : value != null);

function hasImage(messages: unknown): boolean {
  if (!Array.isArray(messages)) return false;
  return messages.some(
    (message) =>
      Array.isArray((message as { content?: unknown }).content) &&
      ((message as { content: { type?: string }[] }).content).some((part) => part?.type === "image_url"),
  );
}
