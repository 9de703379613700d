/** Display helpers for the Logs page. */

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined ? "—" : n.toLocaleString();
}

/** "Mar 3, 14:05:09": the date matters less than the second in a log. */
export function formatLogTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
}

/** ISO time → the value a datetime-local input shows (local time, minutes). */
export function toLocalInput(iso: string | undefined): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A datetime-local value (local time) → ISO, or undefined when empty. */
export function fromLocalInput(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

// What a logged answer says is read in one place, shared with backtest sets (lib/logs/backtest.ts).
export { answerText, answerToolCalls } from "@/lib/logs/answer";

export type LoggedMessage = { role: string; content: string };

/** The rendered chat messages of a logged request, or null for completion prompts. */
export function requestMessages(request: unknown): LoggedMessage[] | null {
  const messages = (request as { messages?: unknown } | null)?.messages;
  if (!Array.isArray(messages)) return null;
  return messages.map((m: { role?: unknown; content?: unknown }) => ({
    role: String(m?.role ?? "?"),
    content: typeof m?.content === "string" ? m.content : JSON.stringify(m?.content, null, 2),
  }));
}

export function requestPrompt(request: unknown): string | null {
  const prompt = (request as { prompt?: unknown } | null)?.prompt;
  return typeof prompt === "string" ? prompt : null;
}
