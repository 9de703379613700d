"use client";
import { useMemo } from "react";
import { lineDiff } from "@/lib/playground/line-diff";

const STYLES = {
  add: "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200",
  remove: "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200",
  same: "text-zinc-600 dark:text-zinc-400",
};
const SIGN = { add: "+", remove: "−", same: " " };

/** A unified line diff of two texts, with counts; unchanged runs are shown in full. */
export function DiffView({ before, after, title, testId }: { before: string; after: string; title: string; testId?: string }) {
  const { lines, added, removed, finalNewline } = useMemo(() => lineDiff(before, after), [before, after]);
  const newlineNote = finalNewline ? (finalNewline === "added" ? "Newline added at the end" : "Newline removed at the end") : null;

  return (
    <section data-testid={testId} className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
      <header className="flex items-center gap-3 border-b border-zinc-200 bg-zinc-50 px-3 py-1.5 text-xs dark:border-zinc-800 dark:bg-zinc-900">
        <span className="font-semibold">{title}</span>
        {added || removed ? (
          <span className="font-mono">
            <span className="text-emerald-700 dark:text-emerald-400">+{added}</span> <span className="text-red-600 dark:text-red-400">−{removed}</span>
          </span>
        ) : newlineNote ? null : (
          <span className="text-zinc-400" data-testid={testId ? `${testId}-same` : undefined}>
            No changes
          </span>
        )}
        {newlineNote ? (
          <span className="text-zinc-500" data-testid={testId ? `${testId}-newline` : undefined}>
            {newlineNote}
          </span>
        ) : null}
      </header>
      <pre className="max-h-[50vh] overflow-auto py-1 font-mono text-xs leading-5">
        {lines.map((line, i) => (
          <div key={i} className={`flex ${STYLES[line.kind]}`} data-diff={line.kind}>
            <span className="w-6 shrink-0 text-center select-none opacity-60">{SIGN[line.kind]}</span>
            <span className="pr-3 break-words whitespace-pre-wrap">{line.text || " "}</span>
          </div>
        ))}
      </pre>
    </section>
  );
}
