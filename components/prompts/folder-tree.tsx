"use client";
import { useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { useCollections } from "@/lib/hooks/use-collections";
import { FolderDialog, type FolderAction } from "./folder-dialogs";
import { buildFolderTree, type FolderNode } from "./folder-model";
import { Icon } from "./icons";
import { Menu } from "./menu";

const rowClass = (active: boolean) =>
  `group flex w-full items-center gap-1.5 rounded-md py-1.5 pr-1 text-sm ${
    active ? "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950/70 dark:text-indigo-300" : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/70"
  }`;

/** The folder tree: "All prompts" then nested folders, each with its actions menu. */
export function FolderTree({ selected, onSelect }: { selected: string | null; onSelect: (id: string | null) => void }) {
  const collections = useCollections();
  const [action, setAction] = useState<FolderAction | null>(null);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const folders = collections.data?.data ?? [];

  const toggle = (id: string) =>
    setCollapsed((set) => {
      const next = new Set(set);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const renderNode = (node: FolderNode, depth: number) => {
    const { folder } = node;
    const open = !collapsed.has(folder.id);
    const empty = node.children.length === 0;
    return (
      <li key={folder.id}>
        <div className={rowClass(selected === folder.id)} style={{ paddingLeft: `${depth * 14 + 4}px` }}>
          <button
            type="button"
            aria-label={open ? `Collapse ${folder.name}` : `Expand ${folder.name}`}
            onClick={() => toggle(folder.id)}
            className={`rounded p-0.5 text-zinc-400 hover:text-zinc-700 dark:hover:text-zinc-200 ${empty ? "invisible" : ""}`}
          >
            <Icon name={open ? "chevronDown" : "chevronRight"} className="h-3.5 w-3.5" />
          </button>
          <button type="button" onClick={() => onSelect(folder.id)} data-testid={`folder-${folder.slug}`} className="flex min-w-0 flex-1 items-center gap-2 text-left">
            <Icon name={selected === folder.id ? "folderOpen" : "folder"} className="h-4 w-4 shrink-0 text-zinc-400" />
            <span className="truncate">{folder.name}</span>
          </button>
          <div className="opacity-0 group-focus-within:opacity-100 group-hover:opacity-100">
            <Menu
              label={`Actions for ${folder.name}`}
              testId={`folder-menu-${folder.slug}`}
              items={[
                { label: "New sub-folder", onSelect: () => setAction({ kind: "create", parentId: folder.id }), testId: "folder-action-create" },
                { label: "Rename", onSelect: () => setAction({ kind: "rename", folder }), testId: "folder-action-rename" },
                { label: "Move…", onSelect: () => setAction({ kind: "move", folder }), disabled: folder.is_default, reason: "The default folder stays at the top", testId: "folder-action-move" },
                {
                  label: "Delete",
                  danger: true,
                  onSelect: () => setAction({ kind: "delete", folder }),
                  disabled: folder.is_default || !empty,
                  reason: folder.is_default ? "The default folder can't be deleted" : "Only empty folders can be deleted",
                  testId: "folder-action-delete",
                },
              ]}
            />
          </div>
        </div>
        {open && !empty ? <ul>{node.children.map((child) => renderNode(child, depth + 1))}</ul> : null}
      </li>
    );
  };

  return (
    <nav aria-label="Folders" className="flex h-full flex-col" data-testid="folder-tree">
      <div className="flex items-center justify-between px-3 pt-4 pb-2">
        <span className="text-xs font-semibold tracking-wide text-zinc-500 uppercase">Folders</span>
        <button
          type="button"
          data-testid="new-folder"
          onClick={() => setAction({ kind: "create", parentId: null })}
          className="inline-flex items-center gap-1 rounded-md px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          <Icon name="plus" className="h-3.5 w-3.5" /> New
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto px-2 pb-4">
        <button type="button" onClick={() => onSelect(null)} data-testid="folder-all" className={`${rowClass(selected === null)} pl-2`}>
          <Icon name="file" className="h-4 w-4 text-zinc-400" /> All prompts
        </button>
        {collections.isPending ? (
          <div className="mt-2 space-y-2 px-2" aria-label="Loading folders">
            {[0, 1, 2].map((i) => (
              <div key={i} className="h-5 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" />
            ))}
          </div>
        ) : collections.isError ? (
          <div className="mt-2">
            <ErrorAlert testId="folders-error">{collections.error.message}</ErrorAlert>
          </div>
        ) : (
          <ul className="mt-1">{buildFolderTree(folders).map((node) => renderNode(node, 0))}</ul>
        )}
      </div>
      {action ? (
        <FolderDialog
          action={action}
          folders={folders}
          onClose={() => setAction(null)}
          onDone={(id) => {
            setAction(null);
            onSelect(id);
          }}
        />
      ) : null}
    </nav>
  );
}

