import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ReleaseStatus } from "@/lib/releases/schemas";

const TONE: Record<ReleaseStatus, BadgeTone> = { open: "info", merged: "success", rejected: "danger", closed: "neutral" };

export function ReleaseStatusBadge({ status }: { status: string }) {
  return (
    <Badge tone={TONE[status as ReleaseStatus] ?? "neutral"} testId="release-status">
      {status}
    </Badge>
  );
}
