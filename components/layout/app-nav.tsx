"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { settingsTabsFor } from "@/components/settings/settings-tabs";
import type { Role } from "@/lib/auth/caller";
import { authClient } from "@/lib/auth/client";
import { ThemeToggle } from "./theme-toggle";

const LINKS = [
  { href: "/prompts", label: "Prompts" },
  { href: "/partials", label: "Partials" },
  { href: "/datasets", label: "Datasets" },
  { href: "/experiments", label: "Experiments" },
  { href: "/releases", label: "Releases" },
  { href: "/logs", label: "Logs" },
  { href: "/analytics", label: "Analytics" },
  { href: "/settings", label: "Settings" },
];

export function AppNav({ email, role }: { email: string; role: Role }) {
  const pathname = usePathname();
  const router = useRouter();
  return (
    <nav aria-label="Main" className="flex w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="px-4 py-4 text-lg font-semibold tracking-tight">
        <span className="text-indigo-600 dark:text-indigo-400">◆</span> Promptly
      </div>
      <ul className="flex-1 space-y-1 px-2">
        {/* Viewers have no settings (the page refuses them too); editors see labels only. */}
        {LINKS.filter((link) => link.href !== "/settings" || settingsTabsFor(role).length > 0).map((link) => {
          const active = pathname === link.href || pathname.startsWith(link.href + "/");
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                data-testid={`nav-${link.label.toLowerCase()}`}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active
                    ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                    : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
                }`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="space-y-1 border-t border-zinc-200 p-2 dark:border-zinc-800">
        <ThemeToggle />
        <p className="truncate px-3 pt-1 text-xs text-zinc-500" title={email} data-testid="signed-in-as">
          {email}
        </p>
        <button
          type="button"
          data-testid="sign-out"
          onClick={async () => {
            await authClient.signOut();
            router.replace("/sign-in");
            router.refresh();
          }}
          className="w-full rounded-md px-3 py-2 text-left text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          Sign out
        </button>
      </div>
    </nav>
  );
}
