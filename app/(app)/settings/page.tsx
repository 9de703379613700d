import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Settings" };

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" description="Virtual keys, API keys and labels." />
      <EmptyState title="Nothing to configure here yet" testId="settings-empty" />
    </>
  );
}
