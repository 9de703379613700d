import { AnalyticsView } from "@/components/analytics/analytics-view";
import { PageHeader } from "@/components/layout/page-header";

export const metadata = { title: "Analytics" };

export default function AnalyticsPage() {
  return (
    <>
      <PageHeader title="Analytics" description="Requests, errors, latency and cost over time, from hourly rollups of every completion." />
      <AnalyticsView />
    </>
  );
}
