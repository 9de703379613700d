import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Logs" };

export default function LogsPage() {
  return (
    <>
      <PageHeader title="Logs" description="Every completion served, newest first." />
      <EmptyState title="No completions logged yet" testId="logs-empty" />
    </>
  );
}
