import { RequestMappingError } from "../native/mapping-error";
import { contentParts, isHttpUrl, parseDataUrl, textOnly, toolCallsOf, type ContentPart, type OpenAIMessage } from "../native/openai-messages";

/**
 * OpenAI chat messages → Anthropic's `system` + `messages`.
 *
 * Anthropic has no system role inside the conversation: every system and developer message
 * is hoisted, in order, into the top-level `system`. Tool results travel as `tool_result`
 * blocks in a user turn, tool calls as `tool_use` blocks in an assistant turn, and
 * consecutive turns of one role are merged, since the API expects user and assistant to
 * alternate (and wants all results of one round of tool calls in a single user turn).
 */

type Block = Record<string, unknown>;
export interface AnthropicMessage {
  role: "user" | "assistant";
  content: string | Block[];
}

export function toAnthropicMessages(messages: OpenAIMessage[]): { system?: string; messages: AnthropicMessage[] } {
  const system: string[] = [];
  const turns: Array<{ role: "user" | "assistant"; blocks: Block[] }> = [];
  const add = (role: "user" | "assistant", blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.blocks.push(...blocks);
    else turns.push({ role, blocks });
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
        add("user", contentParts(message.content, `${where}.content`).flatMap((part) => userBlock(part, `${where}.content`)));
        break;
      case "assistant": {
        const text = contentParts(message.content, `${where}.content`).flatMap((part) => userBlock(part, `${where}.content`));
        const calls = toolCallsOf(message, where).map((call, j) => ({
          type: "tool_use",
          // Anthropic needs an id to pair the result with; OpenAI history normally has one.
          id: call.id || `call_${i}_${j}`,
          name: call.function.name,
          input: call.input,
        }));
        add("assistant", [...text, ...calls]);
        break;
      }
      case "tool": {
        if (typeof message.tool_call_id !== "string" || !message.tool_call_id) {
          throw new RequestMappingError(where, `${where} (role tool) needs a tool_call_id`, "invalid_parameter");
        }
        add("user", [{ type: "tool_result", tool_use_id: message.tool_call_id, content: textOnly(message.content, `${where}.content`) }]);
        break;
      }
      default:
        throw new RequestMappingError(`${where}.role`, `message role '${message.role}' is not supported by Anthropic`);
    }
  });

  return {
    ...(system.length > 0 ? { system: system.join("\n\n") } : {}),
    // A turn that is one text block goes as a plain string: the simplest form the API takes.
    messages: turns.map(({ role, blocks }) => ({
      role,
      content: blocks.length === 1 && blocks[0].type === "text" ? (blocks[0].text as string) : blocks,
    })),
  };
}

function userBlock(part: ContentPart, where: string): Block[] {
  if (part.kind === "text") {
    // Anthropic rejects empty text blocks; an empty string carries nothing anyway.
    return part.text ? [{ type: "text", text: part.text }] : [];
  }
  if (part.kind === "image") return [imageBlock(part.url, where)];
  return [documentBlock(part.dataUrl, where)];
}

/** A data URL becomes a base64 source; an http(s) URL a url source, which Anthropic fetches itself. */
function imageBlock(url: string, where: string): Block {
  const data = parseDataUrl(url);
  if (data) return { type: "image", source: { type: "base64", media_type: data.mediaType, data: data.data } };
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
