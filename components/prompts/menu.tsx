"use client";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { Icon } from "./icons";

export interface MenuItem {
  label: string;
  onSelect: () => void;
  danger?: boolean;
  disabled?: boolean;
  /** Why it is disabled, shown as the item's tooltip. */
  reason?: string;
  testId?: string;
}

/**
 * A "⋯" button with a small dropdown, on the ARIA menu button pattern: Enter, Space or the
 * arrows open it on an item; arrows, Home and End move between items (disabled ones are
 * focusable but do nothing, so they are discoverable); Escape or Tab closes it, and focus goes
 * back to the button, also before a chosen item runs (a dialog it opens returns focus there).
 */
export function Menu({ items, label, testId, trigger }: { items: MenuItem[]; label: string; testId?: string; trigger?: ReactNode }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Which item to focus once the list is rendered: "first", "last", or none (a mouse click).
  const focusOnOpen = useRef<"first" | "last" | null>(null);

  useEffect(() => {
    if (!open) return;
    const onDown = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    // Escape wherever focus is (a mouse-opened menu leaves it on the button); inside a dialog
    // it closes the menu only.
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("mousedown", onDown);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onDown);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);

  const itemElements = () => Array.from(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
  useEffect(() => {
    if (!open || !focusOnOpen.current) return;
    const all = itemElements();
    (focusOnOpen.current === "last" ? all[all.length - 1] : all[0])?.focus();
    focusOnOpen.current = null;
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const onButtonKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      focusOnOpen.current = event.key === "ArrowUp" ? "last" : "first";
      setOpen(true);
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const all = itemElements();
    const at = all.indexOf(document.activeElement as HTMLElement);
    const move = (index: number) => {
      event.preventDefault();
      all[(index + all.length) % all.length]?.focus();
    };
    if (event.key === "ArrowDown") move(at + 1);
    else if (event.key === "ArrowUp") move(at < 0 ? all.length - 1 : at - 1);
    else if (event.key === "Home") move(0);
    else if (event.key === "End") move(all.length - 1);
    else if (event.key === "Tab") setOpen(false);
  };

  return (
    <div ref={root} className="relative">
      <button
        ref={button}
        type="button"
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid={testId}
        onKeyDown={onButtonKey}
        onClick={(event) => {
          event.stopPropagation();
          // Opened from the keyboard (Enter, Space: detail 0), focus goes into the list.
          if (!open && event.detail === 0) focusOnOpen.current = "first";
          setOpen((value) => !value);
        }}
        className="rounded p-1 text-zinc-500 hover:bg-zinc-200/70 hover:text-zinc-700 focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none dark:text-zinc-400 dark:hover:bg-zinc-700 dark:hover:text-zinc-200"
      >
        {trigger ?? <Icon name="more" />}
      </button>
      {open ? (
        <div
          ref={list}
          role="menu"
          aria-label={label}
          onKeyDown={onListKey}
          className="absolute right-0 z-30 mt-1 min-w-44 overflow-hidden rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
        >
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-disabled={item.disabled || undefined}
              title={item.disabled ? item.reason : undefined}
              data-testid={item.testId}
              onClick={(event) => {
                event.stopPropagation();
                if (item.disabled) return;
                close();
                item.onSelect();
              }}
              className={`block w-full px-3 py-1.5 text-left focus:outline-none aria-disabled:cursor-not-allowed aria-disabled:opacity-60 ${
                item.danger
                  ? "text-red-700 hover:bg-red-50 focus:bg-red-50 dark:text-red-400 dark:hover:bg-red-950/50 dark:focus:bg-red-950/50"
                  : "hover:bg-zinc-100 focus:bg-zinc-100 dark:hover:bg-zinc-800 dark:focus:bg-zinc-800"
              }`}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
