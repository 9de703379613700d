import { Badge } from "@/components/ui/badge";
import { statusTone } from "./format";

interface Progress {
  total: number;
  pending: number;
  running: number;
  done: number;
  errored: number;
}

export function StatusBadge({ status, testId = "experiment-status" }: { status: string; testId?: string }) {
  return (
    <Badge tone={statusTone(status)} testId={testId}>
      {status}
    </Badge>
  );
}

/** Finished cases over all, as a bar (errored share in red) and counts. */
export function ProgressBar({ progress, compact = false }: { progress: Progress; compact?: boolean }) {
  const finished = progress.done + progress.errored;
  const share = (n: number) => (progress.total ? `${(n / progress.total) * 100}%` : "0%");
  return (
    <div className="min-w-0 space-y-1" data-testid="experiment-progress">
      <div
        role="progressbar"
        aria-label="Cases finished"
        aria-valuemin={0}
        aria-valuemax={progress.total}
        aria-valuenow={finished}
        className={`flex overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800 ${compact ? "h-1.5" : "h-2.5"}`}
      >
        <div className="bg-indigo-500 transition-[width]" style={{ width: share(progress.done) }} />
        <div className="bg-red-500 transition-[width]" style={{ width: share(progress.errored) }} />
      </div>
      <p className="text-xs text-zinc-500 tabular-nums" data-testid="experiment-counts">
        {finished} / {progress.total} cases
        {compact ? null : (
          <>
            {" "}
            · {progress.done} done · {progress.errored} errored · {progress.running} running · {progress.pending} pending
          </>
        )}
      </p>
    </div>
  );
}
