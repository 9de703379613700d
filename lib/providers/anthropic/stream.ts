import type { SseEvent } from "@/lib/core/sse/parse-sse";
import { UpstreamStreamError } from "../native/mapping-error";
import { ChunkWriter, completionId } from "../native/openai-output";
import { isObject } from "../native/openai-messages";
import type { StreamTranslator } from "../native/translate-stream";
import { streamErrorMessage } from "./errors";
import { finishReasonOf } from "./finish-reason";
import { usageOf } from "./response";

/**
 * Anthropic's stream events → OpenAI chunks, event by event:
 *   message_start        → the role delta (the message id becomes the stream's id)
 *   content_block_start  → a tool call's first delta (index, id, name) for tool_use blocks
 *   content_block_delta  → text_delta as content, input_json_delta as argument fragments
 *   message_delta        → remembered: stop_reason and the output token count
 *   message_stop         → the finish chunk carrying usage, then [DONE]
 *   ping                 → nothing;  error → the stream ends with the provider's message
 */
export function newAnthropicStreamTranslator(requestModel: string): StreamTranslator {
  let writer: ChunkWriter | null = null;
  let finished = false;
  let stopReason: unknown = null;
  const usage: Record<string, unknown> = {};
  // Anthropic numbers all content blocks; OpenAI numbers tool calls only.
  const toolBlocks = new Map<number, { toolIndex: number; sentArguments: boolean }>();

  /**
   * The writer, created on message_start (its id and model name the stream); the role delta
   * goes out with it, exactly once, even if a provider skipped message_start.
   */
  const open = (message?: Record<string, unknown>): { out: ChunkWriter; frames: string[] } => {
    if (writer) return { out: writer, frames: [] };
    writer = new ChunkWriter(completionId(message?.id), typeof message?.model === "string" ? message.model : requestModel);
    return { out: writer, frames: [writer.role(0)] };
  };

  function onEvent(event: SseEvent): string[] {
    let data: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(event.data);
      if (!isObject(parsed)) throw new Error("not an object");
      data = parsed;
    } catch {
      throw new UpstreamStreamError("Anthropic sent an unreadable stream event");
    }
    const type = typeof data.type === "string" ? data.type : event.event;
    switch (type) {
      case "message_start": {
        const message = isObject(data.message) ? data.message : {};
        Object.assign(usage, isObject(message.usage) ? message.usage : {});
        return open(message).frames;
      }
      case "content_block_start": {
        const { out, frames } = open();
        return [...frames, ...blockStart(out, data)];
      }
      case "content_block_delta": {
        const { out, frames } = open();
        return [...frames, ...blockDelta(out, data)];
      }
      case "content_block_stop": {
        const tool = toolBlocks.get(Number(data.index));
        // A call without arguments streams no input_json_delta: send "{}" as the JSON answer has.
        if (tool && !tool.sentArguments && writer) return [writer.toolCallArguments(0, tool.toolIndex, "{}")];
        return [];
      }
      case "message_delta": {
        if (isObject(data.delta) && data.delta.stop_reason) stopReason = data.delta.stop_reason;
        // Counts here are cumulative: they replace those of message_start.
        if (isObject(data.usage)) for (const [key, value] of Object.entries(data.usage)) if (typeof value === "number") usage[key] = value;
        return [];
      }
      case "message_stop": {
        const { out, frames } = open();
        finished = true;
        return [...frames, out.delta(0, {}, finishReasonOf(stopReason), usageOf(usage)), out.done()];
      }
      case "error":
        throw new UpstreamStreamError(streamErrorMessage(data));
      default:
        // ping, and event types added later: Anthropic asks clients to ignore what they don't know.
        return [];
    }
  }

  function blockStart(out: ChunkWriter, data: Record<string, unknown>): string[] {
    const block = isObject(data.content_block) ? data.content_block : {};
    if (block.type === "text" && typeof block.text === "string" && block.text) return [out.text(0, block.text)];
    if (block.type !== "tool_use") return [];
    const toolIndex = toolBlocks.size;
    toolBlocks.set(Number(data.index), { toolIndex, sentArguments: false });
    return [out.toolCallStart(0, toolIndex, String(block.id), String(block.name))];
  }

  function blockDelta(out: ChunkWriter, data: Record<string, unknown>): string[] {
    const delta = isObject(data.delta) ? data.delta : {};
    if (delta.type === "text_delta" && typeof delta.text === "string" && delta.text) return [out.text(0, delta.text)];
    if (delta.type === "input_json_delta" && typeof delta.partial_json === "string" && delta.partial_json) {
      const tool = toolBlocks.get(Number(data.index));
      if (!tool) return [];
      tool.sentArguments = true;
      return [out.toolCallArguments(0, tool.toolIndex, delta.partial_json)];
    }
    // thinking_delta, signature_delta, citations_delta: nothing OpenAI's chunk can carry.
    return [];
  }

  return {
    onEvent,
    onEnd() {
      // Without message_stop the answer is truncated: say so rather than end as if complete.
      if (!finished) throw new UpstreamStreamError("Anthropic stream ended before message_stop");
      return [];
    },
  };
}
