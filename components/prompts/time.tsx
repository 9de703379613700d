"use client";
import { useSyncExternalStore } from "react";

// One clock for every relative time on the page, ticking every 30 s.
let now = 0;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, 30_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

function snapshot(): number {
  if (!now) now = Date.now();
  return now;
}

function useNow(): number {
  return useSyncExternalStore(subscribe, snapshot, () => 0);
}

export function relativeTime(iso: string, nowMs: number): string {
  const seconds = Math.round((nowMs - new Date(iso).getTime()) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  if (days < 30) return `${days} d ago`;
  return new Date(iso).toLocaleDateString();
}

/** "5 min ago", with the exact time on hover. */
export function RelativeTime({ iso, fallback = "—", testId }: { iso: string | null | undefined; fallback?: string; testId?: string }) {
  const nowMs = useNow();
  if (!iso) return <span className="text-zinc-400 dark:text-zinc-500" data-testid={testId}>{fallback}</span>;
  return (
    <time dateTime={iso} title={new Date(iso).toLocaleString()} data-testid={testId}>
      {nowMs ? relativeTime(iso, nowMs) : new Date(iso).toLocaleDateString()}
    </time>
  );
}
