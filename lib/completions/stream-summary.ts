export interface StreamSummary {
  content: string;
  finishReason: string | null;
  usage: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } } | null;
  toolCalls: number;
}

/**
 * Reads a finished OpenAI SSE stream once, after the client has it, to fill the log row:
 * assembled text, finish reason, usage. Never on the forwarding path.
 */
export function summarizeSse(chunks: Uint8Array[]): StreamSummary {
  const text = Buffer.concat(chunks).toString("utf8");
  const summary: StreamSummary = { content: "", finishReason: null, usage: null, toolCalls: 0 };
  for (const line of text.split("\n")) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (!data || data === "[DONE]") continue;
    let event: {
      choices?: { delta?: { content?: string | null; tool_calls?: unknown[] }; text?: string; finish_reason?: string | null }[];
      usage?: StreamSummary["usage"];
    };
    try {
      event = JSON.parse(data);
    } catch {
      continue;
    }
    for (const choice of event.choices ?? []) {
      summary.content += choice.delta?.content ?? choice.text ?? "";
      if (choice.delta?.tool_calls) summary.toolCalls += 1;
      if (choice.finish_reason) summary.finishReason = choice.finish_reason;
    }
    if (event.usage) summary.usage = event.usage;
  }
  return summary;
}

const chunkDecoder = new TextDecoder();
// A delta or choice with some text in it, or the start of a tool call: the answer has begun.
const OUTPUT = /"(?:content|text|refusal|reasoning_content)":"(?:[^"\\]|\\.)|"tool_calls":\[\{/;

/**
 * True when an SSE chunk carries part of the answer (text, a refusal, reasoning, a tool call)
 * rather than only a role, an empty delta, usage or a keep-alive: what time to first token
 * measures. Read without parsing: only the chunks before the first token are looked at.
 */
export function carriesOutput(chunk: Uint8Array): boolean {
  return OUTPUT.test(chunkDecoder.decode(chunk));
}
