import type { MockBehavior, MockToolCall } from "./types";

/** Format-neutral helpers: an Anthropic or Gemini route derives its answer the same way. */

const PROMPT_ECHO_CHARS = 60;

/** Splits text into "tokens": words with their following whitespace, so joining them restores it. */
export function tokenize(text: string): string[] {
  return text.match(/\s*\S+\s*/g) ?? [];
}

/** `tokens` wins over `content`, which wins over the deterministic default echo of the prompt. */
export function answerTokens(behavior: MockBehavior, promptText: string): string[] {
  if (Array.isArray(behavior.tokens)) return behavior.tokens;
  if (typeof behavior.tokens === "number") {
    const count = Math.max(0, Math.floor(behavior.tokens));
    return Array.from({ length: count }, (_, i) => `tok${i + 1}${i + 1 < count ? " " : ""}`);
  }
  if (behavior.content !== undefined) return tokenize(behavior.content);
  return tokenize(defaultAnswer(promptText));
}

/** Deterministic, so tests can assert on it: "Mock answer to: <prompt, 60 chars max>". */
export function defaultAnswer(promptText: string): string {
  const flat = promptText.replace(/\s+/g, " ").trim();
  return `Mock answer to: ${flat.slice(0, PROMPT_ECHO_CHARS).trim()}`;
}

/** Text of OpenAI-style content: a string, or an array of parts of which the text ones count. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((part) => (part && typeof part === "object" && typeof part.text === "string" ? part.text : ""))
    .filter(Boolean)
    .join(" ");
}

/** The last user message (falling back to the last message) of an OpenAI chat body. */
export function lastUserText(messages: unknown): string {
  if (!Array.isArray(messages) || messages.length === 0) return "";
  const user = [...messages].reverse().find((m) => m && typeof m === "object" && m.role === "user");
  return contentText((user ?? messages[messages.length - 1])?.content);
}

/** Rough token count (whitespace words): good enough for a plausible `usage`. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export interface NormalizedToolCall {
  id: string;
  name: string;
  arguments: string;
}

export function normalizeToolCalls(calls: MockToolCall[]): NormalizedToolCall[] {
  return calls.map((call, i) => ({
    id: call.id ?? `call_mock_${i}`,
    name: call.name,
    arguments: typeof call.arguments === "string" ? call.arguments : JSON.stringify(call.arguments ?? {}),
  }));
}

/** Argument fragments as a provider streams them (a few characters at a time). */
export function splitArguments(args: string, size = 8): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < args.length; i += size) pieces.push(args.slice(i, i + size));
  return pieces;
}
