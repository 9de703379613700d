"use client";
import { useSyncExternalStore } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86_400_000],
  ["month", 30 * 86_400_000],
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];

const relative = new Intl.RelativeTimeFormat(undefined, { numeric: "auto" });

// One shared clock for every RelativeTime on the page, ticking while any is mounted, so
// "2 minutes ago" stays true without each instance running its own timer.
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    tick();
    timer = setInterval(tick, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** "5 minutes ago", with the exact local time on hover; `empty` for null. */
export function RelativeTime({ iso, empty = "—", testId }: { iso: string | null | undefined; empty?: string; testId?: string }) {
  const current = useSyncExternalStore(subscribe, () => now, () => now);
  if (!iso) return <span className="text-zinc-400 dark:text-zinc-500">{empty}</span>;
  const date = new Date(iso);
  // A time slightly ahead of the clock (a skewed server) still reads "just now".
  const diff = Math.min(0, date.getTime() - current);
  const unit = UNITS.find(([, ms]) => Math.abs(diff) >= ms);
  const text = unit ? relative.format(Math.round(diff / unit[1]), unit[0]) : "just now";
  return (
    <time dateTime={iso} title={date.toLocaleString()} data-testid={testId} className="whitespace-nowrap">
      {text}
    </time>
  );
}
