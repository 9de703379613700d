"use client";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { PartialUsage } from "@/lib/hooks/use-partials";
import { UsedByList } from "./used-by";

/**
 * Publishing a partial changes what every prompt including it renders, at once and at
 * every label: the confirmation lists those prompts so nobody publishes blind.
 */
export function PublishPartialDialog({
  slug,
  version,
  usage,
  pending,
  onConfirm,
  onClose,
}: {
  slug: string;
  version: number;
  usage: PartialUsage | undefined;
  pending: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const prompts = usage?.prompts ?? [];
  return (
    <ConfirmDialog open title={`Publish v${version} of ${slug}?`} confirmLabel={`Publish v${version}`} pending={pending} onConfirm={onConfirm} onClose={onClose} testId="publish-partial">
      {!usage ? (
        <p>Checking which prompts include it…</p>
      ) : prompts.length === 0 ? (
        <p data-testid="publish-partial-none">No prompt includes this partial: publishing changes nothing that runs.</p>
      ) : (
        <div className="space-y-2">
          <p data-testid="publish-partial-count">
            {prompts.length === 1 ? "This prompt renders" : `These ${prompts.length} prompts render`} the new text from the next request, whatever label or version
            callers address (unless they pin {`{{>${slug}@N}}`}):
          </p>
          <div className="max-h-64 overflow-y-auto rounded-md border border-zinc-200 px-3 dark:border-zinc-700">
            <UsedByList prompts={prompts} testId="publish-partial-prompts" />
          </div>
        </div>
      )}
    </ConfirmDialog>
  );
}
