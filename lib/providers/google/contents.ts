import { RequestMappingError } from "../native/mapping-error";
import { contentParts, isHttpUrl, parseDataUrl, textOnly, toolCallsOf, type ContentPart, type OpenAIMessage } from "../native/openai-messages";

/**
 * OpenAI chat messages → Gemini's `systemInstruction` + `contents`.
 *
 * System and developer messages are hoisted, in order, into `systemInstruction`. Roles
 * become `user` / `model`; tool calls are `functionCall` parts of a model turn and tool
 * results `functionResponse` parts of a user turn, named after the call they answer (Gemini
 * pairs them by name, OpenAI by id). Consecutive turns of one role are merged: Gemini wants
 * the turns to alternate and all responses to one round of calls in a single turn.
 */

type Part = Record<string, unknown>;
export interface GeminiContent {
  role: "user" | "model";
  parts: Part[];
}

/**
 * Gemini 3 models require the thought signature of each function call they made to come
 * back with the history. OpenAI-format history cannot carry it; this is the value Google
 * documents for calls that were not produced by the model in this conversation.
 */
export const REPLAYED_CALL_SIGNATURE = "skip_thought_signature_validator";

export function toGeminiContents(messages: OpenAIMessage[]): { systemInstruction?: { parts: Part[] }; contents: GeminiContent[] } {
  const system: string[] = [];
  const contents: GeminiContent[] = [];
  const callNames = new Map<string, string>();
  const add = (role: "user" | "model", parts: Part[]) => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    switch (message.role) {
      case "system":
      case "developer": {
        const text = textOnly(message.content, `${where}.content`);
        if (text.trim()) system.push(text);
        break;
      }
      case "user":
        add("user", contentParts(message.content, `${where}.content`).flatMap((part) => toPart(part, `${where}.content`)));
        break;
      case "assistant": {
        const text = contentParts(message.content, `${where}.content`).flatMap((part) => toPart(part, `${where}.content`));
        const calls = toolCallsOf(message, where).map((call) => {
          if (call.id) callNames.set(call.id, call.function.name);
          return { functionCall: { name: call.function.name, args: call.input }, thoughtSignature: REPLAYED_CALL_SIGNATURE };
        });
        add("model", [...text, ...calls]);
        break;
      }
      case "tool": {
        const name = (message.tool_call_id && callNames.get(message.tool_call_id)) || message.name;
        if (!name) {
          throw new RequestMappingError(where, `${where}: no earlier assistant tool call has id '${String(message.tool_call_id)}'`, "invalid_parameter");
        }
        add("user", [{ functionResponse: { name, response: responseObject(textOnly(message.content, `${where}.content`)) } }]);
        break;
      }
      default:
        throw new RequestMappingError(`${where}.role`, `message role '${message.role}' is not supported by Google Gemini`);
    }
  });

  return { ...(system.length > 0 ? { systemInstruction: { parts: [{ text: system.join("\n\n") }] } } : {}), contents };
}

/** Gemini's `response` must be an object: a JSON object result goes as is, anything else wrapped. */
function responseObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Plain text: wrapped below.
  }
  return { content: text };
}

function toPart(part: ContentPart, where: string): Part[] {
  if (part.kind === "text") return part.text ? [{ text: part.text }] : [];
  const url = part.kind === "image" ? part.url : part.dataUrl;
  const data = parseDataUrl(url);
  if (data) return [{ inlineData: { mimeType: data.mediaType, data: data.data } }];
  if (part.kind === "image" && isHttpUrl(url)) return [{ fileData: { mimeType: guessMimeType(url), fileUri: url } }];
  throw new RequestMappingError(where, `${where}: a ${part.kind} must be a base64 data URL${part.kind === "image" ? " or an http(s) URL" : ""}`, "invalid_parameter");
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp",
  heic: "image/heic", heif: "image/heif", bmp: "image/bmp", pdf: "application/pdf",
};

/** `fileData` needs a mime type and an image URL says it only by its extension; JPEG otherwise. */
export function guessMimeType(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not parseable: look at the raw string.
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && MIME_BY_EXTENSION[extension]) || "image/jpeg";
}
