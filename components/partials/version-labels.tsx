"use client";
import { LabelChip } from "@/components/prompts/label-chip";
import { Menu } from "@/components/prompts/menu";
import { toast } from "@/components/ui/toast";
import { useLabels } from "@/lib/hooks/use-labels";
import { usePartialLabel, type PartialVersionEntry } from "@/lib/hooks/use-partials";

/**
 * A partial version's labels (what `{{>slug@label}}` includes), each removable, and a
 * "Set label" menu that moves a label here from wherever it points on this partial.
 */
export function VersionLabels({ id, slug, version, canWrite }: { id: string; slug: string; version: PartialVersionEntry; canWrite: boolean }) {
  const labels = useLabels();
  const change = usePartialLabel();

  async function apply(label: string, to: number | null) {
    try {
      await change.mutateAsync({ id, label, version: to });
      toast.success(to === null ? `Removed ${label} from ${slug}` : `${label} now points at v${to} of ${slug}`);
    } catch (e) {
      toast.error(e as Error);
    }
  }

  const here = new Set(version.labels);
  const choices = (labels.data?.data ?? []).filter((label) => !here.has(label.name));
  return (
    <span className="flex flex-wrap items-center gap-1" data-testid={`partial-version-labels-${version.version}`}>
      {version.labels.map((name) => (
        <span key={name} className="inline-flex items-center gap-0.5">
          <LabelChip name={name} testId={`partial-label-chip-${version.version}-${name}`} />
          {canWrite ? (
            <button
              type="button"
              className="rounded px-1 text-xs text-zinc-500 hover:text-red-600 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-500 disabled:opacity-50"
              aria-label={`Remove label ${name} from v${version.version}`}
              disabled={change.isPending}
              onClick={() => void apply(name, null)}
              data-testid={`partial-label-remove-${version.version}-${name}`}
            >
              ×
            </button>
          ) : null}
        </span>
      ))}
      {canWrite ? (
        <Menu
          label={`Set label on v${version.version}`}
          testId={`partial-set-label-${version.version}`}
          trigger={<span className="px-1 text-xs">Set label</span>}
          items={
            labels.isPending
              ? [{ label: "Loading labels…", onSelect: () => undefined, disabled: true }]
              : labels.error
                ? [{ label: "Labels could not be loaded", onSelect: () => void labels.refetch(), disabled: true }]
                : choices.length === 0
                  ? [{ label: "No other labels", onSelect: () => undefined, disabled: true }]
                  : choices.map((label) => ({
                      label: label.protected ? `${label.name} (protected)` : label.name,
                      onSelect: () => void apply(label.name, version.version),
                      testId: `partial-set-label-${version.version}-${label.name}`,
                    }))
          }
        />
      ) : null}
    </span>
  );
}
