import type { ToolCallState } from "./run-state";

/** A message appended after the template's own: the assistant's tool calls, or a tool's result. */
export interface ConversationMessage {
  role: "assistant" | "tool";
  content: string | null;
  tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
  tool_call_id?: string;
}

/**
 * Chat template strings are Mustache: a model's answer or a tool's result appended to the
 * template must reach the provider as written, `{{` included. A Set Delimiter tag switches
 * that one string to delimiters it does not contain, so nothing in it is a tag.
 */
export function literalTemplateText(text: string): string {
  if (!text.includes("{{")) return text;
  let open = "<%";
  while (text.includes(open)) open += "%";
  return `{{=${open} %>=}}${text}`;
}

/** A tool call's id as sent back: the one the model gave, or a stable stand-in. */
export const toolCallId = (call: ToolCallState) => call.id ?? `call_${call.index}`;

/**
 * The turn that answers a run's tool calls: the assistant message carrying them (with any
 * text it wrote before), then one tool message per call with the result typed for it.
 */
export function toolResultTurn(run: { text: string; toolCalls: ToolCallState[] }, results: Record<string, string>): ConversationMessage[] {
  const assistant: ConversationMessage = {
    role: "assistant",
    content: run.text ? literalTemplateText(run.text) : null,
    tool_calls: run.toolCalls.map((call) => ({ id: toolCallId(call), type: "function", function: { name: call.name, arguments: call.arguments || "{}" } })),
  };
  const answers = run.toolCalls.map((call): ConversationMessage => ({
    role: "tool",
    tool_call_id: toolCallId(call),
    content: literalTemplateText(results[toolCallId(call)] ?? ""),
  }));
  return [assistant, ...answers];
}

/** The chat template (a JSON array of messages) with the conversation so far after it. */
export function continuationTemplate(template: string, conversation: ConversationMessage[]): string {
  const messages = JSON.parse(template) as unknown[];
  return JSON.stringify([...messages, ...conversation]);
}

/** The text a literalTemplateText string stands for (to show it as written). */
export function literalText(template: string): string {
  const match = /^\{\{=(<%+) %>=\}\}/.exec(template);
  return match ? template.slice(match[0].length) : template;
}
