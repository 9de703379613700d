import { PageHeader } from "@/components/layout/page-header";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { LabelsSection } from "@/components/settings/labels-section";
import { SETTINGS_TABS, SettingsTabs, type SettingsTab } from "@/components/settings/settings-tabs";
import { VirtualKeysSection } from "@/components/settings/virtual-keys-section";
import { Toaster } from "@/components/ui/toast";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  const { tab } = await searchParams;
  const active: SettingsTab = SETTINGS_TABS.find((t) => t.id === tab)?.id ?? "virtual-keys";
  return (
    <>
      <PageHeader title="Settings" description="Provider credentials, API access and prompt labels." />
      <SettingsTabs active={active} />
      <div className="px-6 py-6">
        {active === "virtual-keys" ? <VirtualKeysSection /> : null}
        {active === "api-keys" ? <ApiKeysSection /> : null}
        {active === "labels" ? <LabelsSection /> : null}
      </div>
      <Toaster />
    </>
  );
}
