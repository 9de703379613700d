import type { ReactNode } from "react";

/** The sticky title row of a workspace pane. */
export function PaneHeader({ title, hint, actions }: { title: string; hint?: string; actions?: ReactNode }) {
  return (
    <div className="sticky top-0 z-10 flex h-10 shrink-0 items-center gap-2 border-b border-zinc-200 bg-white/90 px-3 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/90">
      <h2 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">{title}</h2>
      {hint ? <span className="text-xs text-zinc-400 dark:text-zinc-500">{hint}</span> : null}
      <div className="ml-auto flex items-center gap-1">{actions}</div>
    </div>
  );
}

/** A labelled block of settings. */
export function FieldGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = `group-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <div role="group" aria-labelledby={id} className="space-y-3 border-b border-zinc-200 px-3 py-3 last:border-0 dark:border-zinc-800">
      <h3 id={id} className="text-[11px] font-semibold tracking-wide text-zinc-500 uppercase">
        {title}
      </h3>
      {children}
    </div>
  );
}
