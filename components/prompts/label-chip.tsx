const SYSTEM_COLORS: Record<string, string> = {
  production: "border-emerald-200 bg-emerald-50 text-emerald-700 dark:border-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-300",
  staging: "border-amber-200 bg-amber-50 text-amber-700 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-300",
  development: "border-sky-200 bg-sky-50 text-sky-700 dark:border-sky-900 dark:bg-sky-950/60 dark:text-sky-300",
};
const CUSTOM = "border-violet-200 bg-violet-50 text-violet-700 dark:border-violet-900 dark:bg-violet-950/60 dark:text-violet-300";

/** A label name as a small chip, optionally with the version it points at, or its share of traffic in a canary. */
export function LabelChip({ name, version, share, testId }: { name: string; version?: number | null; share?: number; testId?: string }) {
  return (
    <span
      data-testid={testId}
      className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-[11px] font-medium leading-4 ${SYSTEM_COLORS[name] ?? CUSTOM}`}
    >
      {name}
      {version ? <span className="font-normal">v{version}</span> : null}
      {share !== undefined ? <span className="tabular-nums font-normal">{share}%</span> : null}
    </span>
  );
}

/** The "published" mark. */
export function PublishedChip({ testId }: { testId?: string }) {
  return (
    <span
      data-testid={testId}
      className="inline-flex items-center gap-1 rounded-full bg-indigo-600 px-2 py-0.5 text-[11px] font-medium leading-4 text-white dark:bg-indigo-500"
    >
      <span aria-hidden>●</span> Published
    </span>
  );
}
