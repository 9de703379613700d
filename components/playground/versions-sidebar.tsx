"use client";
import Link from "next/link";
import { useState } from "react";
import { LabelHistoryDialog } from "@/components/releases/label-history-dialog";
import { Icon } from "@/components/prompts/icons";
import { LabelChip, PublishedChip } from "@/components/prompts/label-chip";
import { Menu } from "@/components/prompts/menu";
import { RelativeTime } from "@/components/prompts/time";
import { ErrorAlert } from "@/components/ui/alert";
import type { VersionPassRate } from "@/lib/experiments/results-view";
import type { AnalyticsGroupRow } from "@/lib/hooks/use-analytics";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { LabelMenu } from "./label-menu";

/** A version's latest pass rate, linking to the experiment it comes from. */
function PassRate({ rate, version }: { rate: VersionPassRate | undefined; version: number }) {
  if (!rate) return null;
  const tone = rate.pass_rate >= 0.8 ? "text-emerald-700 bg-emerald-50 dark:text-emerald-300 dark:bg-emerald-950" : rate.pass_rate >= 0.5 ? "text-amber-800 bg-amber-50 dark:text-amber-300 dark:bg-amber-950" : "text-red-700 bg-red-50 dark:text-red-300 dark:bg-red-950";
  return (
    <Link
      href={`/experiments/${rate.experiment_id}`}
      title="Pass rate in the latest experiment that ran this version"
      className={`rounded px-1.5 py-0.5 text-[11px] font-medium tabular-nums hover:underline ${tone}`}
      data-testid={`version-pass-rate-${version}`}
    >
      {Math.round(rate.pass_rate * 1000) / 10}% pass
    </Link>
  );
}

/** A version's calls and error rate, from the analytics rollups. */
function Usage({ row, version }: { row: AnalyticsGroupRow | undefined; version: number }) {
  const calls = row?.requests ?? 0;
  const rate = calls ? Math.round(((row?.error_count ?? 0) * 1000) / calls) / 10 : 0;
  return (
    <span className="text-[11px] text-zinc-500 tabular-nums dark:text-zinc-400" title="Calls and error rate in the last 400 days" data-testid={`version-usage-${version}`}>
      {calls} {calls === 1 ? "call" : "calls"}
      {calls ? ` · ${rate}% errors` : ""}
    </span>
  );
}

/** The version history: labels, published mark, and what can be done with each version. */
export function VersionsSidebar({
  promptId,
  versions,
  loading,
  error,
  baseId,
  viewingId,
  onView,
  onPublish,
  onRestore,
  onDiff,
  onClose,
  passRates,
  usage,
}: {
  promptId: string;
  versions: PromptVersionEntry[];
  loading: boolean;
  error: string | null;
  baseId: string | null;
  viewingId: string | null;
  onView: (version: PromptVersionEntry) => void;
  onPublish: (version: PromptVersionEntry) => void;
  onRestore: (version: PromptVersionEntry) => void;
  onDiff: (a: number, b: number) => void;
  onClose: () => void;
  /** Per version number, the pass rate of the newest experiment that ran it. */
  passRates: ReadonlyMap<number, VersionPassRate>;
  /** Per version number, its calls in the analytics (absent: none). */
  usage: ReadonlyMap<number, AnalyticsGroupRow>;
}) {
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  return (
    <aside aria-label="Version history" data-testid="versions-sidebar" className="flex w-full shrink-0 flex-col border-t border-l-0 lg:w-80 lg:border-t-0 lg:border-l border-zinc-200 bg-zinc-50/70 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="flex h-10 items-center gap-2 border-b border-zinc-200 px-3 dark:border-zinc-800">
        <h2 className="text-xs font-semibold tracking-wide text-zinc-600 uppercase dark:text-zinc-300">History</h2>
        <span className="text-xs text-zinc-400">{versions.length} versions</span>
        <button
          type="button"
          onClick={() => versions.length > 1 && onDiff(versions[1].prompt_version, versions[0].prompt_version)}
          disabled={versions.length < 2}
          data-testid="open-diff"
          className="ml-auto inline-flex items-center gap-1 rounded px-1.5 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-200/70 disabled:opacity-40 dark:text-zinc-300 dark:hover:bg-zinc-800"
        >
          <Icon name="diff" className="h-3.5 w-3.5" /> Diff
        </button>
        <button type="button" aria-label="Close history" onClick={onClose} className="rounded p-1 text-zinc-400 hover:bg-zinc-200/70 hover:text-zinc-700 dark:hover:bg-zinc-800">
          <Icon name="x" className="h-3.5 w-3.5" />
        </button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-2">
        {loading ? <div className="h-24 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800" /> : null}
        {error ? <ErrorAlert>{error}</ErrorAlert> : null}
        <ol className="space-y-1.5">
          {versions.map((version, index) => (
            <li
              key={version.id}
              data-testid={`version-${version.prompt_version}`}
              className={`rounded-lg border p-2.5 text-sm transition-colors ${
                viewingId === version.id
                  ? "border-indigo-400 bg-indigo-50/70 dark:border-indigo-700 dark:bg-indigo-950/40"
                  : "border-zinc-200 bg-white hover:border-zinc-300 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-zinc-700"
              }`}
            >
              <div className="flex items-center gap-1.5">
                <button type="button" onClick={() => onView(version)} className="font-semibold hover:text-indigo-600 dark:hover:text-indigo-400" data-testid={`version-open-${version.prompt_version}`}>
                  v{version.prompt_version}
                </button>
                {version.is_published ? <PublishedChip testId={`version-published-${version.prompt_version}`} /> : null}
                {baseId === version.id ? <span className="text-[11px] text-zinc-400">· draft base</span> : null}
                <PassRate rate={passRates.get(version.prompt_version)} version={version.prompt_version} />
                <div className="ml-auto flex items-center">
                  <LabelMenu promptId={promptId} version={version} versions={versions} />
                  <Menu
                    label={`Actions for v${version.prompt_version}`}
                    testId={`version-menu-${version.prompt_version}`}
                    items={[
                      { label: "Open read only", onSelect: () => onView(version), testId: "version-action-open" },
                      { label: version.is_published ? "Published" : "Publish", disabled: version.is_published, reason: "Already published", onSelect: () => onPublish(version), testId: "version-action-publish" },
                      { label: "Restore into draft", onSelect: () => onRestore(version), testId: "version-action-restore" },
                      {
                        label: "Diff with previous",
                        disabled: index === versions.length - 1,
                        reason: "The first version has nothing before it",
                        onSelect: () => onDiff(versions[index + 1].prompt_version, version.prompt_version),
                        testId: "version-action-diff",
                      },
                    ]}
                  />
                </div>
              </div>
              <VersionLabels version={version} versions={versions} onHistory={setHistoryOf} />
              <p className="mt-1 line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400">{version.prompt_description || <span className="italic text-zinc-400">No description</span>}</p>
              <p className="mt-1 text-[11px] text-zinc-400">
                <RelativeTime iso={version.created_at} /> · {version.prompt_template.model ?? "no model"}
              </p>
              <Usage row={usage.get(version.prompt_version)} version={version.prompt_version} />
            </li>
          ))}
        </ol>
      </div>
      {historyOf ? <LabelHistoryDialog promptId={promptId} label={historyOf} onClose={() => setHistoryOf(null)} /> : null}
    </aside>
  );
}

/**
 * A version's label chips: a label it serves (with the baseline's share while a canary runs),
 * and the canaries it is the candidate of (dashed, with the candidate's share).
 */
function VersionLabels({ version, versions, onHistory }: { version: PromptVersionEntry; versions: PromptVersionEntry[]; onHistory: (label: string) => void }) {
  const canaries = versions.flatMap((other) => other.labels.filter((label) => label.split?.candidate_version_id === version.id));
  if (version.labels.length === 0 && canaries.length === 0) return null;
  const chip = (name: string, share: number | undefined, testId: string, canary: boolean) => (
    <button key={testId} type="button" onClick={() => onHistory(name)} aria-label={`History of ${name}`} data-testid={testId} className={`rounded-full focus-visible:ring-2 focus-visible:ring-indigo-500 focus-visible:outline-none ${canary ? "outline-1 outline-offset-1 outline-dashed outline-zinc-400" : ""}`}>
      <LabelChip name={name} share={share} />
    </button>
  );
  return (
    <div className="mt-1.5 flex flex-wrap gap-1" data-testid={`version-labels-${version.prompt_version}`}>
      {version.labels.map((label) => chip(label.name, label.split ? Math.round((100 - label.split.weight) * 100) / 100 : undefined, `label-history-${label.name}`, false))}
      {canaries.map((label) => chip(label.name, label.split!.weight, `label-canary-${label.name}`, true))}
    </div>
  );
}
