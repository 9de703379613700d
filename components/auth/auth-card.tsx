import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/layout/theme-toggle";

export function AuthCard({ title, subtitle, children }: { title: string; subtitle: string; children: ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center bg-zinc-50 px-4 dark:bg-zinc-950">
      <div className="w-full max-w-sm space-y-6 rounded-xl border border-zinc-200 bg-white p-8 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        <div>
          <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">◆ Promptly</p>
          <h1 className="mt-2 text-xl font-semibold tracking-tight" data-testid="page-title">
            {title}
          </h1>
          <p className="mt-1 text-sm text-zinc-500">{subtitle}</p>
        </div>
        {children}
        <div className="-mx-3 border-t border-zinc-100 pt-2 dark:border-zinc-800">
          <ThemeToggle />
        </div>
      </div>
    </div>
  );
}
