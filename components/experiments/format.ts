import type { BadgeTone } from "@/components/ui/badge";

/** 0.6667 → "66.7%"; null → "—". */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? "—" : `${(Math.round(rate * 1000) / 10).toString()}%`;
}

/** A signed difference in percentage points: +33.3 pts, −10 pts, 0 pts. */
export function pointsDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return "—";
  const points = Math.round(delta * 1000) / 10;
  return `${points > 0 ? "+" : points < 0 ? "−" : ""}${Math.abs(points)} pts`;
}

export function deltaTone(delta: number | null | undefined, higherIsBetter = true): string {
  if (!delta) return "text-zinc-500";
  return delta > 0 === higherIsBetter ? "text-emerald-700 dark:text-emerald-400" : "text-red-600 dark:text-red-400";
}

export function statusTone(status: string): BadgeTone {
  if (status === "completed") return "success";
  if (status === "failed") return "danger";
  if (status === "cancelled") return "warning";
  return "info";
}

/** A score in [0, 1] as text and its colour (green at or above the threshold, red below). */
export function scoreTone(passed: boolean, score: number | null): string {
  if (score === null) return "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300";
  return passed ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300" : "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300";
}

/** A target's column title: its name, or the prompt reference (with the model when overridden). */
export function targetLabel(target: { prompt: string; name?: string; model?: string }, promptNames: ReadonlyMap<string, string>): string {
  if (target.name) return target.name;
  const at = target.prompt.indexOf("@");
  const key = at < 0 ? target.prompt : target.prompt.slice(0, at);
  const suffix = at < 0 ? "" : target.prompt.slice(at + 1);
  const name = promptNames.get(key) ?? key;
  const version = suffix === "" ? "" : /^\d+$/.test(suffix) ? ` v${suffix}` : ` @${suffix}`;
  return `${name}${version}${target.model ? ` · ${target.model}` : ""}`;
}
