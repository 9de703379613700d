import { badRequest } from "@/lib/core/http/errors";

export type TemplateType = "chat" | "completion";

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The template type of a version: `template_metadata.template_type` when given, else chat
 * when the string is a JSON array of messages (objects with a role), else completion.
 */
export function templateTypeOf(string: string, metadata: Record<string, unknown> | null | undefined): TemplateType {
  const declared = metadata?.template_type;
  if (declared !== undefined && declared !== null) {
    if (declared === "chat" || declared === "completion") return declared;
    throw badRequest(`template_metadata.template_type must be "chat" or "completion", got ${JSON.stringify(declared)}`, "template_metadata");
  }
  const parsed = parseJson(string);
  const looksLikeChat = Array.isArray(parsed) && parsed.length > 0 && parsed.every((m) => isObject(m) && "role" in m);
  return looksLikeChat ? "chat" : "completion";
}

/**
 * A chat template must be a JSON array of `{role, content}` messages; the engine renders
 * each string content, so anything else would only fail later, at completion time.
 * Content may be a string or an array of parts (images...), or absent on an assistant
 * message that carries tool calls.
 */
export function assertValidTemplate(type: TemplateType, string: string): void {
  if (type === "completion") return;
  const parsed = parseJson(string);
  if (!Array.isArray(parsed)) {
    throw badRequest("string: a chat template must be a JSON array of {role, content} messages", "string");
  }
  if (parsed.length === 0) throw badRequest("string: a chat template needs at least one message", "string");
  parsed.forEach((message, index) => {
    const where = `string: message ${index}`;
    if (!isObject(message)) throw badRequest(`${where} is not an object`, "string");
    if (typeof message.role !== "string" || message.role.length === 0) {
      throw badRequest(`${where} has no role`, "string");
    }
    const content = message.content;
    const hasCalls = message.tool_calls !== undefined || message.function_call !== undefined;
    if (typeof content === "string" || Array.isArray(content)) return;
    if ((content === undefined || content === null) && hasCalls) return;
    throw badRequest(`${where} needs a content (a string or an array of parts)`, "string");
  });
}
