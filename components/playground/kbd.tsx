"use client";
import { useSyncExternalStore } from "react";

const noop = () => () => {};
const isMac = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The platform's modifier: ⌘ on Apple devices, Ctrl elsewhere. */
export function useModKey(): string {
  return useSyncExternalStore(noop, () => (isMac() ? "⌘" : "Ctrl"), () => "Ctrl");
}

export function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-zinc-300 bg-white px-1 py-px font-sans text-[10px] font-medium text-zinc-500 shadow-[0_1px_0_rgba(0,0,0,0.05)] dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-400">
      {children}
    </kbd>
  );
}

/** "⌘ ↵" / "Ctrl ↵" */
export function ShortcutHint({ keyName = "↵" }: { keyName?: string }) {
  const mod = useModKey();
  return (
    <span className="inline-flex items-center gap-0.5">
      <Kbd>{mod}</Kbd>
      <Kbd>{keyName}</Kbd>
    </span>
  );
}
