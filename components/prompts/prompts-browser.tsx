"use client";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/text-field";
import { useCan } from "@/lib/auth/role-context";
import { useCollections } from "@/lib/hooks/use-collections";
import { fieldClass } from "./field-class";
import { FolderTree } from "./folder-tree";
import { Icon } from "./icons";
import { NewPromptDialog } from "./new-prompt-dialog";
import { PromptTable, type ArchivedFilter, type SortOrder } from "./prompt-table";
import { useDebounced } from "./use-debounced";

/** /prompts: folders on the left, the searchable prompt list on the right. */
export function PromptsBrowser() {
  const collections = useCollections();
  const canWrite = useCan("write");
  const [folderId, setFolderId] = useState<string | null>(null);
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<SortOrder>("updated");
  const [archived, setArchived] = useState<ArchivedFilter>("false");
  const [creating, setCreating] = useState(false);
  const settledSearch = useDebounced(search.trim());
  const folders = collections.data?.data ?? [];
  const folder = folders.find((f) => f.id === folderId);

  return (
    <div className="flex min-h-screen flex-col lg:h-screen">
      <PageHeader
        title="Prompts"
        description="Templates, their versions and labels. Open one to edit, run and publish it."
        actions={
          // Viewers read and run; creating is refused by the API, so not offered.
          canWrite ? (
            <Button onClick={() => setCreating(true)} data-testid="new-prompt">
              <Icon name="plus" /> New prompt
            </Button>
          ) : null
        }
      />
      {/* Folders beside the list from md, above it on a phone. */}
      <div className="flex min-h-0 flex-1 flex-col md:flex-row">
        <aside className="shrink-0 border-b border-zinc-200 md:w-64 md:border-r md:border-b-0 dark:border-zinc-800">
          <FolderTree selected={folderId} onSelect={setFolderId} />
        </aside>
        <section className="min-w-0 flex-1 overflow-y-auto">
          <div className="flex flex-wrap items-center gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
            <h2 className="mr-auto text-sm font-semibold" data-testid="prompts-folder-title">
              {folder?.name ?? "All prompts"}
            </h2>
            <div className="relative w-full sm:w-72">
              <Icon name="search" className="pointer-events-none absolute top-1/2 left-2.5 h-4 w-4 -translate-y-1/2 text-zinc-400" />
              <input
                type="search"
                aria-label="Search prompts by name"
                placeholder="Search by name…"
                value={search}
                onChange={(e) => setSearch(e.target.value)}
                data-testid="prompt-search"
                className={`${inputClass} pl-8`}
              />
            </div>
            <label className="flex items-center gap-2 text-sm text-zinc-500">
              Sort
              <select value={sort} onChange={(e) => setSort(e.target.value as SortOrder)} className={`${fieldClass} w-auto py-1.5`} data-testid="prompt-sort">
                <option value="updated">Last updated</option>
                <option value="name">Name</option>
              </select>
            </label>
            <label className="flex items-center gap-2 text-sm text-zinc-500">
              Show
              <select value={archived} onChange={(e) => setArchived(e.target.value as ArchivedFilter)} className={`${fieldClass} w-auto py-1.5`} data-testid="prompt-archived-filter">
                <option value="false">Active</option>
                <option value="true">Archived</option>
                <option value="all">All</option>
              </select>
            </label>
          </div>
          <PromptTable folderId={folderId} search={settledSearch} sort={sort} archived={archived} folders={folders} onNewPrompt={() => setCreating(true)} />
        </section>
      </div>
      {creating ? <NewPromptDialog folders={folders} defaultFolderId={folderId} onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
