/**
 * Reads an LLM judge's answer. A judge prompt answers either JSON `{"score": 0..1, "reason":
 * "..."}` (possibly inside a fenced block or after some prose), or, with `choice_scores`, one
 * of the listed words ("pass", "fail"...), which maps to its score.
 */
export type JudgeReading = { ok: true; score: number; reason: string } | { ok: false; reason: string };

export function readJudgeAnswer(answer: string, choiceScores?: Record<string, number>): JudgeReading {
  if (choiceScores) return readChoice(answer, choiceScores);
  const json = lastJsonObject(answer);
  if (!json) return { ok: false, reason: "the judge did not answer with a JSON object {score, reason}" };
  const score = typeof json.score === "number" ? json.score : typeof json.score === "string" ? Number(json.score) : NaN;
  if (!Number.isFinite(score) || score < 0 || score > 1) return { ok: false, reason: `the judge's score must be a number from 0 to 1, got ${JSON.stringify(json.score)}` };
  return { ok: true, score, reason: typeof json.reason === "string" ? json.reason : "" };
}

function readChoice(answer: string, choiceScores: Record<string, number>): JudgeReading {
  const json = lastJsonObject(answer);
  const said = typeof json?.choice === "string" ? json.choice : answer;
  const normalised = said.trim().toLowerCase();
  // The whole answer first, then the last listed word it mentions (judges explain, then decide).
  const exact = Object.keys(choiceScores).find((choice) => choice.toLowerCase() === normalised);
  if (exact) return { ok: true, score: choiceScores[exact], reason: typeof json?.reason === "string" ? json.reason : "" };
  let best: { choice: string; at: number } | null = null;
  for (const choice of Object.keys(choiceScores)) {
    const at = lastWordIndex(normalised, choice.toLowerCase());
    if (at >= 0 && (!best || at > best.at)) best = { choice, at };
  }
  if (!best) return { ok: false, reason: `the judge answered none of ${Object.keys(choiceScores).join(", ")}` };
  return { ok: true, score: choiceScores[best.choice], reason: said.trim().slice(0, 500) };
}

function lastWordIndex(text: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let last = -1;
  for (const match of text.matchAll(new RegExp(`(^|[^\\p{L}\\p{N}])${escaped}(?=$|[^\\p{L}\\p{N}])`, "gu"))) last = match.index;
  return last;
}

// A verdict sits at the end of the answer: look no further back, and try a bounded number of spans.
const TAIL_CHARS = 20_000;
const MAX_ATTEMPTS = 200;

/** The last `{...}` near the end of the text that parses as a JSON object. */
function lastJsonObject(answer: string): Record<string, unknown> | null {
  const text = answer.slice(-TAIL_CHARS);
  const closes = positions(text, "}");
  const opens = positions(text, "{");
  let attempts = 0;
  // Closes are visited right to left, so the last open before each only moves left.
  let lastOpen = opens.length - 1;
  for (let c = closes.length - 1; c >= 0; c--) {
    while (lastOpen >= 0 && opens[lastOpen] > closes[c]) lastOpen--;
    for (let o = lastOpen; o >= 0; o--) {
      if (++attempts > MAX_ATTEMPTS) return null;
      try {
        const value: unknown = JSON.parse(text.slice(opens[o], closes[c] + 1));
        if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
      } catch {
        // not this span
      }
    }
  }
  return null;
}

function positions(text: string, char: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) found.push(i);
  return found;
}
