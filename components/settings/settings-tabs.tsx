import Link from "next/link";
import type { Role } from "@/lib/auth/caller";
import { roleCan, type Action } from "@/lib/auth/permissions";

// Each tab names the permission its API needs: a tab is shown only to roles that have it,
// and the page refuses the others server-side (the API refuses them as well).
export const SETTINGS_TABS = [
  { id: "virtual-keys", label: "Virtual keys", needs: "settings" },
  { id: "api-keys", label: "API keys", needs: "settings" },
  { id: "labels", label: "Labels", needs: "write" },
  { id: "model-prices", label: "Model prices", needs: "settings" },
  { id: "logs", label: "Logs", needs: "settings" },
  { id: "webhooks", label: "Webhooks", needs: "settings" },
  { id: "audit-log", label: "Audit log", needs: "settings" },
  { id: "members", label: "Members", needs: "members" },
] as const satisfies readonly { id: string; label: string; needs: Action }[];

export type SettingsTab = (typeof SETTINGS_TABS)[number]["id"];
type TabInfo = (typeof SETTINGS_TABS)[number];

export const settingsTabsFor = (role: Role): TabInfo[] => SETTINGS_TABS.filter((tab) => roleCan(role, tab.needs));

/** Sections as links (?tab=...): each is shareable and survives a reload. */
export function SettingsTabs({ active, tabs = SETTINGS_TABS }: { active: SettingsTab; tabs?: readonly TabInfo[] }) {
  return (
    // On a narrow screen the row of tabs scrolls sideways inside itself.
    <nav aria-label="Settings sections" className="border-b border-zinc-200 px-4 sm:px-6 dark:border-zinc-800">
      <ul className="-mb-px flex gap-6 overflow-x-auto">
        {tabs.map((tab) => {
          const current = tab.id === active;
          return (
            <li key={tab.id}>
              <Link
                href={`/settings?tab=${tab.id}`}
                data-testid={`settings-tab-${tab.id}`}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-1 py-3 text-sm font-medium whitespace-nowrap focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
                  current
                    ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                    : "border-transparent text-zinc-500 hover:border-zinc-300 hover:text-zinc-800 dark:hover:border-zinc-600 dark:hover:text-zinc-200"
                }`}
              >
                {tab.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
