"use client";
import { useState } from "react";
import { AddLogsDialog } from "@/components/datasets/add-logs-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCan } from "@/lib/auth/role-context";
import { useLog } from "@/lib/hooks/use-logs";
import { formatLogTime } from "./format";
import { LogDetailView } from "./log-detail";

/** The details of one log in a side panel over the list. */
export function LogDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const log = useLog(id);
  const canWrite = useCan("write");
  const [adding, setAdding] = useState(false);
  return (
    <>
      <Dialog
        open={id !== null}
        onClose={onClose}
        variant="drawer"
        testId="log-detail"
        title={log.data ? `Completion · ${formatLogTime(log.data.created_at)}` : "Completion"}
        description={log.data ? <span className="font-mono text-xs">trace {log.data.trace_id}</span> : null}
        footer={
          canWrite && log.data ? (
            <Button variant="secondary" onClick={() => setAdding(true)} data-testid="log-add-to-dataset">
              Add to dataset
            </Button>
          ) : undefined
        }
      >
        {log.isPending ? (
          <div className="space-y-3" aria-busy="true" data-testid="log-detail-loading">
            {Array.from({ length: 6 }, (_, i) => (
              <div key={i} className="h-4 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" style={{ width: `${90 - i * 10}%` }} />
            ))}
          </div>
        ) : log.isError ? (
          <ErrorAlert testId="log-detail-error-state">Could not load this log: {log.error.message}</ErrorAlert>
        ) : (
          <LogDetailView log={log.data} />
        )}
      </Dialog>
      {adding && id ? <AddLogsDialog logIds={[id]} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
