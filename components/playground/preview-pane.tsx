"use client";
import { useState } from "react";
import { useRenderPreview } from "@/lib/hooks/use-render-preview";
import { PaneHeader } from "./pane";
import { RenderPreview } from "./render-preview";
import { useDebounced } from "@/components/prompts/use-debounced";

/**
 * Under the template: the messages as the provider will get them, rendered by the server with
 * the current variables and partials (the draft's, when it is edited). Refreshes a moment
 * after typing stops; can be folded away.
 */
export function PreviewPane({ target }: { target: { ref: string; body: string } | null }) {
  const [open, setOpen] = useState(true);
  const settled = useDebounced(target, 300);
  const preview = useRenderPreview(settled?.ref ?? null, settled?.body ?? "{}", open);
  const stale = open && (preview.isFetching || settled?.body !== target?.body);
  return (
    <section aria-label="Rendered preview" className="border-t border-zinc-200 dark:border-zinc-800" data-testid="preview-pane">
      <PaneHeader
        title="Preview"
        hint={open ? (stale ? "rendering…" : "as sent, with the current variables") : undefined}
        actions={
          <button
            type="button"
            aria-expanded={open}
            onClick={() => setOpen((o) => !o)}
            data-testid="preview-toggle"
            className="rounded px-1.5 py-0.5 text-xs text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 dark:hover:bg-zinc-800 dark:hover:text-zinc-200"
          >
            {open ? "Hide" : "Show"}
          </button>
        }
      />
      {open ? (
        <div className="p-3">
          <RenderPreview rendered={preview.isError ? undefined : preview.data} error={preview.isError ? preview.error.message : null} loading={stale} />
        </div>
      ) : null}
    </section>
  );
}
