import { randomUUID } from "node:crypto";
import { db, type PrismaClient } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import { rawSqlite, type RawSqlite } from "@/lib/core/db/raw-sqlite";
import { runtimeSlot } from "@/lib/core/runtime";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addSample, type Histogram } from "./histogram";

/** The log columns a rollup reads: a written row, or one read back by the backfill. */
export type RollupSource = Pick<
  Prisma.CompletionLogCreateManyInput,
  | "createdAt"
  | "promptId"
  | "promptSlug"
  | "promptVersion"
  | "label"
  | "model"
  | "provider"
  | "apiKeyId"
  | "virtualKeyId"
  | "status"
  | "httpStatus"
  | "latencyMs"
  | "ttftMs"
  | "promptTokens"
  | "completionTokens"
  | "totalTokens"
  | "costUsd"
>;

/** The same columns, to select them from completion_log (the backfill, per-request reads). */
export const ROLLUP_SOURCE_SELECT = {
  createdAt: true,
  promptId: true,
  promptSlug: true,
  promptVersion: true,
  label: true,
  model: true,
  provider: true,
  apiKeyId: true,
  virtualKeyId: true,
  status: true,
  httpStatus: true,
  latencyMs: true,
  ttftMs: true,
  promptTokens: true,
  completionTokens: true,
  totalTokens: true,
  costUsd: true,
} as const satisfies Record<keyof RollupSource, true>;

/** One (hour, dimensions) group's totals: what one upsert adds to analytics_rollup. */
export interface RollupDelta {
  hour: Date;
  promptId: string;
  promptVersion: number;
  label: string;
  model: string;
  provider: string;
  apiKeyId: string;
  virtualKeyId: string;
  status: string;
  httpStatus: number;
  promptSlug: string;
  requests: number;
  latencyCount: number;
  latencySumMs: number;
  latencyHist: Histogram;
  ttftCount: number;
  ttftSumMs: number;
  ttftHist: Histogram;
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
  costUsd: number;
  /** Feedback on these calls (lib/analytics/feedback-rollup.ts); zero in the log writer's deltas. */
  feedbackCount: number;
  feedbackRequests: number;
  feedbackValueSum: number;
  feedbackWeighted: number;
  feedbackHist: Histogram;
  firstSeen: Date;
  lastSeen: Date;
}

/** A call's feedback, summed: added to its record by reads that bypass the rollups. */
export interface FeedbackSums {
  count: number;
  valueSum: number;
  weighted: number;
  hist: Histogram;
}

const HOUR_MS = 3_600_000;

export function hourOf(date: Date): Date {
  return new Date(Math.floor(date.getTime() / HOUR_MS) * HOUR_MS);
}

function asDate(value: RollupSource["createdAt"]): Date {
  const date = value instanceof Date ? value : new Date(value ?? Date.now());
  return Number.isNaN(date.getTime()) ? new Date() : date;
}

/** Groups rows by hour and dimensions; absent dimensions become '' or 0 (see the schema). */
export function collectRollups(rows: readonly RollupSource[]): RollupDelta[] {
  const groups = new Map<string, RollupDelta>();
  collectInto(groups, rows);
  return [...groups.values()];
}

/** Adds rows to groups kept by the caller: a read that pages through logs holds one page at a time. */
export function collectInto(groups: Map<string, RollupDelta>, rows: ReadonlyArray<RollupSource & { feedback?: FeedbackSums }>): void {
  for (const row of rows) {
    const at = asDate(row.createdAt);
    const hour = hourOf(at);
    const dims = {
      promptId: row.promptId ?? "",
      promptVersion: row.promptVersion ?? 0,
      label: row.label ?? "",
      model: row.model ?? "",
      provider: row.provider ?? "",
      apiKeyId: row.apiKeyId ?? "",
      virtualKeyId: row.virtualKeyId ?? "",
      status: row.status,
      httpStatus: row.httpStatus ?? 0,
    };
    const key = JSON.stringify([hour.getTime(), ...Object.values(dims)]);
    let group = groups.get(key);
    if (!group) {
      group = {
        hour,
        ...dims,
        promptSlug: row.promptSlug ?? "",
        requests: 0,
        latencyCount: 0,
        latencySumMs: 0,
        latencyHist: {},
        ttftCount: 0,
        ttftSumMs: 0,
        ttftHist: {},
        promptTokens: 0,
        completionTokens: 0,
        totalTokens: 0,
        costUsd: 0,
        feedbackCount: 0,
        feedbackRequests: 0,
        feedbackValueSum: 0,
        feedbackWeighted: 0,
        feedbackHist: {},
        firstSeen: at,
        lastSeen: at,
      };
      groups.set(key, group);
    }
    addRow(group, row, at);
  }
}

/** Adds one log row's measures to a group (also used by reads that bypass the rollups). */
export function addRow(group: RollupDelta, row: RollupSource & { feedback?: FeedbackSums }, at: Date): void {
  group.requests += 1;
  if (row.promptSlug) group.promptSlug = row.promptSlug;
  if (typeof row.latencyMs === "number") {
    group.latencyCount += 1;
    group.latencySumMs += row.latencyMs;
    addSample(group.latencyHist, row.latencyMs);
  }
  if (typeof row.ttftMs === "number") {
    group.ttftCount += 1;
    group.ttftSumMs += row.ttftMs;
    addSample(group.ttftHist, row.ttftMs);
  }
  group.promptTokens += row.promptTokens ?? 0;
  group.completionTokens += row.completionTokens ?? 0;
  group.totalTokens += row.totalTokens ?? (row.promptTokens ?? 0) + (row.completionTokens ?? 0);
  group.costUsd += row.costUsd ?? 0;
  if (row.feedback && row.feedback.count > 0) {
    group.feedbackCount += row.feedback.count;
    group.feedbackRequests += 1;
    group.feedbackValueSum += row.feedback.valueSum;
    group.feedbackWeighted += row.feedback.weighted;
    for (const [score, count] of Object.entries(row.feedback.hist)) group.feedbackHist[score] = (group.feedbackHist[score] ?? 0) + count;
  }
  if (at < group.firstSeen) group.firstSeen = at;
  if (at > group.lastSeen) group.lastSeen = at;
}

export const DIMENSIONS = ["hour", "promptId", "promptVersion", "label", "model", "provider", "apiKeyId", "virtualKeyId", "status", "httpStatus"] as const;
const SUMS = ["requests", "latencyCount", "latencySumMs", "ttftCount", "ttftSumMs", "promptTokens", "completionTokens", "totalTokens", "costUsd"] as const;
const COLUMNS = ["id", ...DIMENSIONS, "promptSlug", ...SUMS, "latencyHist", "ttftHist", "firstSeen", "lastSeen"] as const;

/**
 * Per dialect: placeholders, dates as bound (SQLite stores Prisma's DateTime text), and the
 * sparse histogram merge done inside the upsert, so concurrent writers (several PostgreSQL
 * instances) add to each other's counts instead of overwriting them.
 */
export const DIALECTS = {
  sqlite: {
    placeholder: () => "?",
    date: (date: Date) => date.toISOString().replace("Z", "+00:00"),
    // Sums two sparse {key: count} texts; keys whose count falls to 0 (a feedback's old value) go.
    merge: (stored: string, added: string) =>
      `(SELECT COALESCE(json_group_object(key, total), '{}') FROM (SELECT key, SUM(value) AS total FROM (SELECT key, value FROM json_each(${stored}) UNION ALL SELECT key, value FROM json_each(${added})) GROUP BY key HAVING SUM(value) <> 0))`,
    least: "MIN",
    greatest: "MAX",
  },
  postgres: {
    placeholder: (index: number) => `$${index}`,
    date: (date: Date) => date,
    merge: (stored: string, added: string) =>
      `(SELECT COALESCE(json_object_agg(key, total), '{}'::json)::text FROM (SELECT key, SUM(value::bigint) AS total FROM (SELECT * FROM json_each_text(${stored}::json) UNION ALL SELECT * FROM json_each_text(${added}::json)) s GROUP BY key HAVING SUM(value::bigint) <> 0) g)`,
    least: "LEAST",
    greatest: "GREATEST",
  },
} as const;

function upsertSql(dialect: (typeof DIALECTS)[keyof typeof DIALECTS]): string {
  const quoted = (name: string) => `"${name}"`;
  const values = COLUMNS.map((_, index) => dialect.placeholder(index + 1)).join(", ");
  const target = `"analytics_rollup"`;
  const updates = [
    `"promptSlug" = CASE WHEN excluded."promptSlug" = '' THEN ${target}."promptSlug" ELSE excluded."promptSlug" END`,
    ...SUMS.map((name) => `"${name}" = ${target}."${name}" + excluded."${name}"`),
    ...(["latencyHist", "ttftHist"] as const).map((column) => `"${column}" = ${dialect.merge(`${target}."${column}"`, `excluded."${column}"`)}`),
    `"firstSeen" = ${dialect.least}(${target}."firstSeen", excluded."firstSeen")`,
    `"lastSeen" = ${dialect.greatest}(${target}."lastSeen", excluded."lastSeen")`,
  ];
  return `INSERT INTO ${target} (${COLUMNS.map(quoted).join(", ")}) VALUES (${values}) ON CONFLICT (${DIMENSIONS.map(quoted).join(", ")}) DO UPDATE SET ${updates.join(", ")}`;
}

const SQL = { sqlite: upsertSql(DIALECTS.sqlite), postgres: upsertSql(DIALECTS.postgres) };

type Executor = Pick<PrismaClient, "$executeRawUnsafe">;

/** The bound values of an upsert over `columns`: a fresh id, dates and JSON as the dialect stores them. */
export function upsertArgs<T extends object>(columns: readonly string[], delta: T, dialect: (typeof DIALECTS)[keyof typeof DIALECTS]): unknown[] {
  return columns.map((column) => {
    if (column === "id") return randomUUID();
    const value = (delta as Record<string, unknown>)[column];
    if (value instanceof Date) return dialect.date(value);
    if (typeof value === "object") return JSON.stringify(value);
    return value;
  });
}

// On SQLite the log writer's upserts run on the raw connection, one prepared statement in one
// synchronous transaction: through Prisma each of a batch's (up to ~100) upserts cost a round
// of the client's machinery, and log writes with rollups ran at half the speed of those without.
const rawUpserts = runtimeSlot("analytics-rollup-upserts", () => new WeakMap<RawSqlite, (rows: readonly unknown[][]) => void>());

function rawUpsert(connection: RawSqlite): (rows: readonly unknown[][]) => void {
  let write = rawUpserts.get(connection);
  if (!write) {
    const statement = connection.prepare(SQL.sqlite);
    write = connection.transaction((rows: readonly unknown[][]) => {
      for (const args of rows) statement.run(args);
    });
    rawUpserts.set(connection, write);
  }
  return write;
}

/** The upserts of these groups, one statement each, in one transaction. */
export async function upsertRollups(deltas: readonly RollupDelta[], client: PrismaClient | Executor = db): Promise<void> {
  if (deltas.length === 0) return;
  const name = databaseDialect(process.env.DATABASE_URL);
  const dialect = DIALECTS[name];
  const connection = client === db ? rawSqlite() : null;
  if (connection) return rawUpsert(connection)(deltas.map((delta) => upsertArgs(COLUMNS, delta, dialect)));
  const statements = deltas.map((delta) => ({ sql: SQL[name], args: upsertArgs(COLUMNS, delta, dialect) }));
  if ("$transaction" in client) {
    await client.$transaction(statements.map(({ sql, args }) => client.$executeRawUnsafe(sql, ...args)));
  } else {
    for (const { sql, args } of statements) await client.$executeRawUnsafe(sql, ...args);
  }
}

/**
 * The log writer's batches are summed in memory and upserted at most once a second: a busy
 * second's batches mostly fall into the same few groups, so this is one upsert per group per
 * second rather than one per group per batch (which cost log writes half their speed). Reads
 * flush first (records.ts), and so do the writer's own flush (tests, external logs) and
 * shutdown; a crash loses at most the last second's counts (the logs themselves are stored).
 */
const ROLLUP_FLUSH_MS = 1_000;
const MAX_HELD_GROUPS = 5_000;

const held = runtimeSlot("analytics-rollup-held", () => ({
  groups: new Map<string, RollupDelta>(),
  timer: null as ReturnType<typeof setTimeout> | null,
  chain: Promise.resolve(),
}));

/** Called by the log writer once a batch is stored: its rows join the groups waiting to be upserted. */
export function rollUpWrittenLogs(rows: readonly RollupSource[]): Promise<void> {
  collectInto(held.groups, rows);
  if (held.groups.size >= MAX_HELD_GROUPS) return flushRollups();
  if (!held.timer) {
    held.timer = setTimeout(() => void flushRollups(), ROLLUP_FLUSH_MS);
    held.timer.unref?.();
  }
  return Promise.resolve();
}

/**
 * Upserts every group waiting; resolves once those held before the call are stored. A failure
 * is logged, never thrown: the logs are written, and analytics only under-count those rows.
 */
export function flushRollups(): Promise<void> {
  if (held.timer) clearTimeout(held.timer);
  held.timer = null;
  held.chain = held.chain.then(async () => {
    if (held.groups.size === 0) return;
    const deltas = [...held.groups.values()];
    held.groups = new Map();
    try {
      await upsertRollups(deltas);
    } catch (error) {
      console.error("[promptly] could not update the analytics rollups:", (error as Error).message);
    }
  });
  return held.chain;
}
