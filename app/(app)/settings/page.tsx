import { PageHeader } from "@/components/layout/page-header";
import { ApiKeysSection } from "@/components/settings/api-keys-section";
import { AuditLogSection } from "@/components/settings/audit-log-section";
import { LabelsSection } from "@/components/settings/labels-section";
import { LogSettingsSection } from "@/components/settings/log-settings-section";
import { MembersSection } from "@/components/settings/members-section";
import { ModelPricesSection } from "@/components/settings/model-prices-section";
import { SETTINGS_TABS, SettingsTabs, settingsTabsFor, type SettingsTab } from "@/components/settings/settings-tabs";
import { VirtualKeysSection } from "@/components/settings/virtual-keys-section";
import { WebhooksSection } from "@/components/settings/webhooks-section";
import { ErrorAlert } from "@/components/ui/alert";
import { requireSessionUser } from "@/lib/auth/session";

export const metadata = { title: "Settings" };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ tab?: string | string[] }> }) {
  const [{ tab }, user] = await Promise.all([searchParams, requireSessionUser()]);
  // Decided here, on the server: a tab the role may not open is never rendered, whatever the URL.
  const allowed = settingsTabsFor(user.role);
  const active: SettingsTab | undefined = SETTINGS_TABS.find((t) => t.id === tab)?.id ?? allowed[0]?.id;
  const permitted = allowed.some((t) => t.id === active);
  return (
    <>
      <PageHeader title="Settings" description="Provider credentials, API access, prompt labels and members." />
      {allowed.length > 0 && active ? <SettingsTabs active={active} tabs={allowed} /> : null}
      <div className="px-6 py-6">
        {!permitted ? (
          <ErrorAlert testId="settings-forbidden">
            {allowed.length === 0
              ? "Viewers have no settings: ask the owner if you need to change something."
              : `Only the owner can open ${SETTINGS_TABS.find((t) => t.id === active)?.label ?? "this section"}.`}
          </ErrorAlert>
        ) : null}
        {permitted && active === "virtual-keys" ? <VirtualKeysSection /> : null}
        {permitted && active === "api-keys" ? <ApiKeysSection /> : null}
        {permitted && active === "labels" ? <LabelsSection /> : null}
        {permitted && active === "members" ? <MembersSection /> : null}
        {permitted && active === "model-prices" ? <ModelPricesSection /> : null}
        {permitted && active === "logs" ? <LogSettingsSection /> : null}
        {permitted && active === "webhooks" ? <WebhooksSection /> : null}
        {permitted && active === "audit-log" ? <AuditLogSection /> : null}
      </div>
    </>
  );
}
