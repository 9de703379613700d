"use client";
import { useState } from "react";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { inputClass } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCan, useSignedInEmail } from "@/lib/auth/role-context";
import { useCloseReleaseRequest, useMergeReleaseRequest, useReleaseRequest, useReviewReleaseRequest } from "@/lib/hooks/use-release-requests";
import { GateStatus } from "./gate-status";
import { PatchView } from "./patch-view";
import { ReleaseStatusBadge } from "./status-badge";

const show = (value: unknown) => (value === null || value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/** One release request: what changes, who reviewed, and the actions the signed-in member has. */
export function ReleaseDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const request = useReleaseRequest(id);
  const review = useReviewReleaseRequest(id);
  const merge = useMergeReleaseRequest(id);
  const close = useCloseReleaseRequest(id);
  const canWrite = useCan("write");
  const canPublish = useCan("publish");
  const canOverride = useCan("settings");
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState("");
  const email = useSignedInEmail();
  const [comment, setComment] = useState("");
  const [merging, setMerging] = useState(false);

  if (request.error) return <QueryError error={request.error} onRetry={() => void request.refetch()} testId="release-detail-error" />;
  if (request.isPending) return <div className="h-40 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-900" data-testid="release-detail-loading" />;
  const r = request.data;
  const mine = r.author === email;
  const open = r.status === "open";

  const decide = (decision: "approve" | "reject") =>
    review.mutate(
      { decision, comment: comment.trim() || null },
      {
        onSuccess: () => {
          setComment("");
          toast.success(decision === "approve" ? "Approved" : "Rejected: the request is closed");
        },
        onError: (error) => toast.error(error.message),
      },
    );

  return (
    <section aria-labelledby="release-title" data-testid="release-detail" className="space-y-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="release-title" className="text-base font-semibold">
            {r.prompt.name}: {r.label.name} → v{r.version}
          </h2>
          <p className="text-sm text-zinc-500">
            {r.author} opened it <RelativeTime iso={r.created_at} />; {r.label.name} serves {r.current_version === null ? "no version yet" : `v${r.current_version}`} now.
          </p>
        </div>
        <div className="flex items-center gap-2">
          <ReleaseStatusBadge status={r.status} />
          <Button variant="ghost" onClick={onClose} aria-label="Close details">
            Close
          </Button>
        </div>
      </header>
      {r.gate ? <GateStatus gate={r.gate} /> : null}
      {r.comment ? <p className="whitespace-pre-wrap rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900">{r.comment}</p> : null}

      <div>
        <h3 className="mb-1 text-sm font-medium">Template</h3>
        <PatchView patch={r.diff.template} testId="release-diff" />
      </div>
      {r.diff.changes.length ? (
        <div>
          <h3 className="mb-1 text-sm font-medium">Settings</h3>
          <ul className="space-y-1 text-sm" data-testid="release-changes">
            {r.diff.changes.map((change) => (
              <li key={change.field} className="break-all">
                <span className="font-mono text-xs">{change.field}</span>: <del className="text-red-700 dark:text-red-300">{show(change.from)}</del> → <ins className="text-emerald-700 no-underline dark:text-emerald-300">{show(change.to)}</ins>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div>
        <h3 className="mb-1 text-sm font-medium">
          Reviews · {r.approvals} of {r.required_approvals} approval{r.required_approvals === 1 ? "" : "s"} needed
        </h3>
        {r.reviews.length ? (
          <ul className="space-y-1 text-sm" data-testid="release-reviews">
            {r.reviews.map((item) => (
              <li key={item.reviewer}>
                <span className={item.decision === "approve" ? "text-emerald-700 dark:text-emerald-300" : "text-red-700 dark:text-red-300"}>{item.decision === "approve" ? "Approved" : "Rejected"}</span> by {item.reviewer}
                {item.comment ? `: ${item.comment}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-zinc-500">No review yet.</p>
        )}
      </div>

      {open && canWrite ? (
        <div className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          {mine ? (
            <p className="text-sm text-zinc-500">You opened this request: another member reviews it.</p>
          ) : (
            <>
              <label htmlFor="review-comment" className="block text-sm font-medium">
                Review comment <span className="font-normal text-zinc-500">(optional)</span>
              </label>
              <textarea id="review-comment" data-testid="review-comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} className={inputClass} />
            </>
          )}
          <div className="flex flex-wrap gap-2">
            {mine ? null : (
              <>
                <Button onClick={() => decide("approve")} disabled={review.isPending} data-testid="release-approve">
                  Approve
                </Button>
                <Button variant="secondary" onClick={() => decide("reject")} disabled={review.isPending} data-testid="release-reject">
                  Reject
                </Button>
              </>
            )}
            <Button variant="secondary" onClick={() => setMerging(true)} disabled={!r.mergeable || merge.isPending} title={r.blocked_by ?? undefined} data-testid="release-merge">
              Merge
            </Button>
            {canOverride && r.gate && r.gate.status !== "passed" && r.approvals >= r.required_approvals ? (
              <Button variant="secondary" onClick={() => setOverriding(true)} disabled={merge.isPending} data-testid="release-override">
                Merge below the gate…
              </Button>
            ) : null}
            {mine || canPublish ? (
              <Button
                variant="ghost"
                disabled={close.isPending}
                onClick={() => close.mutate(undefined, { onSuccess: () => toast.success("Request closed"), onError: (error) => toast.error(error.message) })}
                data-testid="release-close"
              >
                Close request
              </Button>
            ) : null}
          </div>
          {r.blocked_by ? (
            <p className="text-xs text-zinc-500" data-testid="release-blocked">
              {r.blocked_by}
            </p>
          ) : null}
        </div>
      ) : null}
      {r.status === "merged" ? (
        <p className="text-sm text-emerald-700 dark:text-emerald-300" data-testid="release-merged">
          Merged by {r.merged_by} {r.merged_at ? <RelativeTime iso={r.merged_at} /> : null}: {r.label.name} serves v{r.version}.
        </p>
      ) : null}
      <ConfirmDialog
        open={merging}
        title={`Move ${r.label.name} to v${r.version}?`}
        confirmLabel="Merge and move the label"
        pending={merge.isPending}
        onConfirm={() =>
          merge.mutate(undefined, {
            onSuccess: () => {
              setMerging(false);
              toast.success(`${r.label.name} → v${r.version}`);
            },
            onError: (error) => {
              setMerging(false);
              toast.error(error.message);
            },
          })
        }
        onClose={() => setMerging(false)}
      >
        Callers of {r.prompt.slug}@{r.label.name} get v{r.version} from their next call. Rolling back is one click in the label&apos;s history.
      </ConfirmDialog>
      <ConfirmDialog
        open={overriding}
        title={`Merge v${r.version} below the evaluation gate?`}
        confirmLabel="Merge anyway"
        pending={merge.isPending}
        onConfirm={() =>
          merge.mutate(
            { override_reason: reason.trim() || "no reason given" },
            {
              onSuccess: () => {
                setOverriding(false);
                toast.success(`${r.label.name} → v${r.version}`);
              },
              onError: (error) => {
                setOverriding(false);
                toast.error(error.message);
              },
            },
          )
        }
        onClose={() => setOverriding(false)}
      >
        <label htmlFor="override-reason" className="mb-1 block text-sm font-medium">
          Why? (recorded on the request and in the label&apos;s history)
        </label>
        <textarea id="override-reason" data-testid="release-override-reason" rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} className={inputClass} />
      </ConfirmDialog>
    </section>
  );
}
