"use client";
import { useSyncExternalStore } from "react";

/**
 * Short confirmations and failures of mutations. A tiny store outside React so any code can
 * call `toast.success()`; the app layout renders <Toaster /> once.
 */
type Toast = { id: number; kind: "success" | "error"; message: string };

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const EMPTY: Toast[] = [];

function emit() {
  for (const listener of listeners) listener();
}

function dismiss(id: number) {
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function push(kind: Toast["kind"], message: string) {
  const id = nextId++;
  toasts = [...toasts.slice(-3), { id, kind, message }];
  emit();
  // Errors stay longer: they are read, not glanced at.
  setTimeout(() => dismiss(id), kind === "error" ? 8000 : 4000);
}

export const toast = {
  success: (message: string) => push("success", message),
  /** A message, or an error shown by its own message (ApiClientError carries the envelope's). */
  error: (error: unknown) => push("error", error instanceof Error ? error.message : String(error)),
};

export function Toaster() {
  const items = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
    () => EMPTY,
  );
  return (
    <div aria-live="polite" className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-80 flex-col gap-2">
      {items.map((item) => (
        <div
          key={item.id}
          role={item.kind === "error" ? "alert" : "status"}
          data-testid="toast"
          data-kind={item.kind}
          className={`pointer-events-auto flex items-start gap-3 rounded-md border px-3 py-2 text-sm shadow-lg ${
            item.kind === "error"
              ? "border-red-300 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200"
              : "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
          }`}
        >
          <p className="flex-1 break-words">{item.message}</p>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(item.id)} className="opacity-70 hover:opacity-100">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
