import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseMetadataColumn } from "@/lib/logs/metadata";
import { flushLogsEverywhere } from "@/lib/logs/writer";
import { rollUpFeedback } from "./feedback-rollup";
import { collectInto, ROLLUP_SOURCE_SELECT, type FeedbackSums, type RollupDelta } from "./rollup";
import { readRollups, type Alternative, type DimensionFilter, type RollupShape } from "./rollup-read";
import type { AnalyticsQuery } from "./schemas";

/**
 * The rows an analytics answer is computed from: hourly rollups (analytics_rollup) whenever
 * the filters are about dimensions a rollup keeps (prompt, version, label, model, provider,
 * API key, virtual key, status, status code), so a 30-day range reads hundreds of rows however
 * many logs there were, and survives log retention. Filters on a single request's values
 * (cost, token ranges, trace ids, metadata) can't be answered by rollups: those read
 * completion_log itself over the time range (index on createdAt) and roll the matching rows
 * up in memory, so both paths feed the same maths. Rollups are whole hours: a range starting
 * at 10:30 counts 10:00-10:30 too. Feedback still waiting for its log row is counted first.
 */
export async function loadRecords(query: AnalyticsQuery, shape: RollupShape): Promise<RollupDelta[]> {
  // The log writer's latest rows first (every worker's, and their rollups), then the feedback that rates them.
  await flushLogsEverywhere();
  await rollUpFeedback();
  const filter = await dimensionFilter(query);
  if (needsLogs(query)) return fromLogs(query, filter);
  return readRollups(query.from, query.to, filter, shape);
}

function needsLogs(query: AnalyticsQuery): boolean {
  const ranges = [
    query.cost_min,
    query.cost_max,
    query.total_units_min,
    query.total_units_max,
    query.prompt_token_min,
    query.prompt_token_max,
    query.completion_token_min,
    query.completion_token_max,
  ];
  // A call's weighted feedback is per request too: the logs path joins the feedback table.
  return [...ranges, query.weighted_feedback_min, query.weighted_feedback_max].some((value) => value !== undefined) || Boolean(query.trace_id?.length) || Boolean(query.metadata && Object.keys(query.metadata).length);
}

async function dimensionFilter(query: AnalyticsQuery): Promise<DimensionFilter> {
  const clauses: DimensionFilter = [];
  const prompts = [...(query.prompt_id ?? []), ...(query.prompt_slug ?? [])];
  if (prompts.length) {
    // Ids or slugs; a deleted prompt's logs still match by the slug they were logged with.
    const found = await db.prompt.findMany({ where: { OR: [{ id: { in: prompts } }, { slug: { in: prompts } }] }, select: { id: true } });
    clauses.push([{ promptId: [...found.map((prompt) => prompt.id), ...prompts] }, { promptSlug: prompts }]);
  }
  if (query.prompt_version?.length) clauses.push([{ promptVersion: query.prompt_version }]);
  if (query.label?.length) {
    // The label the caller addressed, as logged (by name; an id is taken for its name).
    const found = await db.label.findMany({ where: { id: { in: query.label } }, select: { name: true } });
    clauses.push([{ label: [...query.label, ...found.map((label) => label.name)] }]);
  }
  if (query.virtual_keys?.length) {
    const keys = query.virtual_keys;
    const found = await db.virtualKey.findMany({ where: { OR: [{ slug: { in: keys } }, { id: { in: keys } }] }, select: { id: true } });
    clauses.push([{ virtualKeyId: found.map((key) => key.id) }]);
  }
  if (query.api_key_ids?.length) clauses.push([{ apiKeyId: query.api_key_ids }]);
  if (query.provider?.length) clauses.push([{ provider: query.provider }]);
  if (query.model?.length) clauses.push([{ model: query.model }]);
  if (query.ai_org_model?.length) {
    clauses.push(
      query.ai_org_model.map((pair): Alternative => {
        const at = pair.indexOf("__");
        return at < 0 ? { model: [pair] } : { provider: [pair.slice(0, at)], model: [pair.slice(at + 2)] };
      }),
    );
  }
  if (query.status?.length) clauses.push([{ status: query.status }]);
  if (query.status_code?.length) clauses.push([{ httpStatus: query.status_code }]);
  return clauses;
}

function prismaWhere(filter: DimensionFilter): Prisma.CompletionLogWhereInput {
  return {
    AND: filter.map((alternatives) => ({
      OR: alternatives.map((alternative) => Object.fromEntries(Object.entries(alternative).map(([column, values]) => [column, { in: [...values] }]))),
    })),
  };
}

const LOG_SELECT = { ...ROLLUP_SOURCE_SELECT, metadata: true, id: true, traceId: true } as const satisfies Prisma.CompletionLogSelect;
type LogRecord = Prisma.CompletionLogGetPayload<{ select: typeof LOG_SELECT }>;

// Rows read per query: a per-request filter over months of logs must not hold them all.
const PAGE = 5_000;

const range = (min: number | undefined, max: number | undefined, scale = 1) =>
  min === undefined && max === undefined ? undefined : { ...(min !== undefined ? { gte: min / scale } : {}), ...(max !== undefined ? { lte: max / scale } : {}) };

/** Read from completion_log (see loadRecords); costs in the query are cents, stored in USD. */
async function fromLogs(query: AnalyticsQuery, dims: DimensionFilter): Promise<RollupDelta[]> {
  const groups = new Map<string, RollupDelta>();
  await eachMatchingPage(query, dims, (rows) => collectInto(groups, rows));
  return [...groups.values()];
}

/** Feedback per trace: value sums and counts, for log rows read outside the rollups. */
async function feedbackByTrace(traceIds: readonly string[]): Promise<Map<string, FeedbackSums>> {
  const sums = new Map<string, FeedbackSums>();
  const unique = [...new Set(traceIds)];
  for (let start = 0; start < unique.length; start += 1000) {
    const rows = await db.feedback.findMany({ where: { traceId: { in: unique.slice(start, start + 1000) } }, select: { traceId: true, value: true, weight: true } });
    for (const row of rows) {
      let entry = sums.get(row.traceId);
      if (!entry) sums.set(row.traceId, (entry = { count: 0, valueSum: 0, weighted: 0, hist: {} }));
      entry.count += 1;
      entry.valueSum += row.value;
      entry.weighted += row.value * row.weight;
      entry.hist[String(row.value)] = (entry.hist[String(row.value)] ?? 0) + 1;
    }
  }
  return sums;
}

/**
 * Records per value of a metadata key: always read from completion_log (rollups keep no
 * metadata), over the time range and the other filters.
 */
export async function loadRecordsByMetadata(query: AnalyticsQuery, key: string): Promise<Map<string, RollupDelta[]>> {
  const byValue = new Map<string, Map<string, RollupDelta>>();
  await eachMatchingPage(query, await dimensionFilter(query), (rows) => {
    for (const row of rows) {
      const value = metadataOf(row)[key];
      if (value === undefined) continue;
      let groups = byValue.get(value);
      if (!groups) byValue.set(value, (groups = new Map()));
      collectInto(groups, [row]);
    }
  });
  return new Map([...byValue].map(([value, groups]) => [value, [...groups.values()]]));
}

/**
 * Visits the matching log rows a page at a time, in (createdAt, id) order so each page is a
 * range scan of the createdAt index from where the last one ended.
 */
type FeedbackRecord = LogRecord & { feedback?: FeedbackSums };

async function eachMatchingPage(query: AnalyticsQuery, dims: DimensionFilter, visit: (rows: FeedbackRecord[]) => void): Promise<void> {
  const filters: Prisma.CompletionLogWhereInput[] = [
    { createdAt: { gte: query.from, lte: query.to } },
    prismaWhere(dims),
    ...(range(query.cost_min, query.cost_max, 100) ? [{ costUsd: range(query.cost_min, query.cost_max, 100) }] : []),
    ...(range(query.total_units_min, query.total_units_max) ? [{ totalTokens: range(query.total_units_min, query.total_units_max) }] : []),
    ...(range(query.prompt_token_min, query.prompt_token_max) ? [{ promptTokens: range(query.prompt_token_min, query.prompt_token_max) }] : []),
    ...(range(query.completion_token_min, query.completion_token_max) ? [{ completionTokens: range(query.completion_token_min, query.completion_token_max) }] : []),
    ...(query.trace_id?.length ? [{ traceId: { in: query.trace_id as string[] } }] : []),
  ];
  const wanted = query.metadata ? Object.entries(query.metadata) : [];
  const [min, max] = [query.weighted_feedback_min, query.weighted_feedback_max];
  // As in the rollups, a trace's feedback goes with its earliest row (pages come in that order).
  const seen = new Set<string>();
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const page: LogRecord[] = await db.completionLog.findMany({
      where: { AND: [...filters, ...(after ? [{ OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }] : [])] },
      select: LOG_SELECT,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: PAGE,
    });
    const feedback = await feedbackByTrace(page.map((row) => row.traceId));
    const rows: FeedbackRecord[] = page.map((row) => {
      const sums = seen.has(row.traceId) ? undefined : feedback.get(row.traceId);
      seen.add(row.traceId);
      return { ...row, feedback: sums };
    });
    visit(
      rows.filter((row) => {
        if (wanted.length && !wanted.every(([key, value]) => metadataOf(row)[key] === value)) return false;
        if (min === undefined && max === undefined) return true;
        // Portkey's weighted feedback of a call: the mean of value × weight over its feedback.
        const weighted = row.feedback ? row.feedback.weighted / row.feedback.count : null;
        return weighted !== null && (min === undefined || weighted >= min) && (max === undefined || weighted <= max);
      }),
    );
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** A log row's metadata (the caller's x-portkey-metadata) as strings. */
export function metadataOf(row: { metadata?: string | null }): Record<string, string> {
  const value = parseMetadataColumn(row.metadata ?? null);
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, String(item)]));
}
