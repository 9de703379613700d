"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Collection } from "@/lib/hooks/use-collections";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { useArchivePrompt, usePrompts, type PromptSummary } from "@/lib/hooks/use-prompts";
import { folderPath } from "./folder-model";
import { Icon } from "./icons";
import { PromptActionDialog, type PromptAction } from "./prompt-actions";
import { PromptRow } from "./prompt-row";

export type SortOrder = "updated" | "name";
/** Which prompts the list shows: active ones, archived ones, or both. */
export type ArchivedFilter = "false" | "true" | "all";

const HEAD = "px-3 py-2 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase";

/** The prompt list for a folder and search, with loading, empty and error states. */
export function PromptTable({
  folderId,
  search,
  sort,
  archived,
  folders,
  onNewPrompt,
}: {
  folderId: string | null;
  search: string;
  sort: SortOrder;
  archived: ArchivedFilter;
  folders: Collection[];
  onNewPrompt: () => void;
}) {
  const query = usePrompts({ search, collectionId: folderId, archived });
  const canWrite = useCan("write");
  const restore = useArchivePrompt();
  const [action, setAction] = useState<PromptAction | null>(null);
  const rows: PromptSummary[] = query.data?.pages.flatMap((page) => page.data) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  // The API sorts by last update; name order applies to the rows loaded so far.
  const sorted = sort === "name" ? [...rows].sort((a, b) => a.name.localeCompare(b.name)) : rows;

  if (query.isPending) {
    return (
      <div className="space-y-px p-4" aria-label="Loading prompts" data-testid="prompts-loading">
        {[0, 1, 2, 3].map((i) => (
          <div key={i} className="h-14 animate-pulse rounded-md bg-zinc-100 dark:bg-zinc-900" />
        ))}
      </div>
    );
  }
  if (query.isError) {
    return (
      <div className="p-6">
        <ErrorAlert testId="prompts-error">Could not load prompts: {query.error.message}</ErrorAlert>
      </div>
    );
  }
  if (rows.length === 0) {
    return (
      <div className="m-6 flex flex-col items-center rounded-xl border border-dashed border-zinc-300 px-6 py-14 text-center dark:border-zinc-700" data-testid="prompts-empty">
        <div className="mb-3 rounded-full bg-indigo-50 p-3 text-indigo-600 dark:bg-indigo-950 dark:text-indigo-300">
          <Icon name={search ? "search" : "sparkle"} className="h-5 w-5" />
        </div>
        <p className="font-medium">
          {search ? `No prompt matches "${search}"` : archived === "true" ? "No archived prompts" : folderId ? "This folder is empty" : "No prompts yet"}
        </p>
        <p className="mt-1 max-w-sm text-sm text-zinc-500">
          {search ? "Try another name, or clear the search." : "Write a template, run it against your models, then version and publish it."}
        </p>
        {search || archived === "true" ? null : (
          <Button className="mt-4" onClick={onNewPrompt} data-testid="empty-new-prompt">
            <Icon name="plus" /> New prompt
          </Button>
        )}
      </div>
    );
  }

  return (
    <div className="p-4">
      {/* Narrow screens scroll the table inside this box (the keyboard too: tabIndex); relative so
          that the sr-only header text, absolutely positioned, stays inside it. */}
      <div role="region" aria-label="Prompts" tabIndex={0} className="relative overflow-x-auto rounded-lg border border-zinc-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-zinc-800">
        <table className="w-full min-w-[44rem] table-fixed" data-testid="prompt-table">
          <thead className="border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900/70">
            <tr>
              <th className={`${HEAD} w-[38%] pl-4`}>Name</th>
              <th className={`${HEAD} w-[14%]`}>Published</th>
              <th className={`${HEAD} w-[20%]`}>Labels</th>
              <th className={`${HEAD} w-[12%]`}>Updated</th>
              <th className={`${HEAD} w-[12%]`}>Last used</th>
              <th className={`${HEAD} w-12`}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className={query.isPlaceholderData ? "opacity-60" : ""}>
            {sorted.map((prompt) => (
              <PromptRow
                key={prompt.id}
                prompt={prompt}
                folderName={folderPath(folders, prompt.collection_id)}
                canWrite={canWrite}
                onAction={(kind) => setAction({ kind, prompt })}
                onRestore={() =>
                  restore.mutate({ id: prompt.id, archive: false }, { onSuccess: () => toast.success(`Restored "${prompt.name}"`), onError: (error) => toast.error(error) })
                }
              />
            ))}
          </tbody>
        </table>
      </div>
      <div className="mt-3 flex items-center justify-between text-xs text-zinc-500">
        <span data-testid="prompts-count">
          {rows.length} of {total} prompt{total === 1 ? "" : "s"}
        </span>
        {query.hasNextPage ? (
          <Button variant="secondary" onClick={() => query.fetchNextPage()} disabled={query.isFetchingNextPage}>
            {query.isFetchingNextPage ? "Loading…" : "Load more"}
          </Button>
        ) : null}
      </div>
      {action ? <PromptActionDialog action={action} folders={folders} onClose={() => setAction(null)} /> : null}
    </div>
  );
}
