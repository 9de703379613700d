import { Suspense } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { LogsView } from "@/components/logs/logs-view";

export const metadata = { title: "Logs" };

export default function LogsPage() {
  return (
    <>
      <PageHeader title="Logs" description="Every completion served, through the API or the playground, newest first." />
      {/* LogsView reads the URL's search params on the client. */}
      <Suspense>
        <LogsView />
      </Suspense>
    </>
  );
}
