/**
 * The answer a log row kept, whatever shape was logged: a non-streamed chat
 * (`choices[0].message.content`) or completion (`choices[0].text`) body, or a stream's
 * summary (`content`, `tool_call_deltas`). Browser-safe: the Logs page shows it too.
 */
type Logged = {
  content?: unknown;
  tool_call_deltas?: unknown;
  choices?: { message?: { content?: unknown; tool_calls?: unknown }; text?: unknown }[];
};

/** The answer's text, or null when there is none. */
export function answerText(response: unknown): string | null {
  if (!response || typeof response !== "object") return null;
  const r = response as Logged;
  if (typeof r.content === "string") return r.content;
  const choice = r.choices?.[0];
  const text = choice?.message?.content ?? choice?.text;
  return typeof text === "string" ? text : null;
}

/** The answer as a test case's expected value: its text, or `{tool_calls}` for an answer made only of tool calls. */
export function loggedAnswer(response: unknown): unknown {
  const text = answerText(response);
  if (text) return text;
  const r = (response ?? {}) as Logged;
  const calls = r.choices?.[0]?.message?.tool_calls ?? r.tool_call_deltas;
  if (Array.isArray(calls) && calls.length > 0) return { tool_calls: calls };
  return text;
}

/** The tool calls of an answer (a non-streamed message's, or a stream's summary), or an empty list. */
export function answerToolCalls(response: unknown): { name: string; arguments: string }[] {
  const r = (response ?? {}) as Logged;
  const calls = r.choices?.[0]?.message?.tool_calls ?? r.tool_call_deltas;
  if (!Array.isArray(calls)) return [];
  return calls.map((call: { function?: { name?: unknown; arguments?: unknown } }) => ({
    name: typeof call?.function?.name === "string" ? call.function.name : "?",
    arguments: typeof call?.function?.arguments === "string" ? call.function.arguments : JSON.stringify(call?.function?.arguments ?? null),
  }));
}
