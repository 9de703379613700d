"use client";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { useLabelHistory, useRollbackLabel } from "@/lib/hooks/use-release-requests";

const VIA = { direct: "moved", rollback: "rolled back", release: "released", split: "canary", promote: "canary promoted", abort: "canary aborted" } as Record<string, string>;

/** A label's moves on one prompt, newest first, with a rollback to the version before the last. */
export function LabelHistoryDialog({ promptId, label, onClose }: { promptId: string; label: string; onClose: () => void }) {
  const history = useLabelHistory(promptId, label);
  const rollback = useRollbackLabel(promptId);
  const canWrite = useCan("write");
  const canPublish = useCan("publish");
  const data = history.data;
  const previous = data?.data[0]?.from_version ?? null;
  const mayMove = canWrite && (!data?.label.protected || canPublish);

  return (
    <Dialog
      open
      onClose={onClose}
      size="sm"
      testId="label-history"
      title={`${label} on this prompt`}
      description={
        data
          ? `Serves ${data.current_version === null ? "no version" : `v${data.current_version}`}${data.split ? ` · canary: v${data.split.candidate_version} to ${data.split.weight}%` : ""}${data.label.protected ? " · protected" : ""}`
          : undefined
      }
      footer={
        previous !== null && mayMove ? (
          <Button
            variant="secondary"
            disabled={rollback.isPending}
            data-testid="label-rollback"
            onClick={() =>
              rollback.mutate(label, {
                onSuccess: (moved) => toast.success(`${label} → v${moved.version}`),
                onError: (error) => toast.error(error.message),
              })
            }
          >
            Roll back to v{previous}
          </Button>
        ) : null
      }
    >
      {history.isPending ? <div className="h-20 animate-pulse rounded bg-zinc-100 dark:bg-zinc-800" /> : null}
      {history.error ? <p className="text-sm text-red-600">{history.error.message}</p> : null}
      {data && data.data.length === 0 ? <p className="text-sm text-zinc-500">No move recorded yet.</p> : null}
      <ol className="space-y-2 text-sm" data-testid="label-history-moves">
        {data?.data.map((move) => (
          <li key={move.id} data-testid="label-move">
            <span className="font-medium tabular-nums">
              {move.from_version === null ? "" : `v${move.from_version} → `}v{move.to_version}
            </span>{" "}
            <span className="text-zinc-500">
              {VIA[move.via] ?? move.via}
              {move.weight !== null ? ` at ${move.weight}%` : ""} by {move.actor} <RelativeTime iso={move.created_at} />
            </span>
            {move.reason ? <p className="text-xs text-amber-700 dark:text-amber-400">Merged below the evaluation gate: {move.reason}</p> : null}
          </li>
        ))}
      </ol>
    </Dialog>
  );
}
