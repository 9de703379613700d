"use client";
import { QueryError } from "@/components/settings/query-error";
import { RelativeTime } from "@/components/ui/relative-time";
import { useDatasetVersions } from "@/lib/hooks/use-datasets";

/** Every version, newest first: what changed and how many items it holds; one click views it. */
export function VersionsList({ datasetId, viewing, onView }: { datasetId: string; viewing: number | null; onView: (version: number | null) => void }) {
  const versions = useDatasetVersions(datasetId);
  const rows = versions.data?.data ?? [];
  const newest = rows[0]?.version;
  return (
    <section aria-labelledby="versions-heading" className="space-y-2">
      <h2 id="versions-heading" className="text-sm font-semibold">
        Versions
      </h2>
      {versions.error ? <QueryError error={versions.error} onRetry={() => void versions.refetch()} testId="versions-error" /> : null}
      {versions.isPending ? <p className="text-sm text-zinc-500">Loading…</p> : null}
      <ol className="space-y-1" data-testid="versions-list">
        {rows.map((version) => {
          const current = version.version === newest;
          const selected = (viewing ?? newest) === version.version;
          return (
            <li key={version.version}>
              <button
                type="button"
                data-testid="version-row"
                data-version={version.version}
                aria-current={selected ? "true" : undefined}
                onClick={() => onView(current ? null : version.version)}
                className={`w-full rounded-md px-3 py-2 text-left text-sm focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                  selected ? "bg-indigo-50 dark:bg-indigo-950" : "hover:bg-zinc-100 dark:hover:bg-zinc-800"
                }`}
              >
                <span className="flex items-center justify-between gap-2">
                  <span className="font-medium">
                    v{version.version}
                    {current ? <span className="ml-1 text-xs font-normal text-zinc-500">(current)</span> : null}
                  </span>
                  <span className="text-xs text-zinc-500 tabular-nums">{version.item_count} items</span>
                </span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400" data-testid="version-description">
                  {version.description}
                </span>
                <span className="block text-xs text-zinc-400">
                  <RelativeTime iso={version.created_at} />
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
