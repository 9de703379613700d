"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { PromptSummary } from "@/lib/hooks/use-prompts";
import type { PromptAction } from "./prompt-actions";
import { LabelChip } from "./label-chip";
import { Menu } from "./menu";
import { RelativeTime } from "./time";

/** One prompt in the list: name and slug, folder, published version, labels, activity. */
export function PromptRow({
  prompt,
  folderName,
  canWrite,
  onAction,
  onRestore,
}: {
  prompt: PromptSummary;
  folderName: string;
  canWrite: boolean;
  onAction: (kind: PromptAction["kind"]) => void;
  onRestore: () => void;
}) {
  const archived = prompt.status === "archived";
  return (
    <tr data-testid={`prompt-row-${prompt.slug}`} className="group border-b border-zinc-100 last:border-0 hover:bg-zinc-50/80 dark:border-zinc-800/70 dark:hover:bg-zinc-900/60">
      <td className="max-w-0 py-3 pr-3 pl-4">
        <Link href={`/prompts/${prompt.id}`} className="block truncate font-medium text-zinc-900 hover:text-indigo-600 dark:text-zinc-100 dark:hover:text-indigo-400" data-testid="prompt-link">
          {prompt.name}
        </Link>
        {archived ? (
          <Badge tone="warning" testId="prompt-archived">
            archived
          </Badge>
        ) : null}
        <div className="mt-0.5 flex items-center gap-2 truncate text-xs text-zinc-500">
          <code className="font-mono">{prompt.slug}</code>
          <span aria-hidden>·</span>
          <span className="truncate">{folderName}</span>
        </div>
      </td>
      <td className="px-3 py-3 text-sm whitespace-nowrap">
        {prompt.prompt_version ? (
          <span className="inline-flex items-center gap-1.5" data-testid="prompt-published">
            <span className="h-1.5 w-1.5 rounded-full bg-emerald-500" aria-hidden />v{prompt.prompt_version}
          </span>
        ) : (
          <span className="text-zinc-400" data-testid="prompt-draft" title="No version is published yet">
            Draft
          </span>
        )}
        {prompt.model ? <div className="mt-0.5 max-w-36 truncate text-xs text-zinc-500">{prompt.model}</div> : null}
      </td>
      <td className="px-3 py-3">
        <div className="flex flex-wrap gap-1" data-testid="prompt-labels">
          {prompt.labels.length ? prompt.labels.map((label) => <LabelChip key={label.id} name={label.name} version={label.prompt_version} />) : <span className="text-sm text-zinc-400">—</span>}
        </div>
      </td>
      <td className="px-3 py-3 text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        <RelativeTime iso={prompt.last_updated_at} />
      </td>
      <td className="px-3 py-3 text-sm whitespace-nowrap text-zinc-600 dark:text-zinc-400">
        <RelativeTime iso={prompt.last_used_at} fallback="Never" testId="prompt-last-used" />
      </td>
      <td className="py-3 pr-3 text-right">
        <Menu
          label={`Actions for ${prompt.name}`}
          testId={`prompt-menu-${prompt.slug}`}
          items={[
            { label: "Rename…", onSelect: () => onAction("rename"), testId: "prompt-action-rename" },
            { label: "Duplicate…", onSelect: () => onAction("duplicate"), testId: "prompt-action-duplicate" },
            { label: "Move to folder…", onSelect: () => onAction("move"), testId: "prompt-action-move" },
            archived
              ? { label: "Restore", onSelect: onRestore, testId: "prompt-action-restore" }
              : { label: "Archive…", onSelect: () => onAction("archive"), testId: "prompt-action-archive" },
            { label: "Delete prompt", onSelect: () => onAction("delete"), danger: true, testId: "prompt-action-delete" },
          ].map((item) => (canWrite ? item : { ...item, disabled: true, reason: "Viewers can't change prompts" }))}
        />
      </td>
    </tr>
  );
}
