/**
 * Browser-safe shaping of experiment answers for the UI: which prompt version a target ran,
 * each version's latest pass rate, and the results grid (rows are items, columns targets).
 * Pure, so it is unit-tested alone; imports nothing that reaches the server.
 */

/** `id`, `slug@7`, `id@production`: the prompt key and, when pinned, the version number. */
export function splitTargetRef(ref: string): { key: string; version: number | null } {
  const at = ref.indexOf("@");
  if (at < 0) return { key: ref.trim(), version: null };
  const suffix = ref.slice(at + 1).trim();
  return { key: ref.slice(0, at).trim(), version: /^\d+$/.test(suffix) ? Number(suffix) : null };
}

interface ListedExperiment {
  id: string;
  created_at: string;
  targets: { prompt: string }[];
  target_stats: { target: number; finished: number; pass_rate: number | null }[];
}

export interface VersionPassRate {
  pass_rate: number;
  experiment_id: string;
}

/**
 * Per version of one prompt, the pass rate of the newest experiment that ran it pinned
 * (`@N`) and finished at least one case. Targets naming a label or no version are left out:
 * which version they ran is not recorded.
 */
export function latestPassRates(experiments: readonly ListedExperiment[], prompt: { id: string; slug: string }): Map<number, VersionPassRate> {
  const rates = new Map<number, VersionPassRate>();
  const newestFirst = [...experiments].sort((a, b) => b.created_at.localeCompare(a.created_at));
  for (const experiment of newestFirst) {
    experiment.targets.forEach((target, index) => {
      const { key, version } = splitTargetRef(target.prompt);
      if (version === null || (key !== prompt.id && key !== prompt.slug) || rates.has(version)) return;
      const stats = experiment.target_stats.find((s) => s.target === index);
      if (stats && stats.finished > 0 && stats.pass_rate !== null) rates.set(version, { pass_rate: stats.pass_rate, experiment_id: experiment.id });
    });
  }
  return rates;
}

interface GridCase {
  item_id: string;
  target: number;
  status: string;
  passed: boolean | null;
}

export interface GridRow<C extends GridCase> {
  itemId: string;
  /** Per target, that item's cases (one per repetition). */
  cells: C[][];
}

/** Cases (in item order, as the results route gives them) as one row per item. */
export function gridRows<C extends GridCase>(cases: readonly C[], targets: number): GridRow<C>[] {
  const rows = new Map<string, GridRow<C>>();
  for (const c of cases) {
    let row = rows.get(c.item_id);
    if (!row) {
      row = { itemId: c.item_id, cells: Array.from({ length: targets }, () => []) };
      rows.set(c.item_id, row);
    }
    row.cells[c.target]?.push(c);
  }
  return [...rows.values()];
}

export type CellVerdict = "passed" | "failed" | "errored" | "pending";

/** A cell's colour: errored if any case errored, failed if any failed, passed when all passed. */
export function cellVerdict(cases: readonly GridCase[]): CellVerdict {
  if (cases.length === 0 || cases.some((c) => c.status === "pending" || c.status === "running")) return "pending";
  if (cases.some((c) => c.status === "errored")) return "errored";
  return cases.every((c) => c.passed === true) ? "passed" : "failed";
}

export type GridFilter = "all" | "regressions" | "failures";

/** Rows the filter keeps: `regressions` needs the ids of regressed items from a comparison. */
export function filterRows<C extends GridCase>(rows: readonly GridRow<C>[], filter: GridFilter, regressed: ReadonlySet<string>): GridRow<C>[] {
  if (filter === "regressions") return rows.filter((row) => regressed.has(row.itemId));
  if (filter === "failures") return rows.filter((row) => row.cells.some((cell) => ["failed", "errored"].includes(cellVerdict(cell))));
  return [...rows];
}

/** A variable's value as the playground's text fields hold it. */
export function playgroundValue(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}
