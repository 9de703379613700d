"use client";
import { useEffect, useRef } from "react";

/**
 * Page-wide Ctrl/Cmd+Enter (run) and Ctrl/Cmd+S (save), caught in the capture phase so
 * they work from any field, the code editors included (CodeMirror binds Mod-Enter itself).
 * An open dialog keeps its own keys.
 */
export function useShortcuts(handlers: { run: () => void; save: () => void }) {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.metaKey || event.ctrlKey) || event.altKey) return;
      if (document.querySelector("dialog[open]")) return;
      if (event.key === "Enter") {
        event.preventDefault();
        event.stopPropagation();
        latest.current.run();
      } else if (event.key.toLowerCase() === "s" && !event.shiftKey) {
        event.preventDefault();
        latest.current.save();
      }
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, []);
}
