import { RequestMappingError } from "../native/mapping-error";
import { isHttpUrl, parseDataUrl, type ContentPart, type OpenAIMessage } from "../native/openai-messages";
import { walkMessages } from "../native/walk-messages";

/**
 * OpenAI chat messages → Anthropic's `system` + `messages` (the walk is walkMessages').
 *
 * Anthropic has no system role inside the conversation: system and developer messages go
 * to the top-level `system`. Tool results travel as `tool_result` blocks in a user turn,
 * tool calls as `tool_use` blocks in an assistant turn.
 */

type Block = Record<string, unknown>;
export interface AnthropicMessage {
  role: "user" | "assistant";
  content: string | Block[];
}

export function toAnthropicMessages(messages: OpenAIMessage[]): { system?: string; messages: AnthropicMessage[] } {
  const { system, turns } = walkMessages<Block, "assistant">(messages, {
    provider: "Anthropic",
    modelRole: "assistant",
    contentPart: userBlock,
    toolCall: (call, i, j) => ({
      type: "tool_use",
      // Anthropic needs an id to pair the result with; OpenAI history normally has one.
      id: call.id || `call_${i}_${j}`,
      name: call.function.name,
      input: call.input,
    }),
    toolResult: (message, text, where) => {
      if (typeof message.tool_call_id !== "string" || !message.tool_call_id) {
        throw new RequestMappingError(where, `${where} (role tool) needs a tool_call_id`, "invalid_parameter");
      }
      return { type: "tool_result", tool_use_id: message.tool_call_id, content: text() };
    },
  });

  trimPrefill(turns);
  return {
    ...(system !== undefined ? { system } : {}),
    // A turn that is one text block goes as a plain string: the simplest form the API takes.
    messages: turns.map(({ role, parts }) => ({
      role,
      content: parts.length === 1 && parts[0].type === "text" ? (parts[0].text as string) : parts,
    })),
  };
}

/**
 * A final assistant turn (a prefill the model continues) may not end with whitespace: the API
 * answers "final assistant content cannot end with trailing whitespace". Trimmed, it means the same.
 */
function trimPrefill(turns: Array<{ role: string; parts: Block[] }>): void {
  const last = turns.at(-1);
  const block = last?.role === "assistant" ? last.parts.at(-1) : undefined;
  if (block?.type === "text" && typeof block.text === "string") block.text = block.text.trimEnd();
}

function userBlock(part: ContentPart, where: string): Block[] {
  if (part.kind === "text") {
    // Anthropic rejects text blocks that are empty or only whitespace ("text content blocks must
    // contain non-whitespace text"), such as the "\n\n" Claude itself writes before a tool call
    // and a client replays: they carry nothing, so they are left out.
    return part.text.trim() ? [{ type: "text", text: part.text }] : [];
  }
  if (part.kind === "image") return [imageBlock(part.url, where)];
  return [documentBlock(part.dataUrl, where)];
}

/** The image types the Messages API takes (Base64ImageSource.media_type); `image/jpg` is a common alias. */
const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);
const IMAGE_ALIASES: Record<string, string> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg" };

/** A data URL becomes a base64 source; an http(s) URL a url source, which Anthropic fetches itself. */
function imageBlock(url: string, where: string): Block {
  const data = parseDataUrl(url);
  if (data) {
    const mediaType = IMAGE_ALIASES[data.mediaType] ?? data.mediaType;
    if (!IMAGE_TYPES.has(mediaType)) {
      throw new RequestMappingError(where, `${where}: image type '${data.mediaType}' is not supported by Anthropic (JPEG, PNG, GIF or WebP)`, "invalid_parameter");
    }
    return { type: "image", source: { type: "base64", media_type: mediaType, data: data.data } };
  }
  if (isHttpUrl(url)) return { type: "image", source: { type: "url", url } };
  throw new RequestMappingError(where, `${where}: an image must be a base64 data URL or an http(s) URL`, "invalid_parameter");
}

/** OpenAI `file` parts with inline data: PDFs (and plain text) are Anthropic documents. */
function documentBlock(dataUrl: string, where: string): Block {
  const data = parseDataUrl(dataUrl);
  if (data?.mediaType === "application/pdf") {
    return { type: "document", source: { type: "base64", media_type: "application/pdf", data: data.data } };
  }
  if (data?.mediaType === "text/plain") {
    return { type: "document", source: { type: "text", media_type: "text/plain", data: decodeBase64Text(data.data) } };
  }
  throw new RequestMappingError(where, `${where}: Anthropic accepts files only as PDF or plain-text data URLs`);
}

function decodeBase64Text(base64: string): string {
  return new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
}
