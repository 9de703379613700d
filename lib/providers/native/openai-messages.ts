import { RequestMappingError } from "./mapping-error";

/**
 * The OpenAI chat request shapes the native adapters read, and helpers to walk them.
 * Bodies come from stored prompts as much as from callers, so nothing is trusted: a shape
 * the provider cannot be given is a RequestMappingError naming where it sits.
 */

export interface OpenAIToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface OpenAIMessage {
  role: string;
  content?: unknown;
  name?: string;
  tool_calls?: unknown;
  tool_call_id?: string;
}

/** One content part, normalised: text, an image (data URL or remote URL), or a file as a data URL. */
export type ContentPart =
  | { kind: "text"; text: string }
  | { kind: "image"; url: string }
  | { kind: "file"; dataUrl: string; filename?: string };

export function messagesOf(body: Record<string, unknown>): OpenAIMessage[] {
  const messages = body.messages;
  if (!Array.isArray(messages)) throw new RequestMappingError("messages", "messages must be an array", "invalid_parameter");
  return messages.map((message, i) => {
    if (!isObject(message) || typeof message.role !== "string") {
      throw new RequestMappingError(`messages[${i}]`, `messages[${i}] must be an object with a role`, "invalid_parameter");
    }
    return message as unknown as OpenAIMessage;
  });
}

/** A message's content as parts; a plain string is one text part; null/undefined is none. */
export function contentParts(content: unknown, where: string): ContentPart[] {
  if (content === undefined || content === null) return [];
  if (typeof content === "string") return [{ kind: "text", text: content }];
  if (!Array.isArray(content)) throw new RequestMappingError(where, `${where} must be a string or an array of parts`, "invalid_parameter");
  return content.map((part, i): ContentPart => {
    const at = `${where}[${i}]`;
    if (!isObject(part)) throw new RequestMappingError(at, `${at} must be an object`, "invalid_parameter");
    // An assistant's `refusal` part is what it said: it is text to the next turn.
    if ((part.type === "text" || part.type === "refusal") && typeof (part.text ?? part.refusal) === "string") {
      return { kind: "text", text: String(part.text ?? part.refusal) };
    }
    if (part.type === "image_url") {
      const url = isObject(part.image_url) ? part.image_url.url : part.image_url;
      if (typeof url === "string" && url) return { kind: "image", url };
    }
    if (part.type === "file" && isObject(part.file) && typeof part.file.file_data === "string") {
      return { kind: "file", dataUrl: part.file.file_data, filename: typeof part.file.filename === "string" ? part.file.filename : undefined };
    }
    throw new RequestMappingError(at, `content part type '${String(part.type)}' at ${at} is not supported by this provider`);
  });
}

/** The text of a content that may only hold text (system prompts, tool results). */
export function textOnly(content: unknown, where: string): string {
  return contentParts(content, where)
    .map((part) => {
      if (part.kind !== "text") throw new RequestMappingError(where, `${where} may only contain text`);
      return part.text;
    })
    .join("\n");
}

/** An assistant message's tool calls, validated; their JSON arguments parsed to an object. */
export function toolCallsOf(message: OpenAIMessage, where: string): Array<OpenAIToolCall & { input: Record<string, unknown> }> {
  if (message.tool_calls === undefined || message.tool_calls === null) return [];
  if (!Array.isArray(message.tool_calls)) throw new RequestMappingError(where, `${where}.tool_calls must be an array`, "invalid_parameter");
  return message.tool_calls.map((call, i) => {
    const at = `${where}.tool_calls[${i}]`;
    if (!isObject(call) || !isObject(call.function) || typeof call.function.name !== "string") {
      throw new RequestMappingError(at, `${at} must be a function tool call with a name`, "invalid_parameter");
    }
    if (call.type !== undefined && call.type !== "function") {
      throw new RequestMappingError(at, `tool call type '${String(call.type)}' at ${at} is not supported by this provider`);
    }
    const args = call.function.arguments;
    let input: unknown = {};
    if (typeof args === "string" && args.trim()) {
      try {
        input = JSON.parse(args);
      } catch {
        throw new RequestMappingError(at, `${at}.function.arguments is not valid JSON`, "invalid_parameter");
      }
    } else if (isObject(args)) {
      input = args;
    }
    if (!isObject(input)) throw new RequestMappingError(at, `${at}.function.arguments must be a JSON object`, "invalid_parameter");
    return {
      id: typeof call.id === "string" ? call.id : "",
      type: "function" as const,
      function: { name: call.function.name, arguments: typeof args === "string" ? args : JSON.stringify(input) },
      input,
    };
  });
}

/** `data:image/png;base64,AAAA` → its media type and base64 payload; null for anything else. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | null {
  const match = /^data:([^;,]+)((?:;[^;,=]+=[^;,]*)*);base64,(.*)$/s.exec(url.trim());
  return match ? { mediaType: match[1].toLowerCase(), data: match[3] } : null;
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
