import type { OpenAIToolCall } from "./openai-messages";

/** Builders for the OpenAI answer shapes a native adapter hands the engine. */

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens: number };
  completion_tokens_details?: { reasoning_tokens: number };
}

export interface ChoiceResult {
  content: string | null;
  toolCalls: OpenAIToolCall[];
  finishReason: string;
  /** Provider extensions on the choice (e.g. the provider's own finish reason). */
  fields?: Record<string, unknown>;
}

/** A chat.completion id derived from the provider's own id, so logs can be matched to it. */
export function completionId(providerId: unknown): string {
  return `chatcmpl-${typeof providerId === "string" && providerId ? providerId : randomHex(12)}`;
}

/** Web Crypto rather than node:crypto: the registry (and so this module) is importable anywhere. */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, "0")).join("");
}

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function chatCompletion(fields: { id: string; model: string; created: number; choices: ChoiceResult[]; usage: OpenAIUsage }) {
  return {
    id: fields.id,
    object: "chat.completion",
    created: fields.created,
    model: fields.model,
    choices: fields.choices.map((choice, index) => ({
      index,
      message: {
        role: "assistant",
        // OpenAI answers a pure tool call with `content: null`.
        content: choice.content === "" && choice.toolCalls.length > 0 ? null : choice.content,
        ...(choice.toolCalls.length > 0 ? { tool_calls: choice.toolCalls } : {}),
        refusal: null,
      },
      logprobs: null,
      finish_reason: choice.finishReason,
      ...choice.fields,
    })),
    usage: fields.usage,
  };
}

/**
 * Writes `chat.completion.chunk` SSE frames with one id, creation time and model for the
 * whole stream, as OpenAI does.
 */
export class ChunkWriter {
  constructor(
    readonly id: string,
    public model: string,
    readonly created = nowSeconds(),
  ) {}

  /** One choice's delta; `usage` rides on the final chunk (with its finish_reason); `fields` extend the choice. */
  delta(index: number, delta: Record<string, unknown>, finishReason: string | null = null, usage?: OpenAIUsage, fields?: Record<string, unknown>): string {
    return this.frame({
      id: this.id,
      object: "chat.completion.chunk",
      created: this.created,
      model: this.model,
      choices: [{ index, delta, logprobs: null, finish_reason: finishReason, ...fields }],
      ...(usage ? { usage } : {}),
    });
  }

  role(index: number): string {
    return this.delta(index, { role: "assistant", content: "" });
  }

  text(index: number, text: string): string {
    return this.delta(index, { content: text });
  }

  /** The first delta of a tool call: its position, id and name, arguments still empty; `extra` extends the call. */
  toolCallStart(index: number, toolIndex: number, id: string, name: string, extra?: Record<string, unknown>): string {
    return this.delta(index, { tool_calls: [{ index: toolIndex, id, type: "function", function: { name, arguments: "" }, ...extra }] });
  }

  toolCallArguments(index: number, toolIndex: number, fragment: string): string {
    return this.delta(index, { tool_calls: [{ index: toolIndex, function: { arguments: fragment } }] });
  }

  done(): string {
    return "data: [DONE]\n\n";
  }

  private frame(chunk: unknown): string {
    return `data: ${JSON.stringify(chunk)}\n\n`;
  }
}
