import { badRequest } from "@/lib/core/http/errors";
import { checkForModel, modelCapabilities, modelLabel, refusedShape } from "@/lib/providers/model-policy";
import type { Provider } from "@/lib/providers/types";

export interface SupportedBody {
  body: Record<string, unknown>;
  /** Parameters removed because the model refuses them and the prompt opted in to dropping them. */
  dropped: string[];
}

/**
 * Checks, before any upstream call, a request against what the chosen model accepts (the
 * provider's declaration, per model family): a 400 naming the parameter and the model beats
 * a silently dropped setting or an opaque provider error. Parameters the model only takes at
 * their default are removed; with `dropUnsupported` (a prompt setting) refused parameters are
 * removed too and listed, so the answer can say which.
 */
export function supportedBody(
  provider: Provider,
  kind: "chat" | "completion",
  body: Record<string, unknown>,
  stream: boolean,
  dropUnsupported = false,
): SupportedBody {
  const caps = modelCapabilities(provider, body.model);
  const who = modelLabel(provider, body.model);
  const refuse = (what: string, param: string | null) => badRequest(`${who} does not support ${what}`, param, "unsupported_parameter");

  if (kind === "completion" && !caps.completion) throw refuse("completion (text) templates", "template_type");
  if (kind === "chat" && !caps.chat) throw refuse("chat templates", "template_type");
  if (stream && !caps.streaming) throw refuse("streaming", "stream");
  if (hasValue(body.tools) && !caps.tools) throw refuse("tools", "tools");
  const format = (body.response_format as { type?: string } | undefined)?.type;
  if (format === "json_object" && !caps.jsonMode) throw refuse("response_format json_object", "response_format");
  if (format === "json_schema" && !caps.jsonSchema) throw refuse("response_format json_schema", "response_format");
  if (kind === "chat" && !caps.vision && hasImage(body.messages)) throw refuse("image inputs", "messages");
  // The conversation's shape first: dropping parameters can't make it acceptable.
  const shape = refusedShape(provider, body);
  if (shape) throw badRequest(shape.message, shape.param, shape.code);
  const checked = checkForModel(provider, body, dropUnsupported);
  if (checked.refusal) throw badRequest(checked.refusal.message, checked.refusal.param, checked.refusal.code);
  return { body: checked.body, dropped: checked.dropped };
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
