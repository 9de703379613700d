"use client";
import Link from "next/link";
import { Icon } from "@/components/prompts/icons";
import { Button } from "@/components/ui/button";
import { useCan } from "@/lib/auth/role-context";

export type WorkspaceMode = "editor" | "compare" | "evaluate" | "metrics";

const READ_ONLY_ROLE = "Viewers can run prompts, not save or publish them";

const tab = (active: boolean) =>
  `inline-flex items-center gap-1.5 rounded-md px-3 py-1 text-sm font-medium transition-colors ${
    active ? "bg-white text-zinc-900 shadow-sm dark:bg-zinc-800 dark:text-zinc-100" : "text-zinc-500 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
  }`;

/** Name, where the draft stands, the Editor / Compare switch and the version actions. */
export function WorkspaceHeader({
  name,
  slug,
  folder,
  baseNumber,
  basePublished,
  dirty,
  mode,
  historyOpen,
  onMode,
  onToggleHistory,
  onUse,
  onSave,
  onPublish,
  publishing,
  publishBlocked = null,
}: {
  name: string;
  slug: string;
  folder: string;
  baseNumber: number | null;
  basePublished: boolean;
  dirty: boolean;
  mode: WorkspaceMode;
  historyOpen: boolean;
  onMode: (mode: WorkspaceMode) => void;
  onToggleHistory: () => void;
  onUse: () => void;
  onSave: () => void;
  onPublish: () => void;
  publishing: boolean;
  /** Why the base version can't be published (a broken template), or null. */
  publishBlocked?: string | null;
}) {
  // Viewers run prompts but can't save or publish (the API refuses them too).
  const canWrite = useCan("write");
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
      <div className="min-w-0 flex-1 basis-48">
        <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-xs text-zinc-500">
          <Link href="/prompts" className="hover:text-zinc-800 dark:hover:text-zinc-200">
            Prompts
          </Link>
          <span aria-hidden>/</span>
          <span className="truncate">{folder}</span>
        </nav>
        <div className="flex min-w-0 items-baseline gap-2">
          <h1 className="truncate text-lg font-semibold tracking-tight" data-testid="prompt-name">
            {name}
          </h1>
          <code className="hidden truncate font-mono text-xs text-zinc-400 xl:inline" data-testid="prompt-slug">
            {slug}
          </code>
        </div>
        <div className="flex items-center gap-1.5 text-xs" data-testid="draft-status" data-dirty={dirty ? "true" : "false"}>
          <span className={`h-1.5 w-1.5 rounded-full ${dirty ? "bg-amber-500" : "bg-emerald-500"}`} aria-hidden />
          {dirty ? (
            <span className="text-amber-700 dark:text-amber-400">Unsaved changes · based on v{baseNumber}</span>
          ) : (
            <span className="text-zinc-500">
              v{baseNumber} · {basePublished ? "published" : "saved"}
            </span>
          )}
          {publishBlocked && !dirty && !basePublished ? (
            <span className="truncate text-red-600 dark:text-red-400" data-testid="publish-blocked" title={publishBlocked}>
              · {publishBlocked}
            </span>
          ) : null}
        </div>
      </div>
      <div role="tablist" aria-label="View" className="flex max-w-full shrink-0 overflow-x-auto rounded-lg bg-zinc-100 p-0.5 dark:bg-zinc-900">
        <button role="tab" type="button" aria-selected={mode === "editor"} className={tab(mode === "editor")} onClick={() => onMode("editor")} data-testid="mode-editor">
          Editor
        </button>
        <button role="tab" type="button" aria-selected={mode === "compare"} className={tab(mode === "compare")} onClick={() => onMode("compare")} data-testid="mode-compare">
          <Icon name="columns" className="h-3.5 w-3.5" /> Compare
        </button>
        <button role="tab" type="button" aria-selected={mode === "evaluate"} className={tab(mode === "evaluate")} onClick={() => onMode("evaluate")} data-testid="mode-evaluate">
          Evaluate
        </button>
        <button role="tab" type="button" aria-selected={mode === "metrics"} className={tab(mode === "metrics")} onClick={() => onMode("metrics")} data-testid="mode-metrics">
          Metrics
        </button>
      </div>
      <div className="flex flex-wrap items-center gap-1.5">
        <Button variant={historyOpen ? "secondary" : "ghost"} onClick={onToggleHistory} aria-pressed={historyOpen} data-testid="toggle-history">
          <Icon name="history" /> History
        </Button>
        <Button variant="ghost" onClick={onUse} data-testid="open-use-prompt">
          <Icon name="code" /> Use
        </Button>
        <Button
          variant="secondary"
          onClick={onPublish}
          disabled={!canWrite || basePublished || dirty || publishing || baseNumber === null || Boolean(publishBlocked)}
          title={!canWrite ? READ_ONLY_ROLE : basePublished ? `v${baseNumber} is published` : dirty ? "Save your changes first, then publish" : (publishBlocked ?? undefined)}
          data-testid="publish-button"
          className="disabled:opacity-50"
        >
          <Icon name="upload" /> {basePublished ? "Published" : `Publish v${baseNumber}`}
        </Button>
        <Button
          onClick={onSave}
          disabled={!dirty || !canWrite}
          title={!canWrite ? READ_ONLY_ROLE : dirty ? "Save as a new version" : "No changes to save"}
          data-testid="save-button"
          className="disabled:opacity-60"
        >
          <Icon name="save" /> Save
        </Button>
      </div>
    </header>
  );
}
