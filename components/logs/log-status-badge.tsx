import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { LogStatus } from "@/lib/logs/schemas";

const TONE: Record<LogStatus, BadgeTone> = { success: "success", error: "danger", cancelled: "warning" };
const LABEL: Record<LogStatus, string> = { success: "Success", error: "Error", cancelled: "Cancelled" };

export function LogStatusBadge({ status, httpStatus, testId }: { status: LogStatus; httpStatus?: number | null; testId?: string }) {
  return (
    <Badge tone={TONE[status] ?? "neutral"} testId={testId}>
      {LABEL[status] ?? status}
      {httpStatus && status !== "success" ? <span className="font-mono opacity-75">{httpStatus}</span> : null}
    </Badge>
  );
}

/** "v3", or "Draft" for unsaved playground runs (they still name the version they started from). */
export function VersionBadge({ version, isDraft, testId }: { version: number | null; isDraft: boolean; testId?: string }) {
  if (isDraft) {
    return (
      <Badge tone="warning" testId={testId} title={version ? `Unsaved draft based on v${version}` : "Unsaved draft"}>
        Draft
      </Badge>
    );
  }
  return (
    <Badge tone="neutral" testId={testId}>
      {version ? `v${version}` : "—"}
    </Badge>
  );
}
