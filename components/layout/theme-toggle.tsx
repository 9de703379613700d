"use client";
import { useEffect, useSyncExternalStore } from "react";
import { applyTheme, THEME_STORAGE_KEY, type ThemeChoice } from "./theme";

const NEXT: Record<ThemeChoice, ThemeChoice> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<ThemeChoice, string> = { system: "System theme", light: "Light theme", dark: "Dark theme" };
const ICON: Record<ThemeChoice, string> = { system: "◐", light: "☀", dark: "☾" };
const CHANGE_EVENT = "promptly-theme-change";

// The saved choice lives in localStorage; the server renders "system" and the client
// catches up after hydration without a mismatch.
function subscribe(onChange: () => void) {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener("storage", onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onChange);
  };
}
const readChoice = () => (localStorage.getItem(THEME_STORAGE_KEY) as ThemeChoice | null) ?? "system";

/** Cycles system → light → dark; "system" keeps following the OS while the page is open. */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, readChoice, () => "system" as ThemeChoice);

  useEffect(() => {
    if (choice !== "system") return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => applyTheme("system");
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, [choice]);

  return (
    <button
      type="button"
      data-testid="theme-toggle"
      data-theme-choice={choice}
      title={`${LABEL[choice]} (click to change)`}
      aria-label={LABEL[choice]}
      onClick={() => {
        applyTheme(NEXT[choice]);
        window.dispatchEvent(new Event(CHANGE_EVENT));
      }}
      className="flex w-full items-center gap-2 rounded-md px-3 py-2 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
    >
      <span aria-hidden className="w-4 text-center">{ICON[choice]}</span>
      {LABEL[choice]}
    </button>
  );
}
