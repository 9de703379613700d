import Link from "next/link";

export const SETTINGS_TABS = [
  { id: "virtual-keys", label: "Virtual keys" },
  { id: "api-keys", label: "API keys" },
  { id: "labels", label: "Labels" },
] as const;

export type SettingsTab = (typeof SETTINGS_TABS)[number]["id"];

/** Sections as links (?tab=...): each is shareable and survives a reload. */
export function SettingsTabs({ active }: { active: SettingsTab }) {
  return (
    <nav aria-label="Settings sections" className="border-b border-zinc-200 px-6 dark:border-zinc-800">
      <ul className="-mb-px flex gap-6">
        {SETTINGS_TABS.map((tab) => {
          const current = tab.id === active;
          return (
            <li key={tab.id}>
              <Link
                href={`/settings?tab=${tab.id}`}
                data-testid={`settings-tab-${tab.id}`}
                aria-current={current ? "page" : undefined}
                className={`inline-block border-b-2 px-1 py-3 text-sm font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 ${
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
