import { db } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import { addStored, type Histogram } from "./histogram";
import { hourOf, type RollupDelta } from "./rollup";
import type { Interval } from "./schemas";

/**
 * What an answer needs from the rollups: time buckets (or one for the whole range) and the
 * dimensions it groups by. The database sums the rollups into exactly that, so the totals of a
 * 30-day daily graph are about 30 rows (times status codes) whatever the number of hourly rows
 * behind them; the histograms come as the hourly rows' compact texts, merged here.
 */
export interface RollupShape {
  bucket: Interval | null;
  /** Latency and TTFT histograms are read only for answers with percentiles. */
  histograms: boolean;
  by: ReadonlyArray<(typeof GROUPABLE)[number]>;
}
export const GROUPABLE = ["promptId", "promptVersion", "label", "model", "provider", "apiKeyId", "virtualKeyId"] as const;

const SUMS = [
  "requests",
  "latencyCount",
  "latencySumMs",
  "ttftCount",
  "ttftSumMs",
  "promptTokens",
  "completionTokens",
  "totalTokens",
  "costUsd",
  "feedbackCount",
  "feedbackRequests",
  "feedbackValueSum",
  "feedbackWeighted",
] as const;

const DIALECTS = {
  sqlite: {
    placeholder: () => "?",
    date: (date: Date) => date.toISOString().replace("Z", "+00:00"),
    // "hour" is Prisma's DateTime text, `2026-01-02T03:00:00.000+00:00`.
    bucket: (interval: Interval) => (interval === "hour" ? `"hour"` : `substr("hour", 1, 10)`),
  },
  postgres: {
    placeholder: (index: number) => `$${index}`,
    date: (date: Date) => date,
    bucket: (interval: Interval) => `date_trunc('${interval}', "hour")`,
  },
} as const;

/**
 * The dimension filters, in a form both reads render (this SQL, and Prisma's where for the
 * logs): every clause must hold; a clause holds when one of its alternatives does; an
 * alternative holds when each of its columns is one of its values. Columns are named alike in
 * both tables (a rollup stores '' / 0 where a log has null).
 */
export type Alternative = Record<string, ReadonlyArray<string | number>>;
export type DimensionFilter = Alternative[][];

export async function readRollups(from: Date, to: Date, filter: DimensionFilter, shape: RollupShape): Promise<RollupDelta[]> {
  const dialect = DIALECTS[databaseDialect(process.env.DATABASE_URL)];
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value instanceof Date ? dialect.date(value) : value);
    return dialect.placeholder(params.length);
  };
  const conditions = [`"hour" >= ${bind(hourOf(from))}`, `"hour" <= ${bind(to)}`];
  for (const alternatives of filter) {
    const any = alternatives.map((alternative) => {
      const all = Object.entries(alternative).map(([column, values]) => (values.length ? `"${column}" IN (${values.map(bind).join(", ")})` : "1 = 0"));
      return `(${all.join(" AND ") || "1 = 1"})`;
    });
    conditions.push(`(${any.join(" OR ") || "1 = 0"})`);
  }
  const where = conditions.join(" AND ");
  // Without time buckets the range is one: no bucket key at all (PostgreSQL refuses to group by a constant).
  const keys = [...(shape.bucket ? [dialect.bucket(shape.bucket)] : []), ...shape.by.map((column) => `"${column}"`), `"status"`, `"httpStatus"`];
  const first = shape.bucket ? 1 : 0;
  const keyList = keys.map((key, index) => `${key} AS g${index}`).join(", ");
  const groupBy = keys.map((_, index) => `g${index}`).join(", ");
  const gs = keys.map((_, index) => `g${index}`);

  const sums = db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${keyList}, ${SUMS.map((name) => `SUM("${name}") AS "${name}"`).join(", ")}, MIN("firstSeen") AS "firstSeen", MAX("lastSeen") AS "lastSeen", MAX("promptSlug") AS "promptSlug" FROM "analytics_rollup" WHERE ${where} GROUP BY ${groupBy}`,
    ...params,
  );
  // Histograms are merged here, not in SQL: expanding every stored histogram with json_each
  // costs more than reading the compact texts and adding them up.
  const histograms = shape.histograms
    ? db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${keyList}, "latencyHist", "ttftHist", "feedbackHist" FROM "analytics_rollup" WHERE ${where}`, ...params)
    : Promise.resolve([]);
  const [sumRows, histogramRows] = await Promise.all([sums, histograms]);
  const keyOf = (row: Record<string, unknown>) => JSON.stringify(gs.map((g) => String(row[g] instanceof Date ? (row[g] as Date).toISOString() : row[g])));
  const latency = new Map<string, Histogram>();
  const ttft = new Map<string, Histogram>();
  const feedback = new Map<string, Histogram>();
  for (const row of histogramRows) {
    const key = keyOf(row);
    for (const [target, text] of [
      [latency, row.latencyHist],
      [ttft, row.ttftHist],
      [feedback, row.feedbackHist],
    ] as const) {
      if (text === "{}") continue;
      let histogram = target.get(key);
      if (!histogram) target.set(key, (histogram = {}));
      addStored(histogram, String(text));
    }
  }
  return sumRows.map((row) => {
    const key = keyOf(row);
    const dims = Object.fromEntries(shape.by.map((column, index) => [column, column === "promptVersion" ? Number(row[`g${index + first}`]) : String(row[`g${index + first}`])]));
    return {
      hour: shape.bucket ? new Date(row.g0 as string | Date) : from,
      promptId: "",
      promptVersion: 0,
      label: "",
      model: "",
      provider: "",
      apiKeyId: "",
      virtualKeyId: "",
      ...dims,
      status: String(row[`g${keys.length - 2}`]),
      httpStatus: Number(row[`g${keys.length - 1}`]),
      promptSlug: String(row.promptSlug ?? ""),
      requests: Number(row.requests),
      latencyCount: Number(row.latencyCount),
      latencySumMs: Number(row.latencySumMs),
      latencyHist: latency.get(key) ?? {},
      ttftCount: Number(row.ttftCount),
      ttftSumMs: Number(row.ttftSumMs),
      ttftHist: ttft.get(key) ?? {},
      promptTokens: Number(row.promptTokens),
      completionTokens: Number(row.completionTokens),
      totalTokens: Number(row.totalTokens),
      costUsd: Number(row.costUsd),
      feedbackCount: Number(row.feedbackCount),
      feedbackRequests: Number(row.feedbackRequests),
      feedbackValueSum: Number(row.feedbackValueSum),
      feedbackWeighted: Number(row.feedbackWeighted),
      feedbackHist: feedback.get(key) ?? {},
      firstSeen: new Date(row.firstSeen as string | Date),
      lastSeen: new Date(row.lastSeen as string | Date),
    };
  });
}
