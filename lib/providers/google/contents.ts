import { RequestMappingError } from "../native/mapping-error";
import { isHttpUrl, isObject, parseDataUrl, type ContentPart, type OpenAIMessage } from "../native/openai-messages";
import { walkMessages } from "../native/walk-messages";
import { extensionSignature, isDerivedCallId, SIGNATURE_BYPASS, splitCallId } from "./thought-signature";

/**
 * OpenAI chat messages → Gemini's `systemInstruction` + `contents` (the walk is walkMessages').
 *
 * System and developer messages go to `systemInstruction`. Roles become `user` / `model`;
 * tool calls are `functionCall` parts of a model turn and tool results `functionResponse`
 * parts of a user turn, named after the call they answer (Gemini pairs them by name, and by
 * id when it gave one). A call's thought signature goes back with it (./thought-signature.ts).
 */

type Part = Record<string, unknown>;
export interface GeminiContent {
  role: "user" | "model";
  parts: Part[];
}

export function toGeminiContents(messages: OpenAIMessage[]): { systemInstruction?: { parts: Part[] }; contents: GeminiContent[] } {
  const calls = new Map<string, { name: string; id?: string }>();
  const signatures = (i: number) => (Array.isArray(messages[i].tool_calls) ? messages[i].tool_calls : []).map((raw: unknown) => {
    const id = isObject(raw) && typeof raw.id === "string" ? raw.id : "";
    return extensionSignature(raw) ?? splitCallId(id).signature;
  });
  const { system, turns } = walkMessages<Part, "model">(messages, {
    provider: "Google Gemini",
    modelRole: "model",
    contentPart: toPart,
    toolCall: (call, i, j) => {
      const own = signatures(i);
      // Signatures go back exactly as received (Gemini signs only the first of parallel calls);
      // a step with none was not made by this model here, and gets Google's bypass value.
      const signature = own.some(Boolean) ? own[j] : SIGNATURE_BYPASS;
      const { id } = splitCallId(call.id);
      const replayedId = id && !isDerivedCallId(id) ? id : undefined;
      if (call.id) calls.set(call.id, { name: call.function.name, id: replayedId });
      return {
        functionCall: { ...(replayedId ? { id: replayedId } : {}), name: call.function.name, args: call.input },
        ...(signature ? { thoughtSignature: signature } : {}),
      };
    },
    toolResult: (message, text, where) => {
      const call = message.tool_call_id ? calls.get(message.tool_call_id) : undefined;
      const name = call?.name || message.name;
      if (!name) {
        throw new RequestMappingError(where, `${where}: no earlier assistant tool call has id '${String(message.tool_call_id)}'`, "invalid_parameter");
      }
      return { functionResponse: { ...(call?.id ? { id: call.id } : {}), name, response: responseObject(text()) } };
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
