"use client";
import { useState } from "react";
import { AddLogsDialog } from "@/components/datasets/add-logs-dialog";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useCan } from "@/lib/auth/role-context";
import { useLog } from "@/lib/hooks/use-logs";
import type { LogDetail } from "@/lib/logs/schemas";
import { formatLogTime } from "./format";
import { LogDetailView } from "./log-detail";

/** The prompt's page on the version that served the call, with the call's variables filled in. */
function playgroundHref(log: LogDetail): string {
  const params = new URLSearchParams();
  if (log.prompt_version) params.set("version", String(log.prompt_version));
  const variables = log.variables && typeof log.variables === "object" && !Array.isArray(log.variables) ? Object.entries(log.variables).filter((entry): entry is [string, string] => typeof entry[1] === "string") : [];
  if (variables.length) params.set("variables", JSON.stringify(Object.fromEntries(variables)));
  const query = params.toString();
  return `/prompts/${encodeURIComponent(log.prompt_id ?? "")}${query ? `?${query}` : ""}`;
}

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
          log.data && (canWrite || log.data.prompt_id) ? (
            <>
              {log.data.prompt_id ? (
                // A full load: the prompt's page may be the one open, and it reads its start only once.
                <a href={playgroundHref(log.data)} className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400" data-testid="log-open-playground">
                  Open in playground
                </a>
              ) : null}
              {canWrite ? (
                <Button variant="secondary" onClick={() => setAdding(true)} data-testid="log-add-to-dataset">
                  Add to dataset
                </Button>
              ) : null}
            </>
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
