import { RequestMappingError } from "../native/mapping-error";
import { isHttpUrl, parseDataUrl, type ContentPart, type OpenAIMessage } from "../native/openai-messages";
import { walkMessages } from "../native/walk-messages";

/**
 * OpenAI chat messages → Gemini's `systemInstruction` + `contents` (the walk is walkMessages').
 *
 * System and developer messages go to `systemInstruction`. Roles become `user` / `model`;
 * tool calls are `functionCall` parts of a model turn and tool results `functionResponse`
 * parts of a user turn, named after the call they answer (Gemini pairs them by name,
 * OpenAI by id).
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
  const callNames = new Map<string, string>();
  const { system, turns } = walkMessages<Part, "model">(messages, {
    provider: "Google Gemini",
    modelRole: "model",
    contentPart: toPart,
    toolCall: (call) => {
      if (call.id) callNames.set(call.id, call.function.name);
      return { functionCall: { name: call.function.name, args: call.input }, thoughtSignature: REPLAYED_CALL_SIGNATURE };
    },
    toolResult: (message, text, where) => {
      const name = (message.tool_call_id && callNames.get(message.tool_call_id)) || message.name;
      if (!name) {
        throw new RequestMappingError(where, `${where}: no earlier assistant tool call has id '${String(message.tool_call_id)}'`, "invalid_parameter");
      }
      return { functionResponse: { name, response: responseObject(text()) } };
    },
  });

  return { ...(system !== undefined ? { systemInstruction: { parts: [{ text: system }] } } : {}), contents: turns };
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
