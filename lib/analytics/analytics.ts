import { notFound } from "@/lib/core/http/errors";
import {
  avgCostCents,
  avgLatency,
  avgTokens,
  avgWeightedFeedback,
  costCents,
  errorRate,
  feedbackMean,
  latencyP,
  round,
  timeBuckets,
  totalsOf,
  ttftP,
  type Totals,
} from "./aggregate";
import { loadRecords, loadRecordsByMetadata } from "./records";
import { GROUPABLE, type RollupShape } from "./rollup-read";
import type { RollupDelta } from "./rollup";
import { GROUPS_DEFAULT_PAGE_SIZE, type AnalyticsGraph, type AnalyticsGroupList, type AnalyticsQuery } from "./schemas";

type Row = Record<string, unknown>;
const WHOLE_RANGE: RollupShape = { bucket: null, by: [], histograms: true };
const PERCENTILE_GRAPHS = new Set(["latency", "ttft"]);
type Graph = { summary: (totals: Totals, records: RollupDelta[]) => Row; point: (totals: Totals) => Row };

/** Feedback counts and Portkey's weighted feedback (value × weight, averaged over feedbacks). */
const feedbacks: Graph = { summary: (t) => ({ total: t.feedbackCount }), point: (t) => ({ total: t.feedbackCount }) };
const weightedFeedback: Graph = { summary: (t) => ({ avg: avgWeightedFeedback(t) }), point: (t) => ({ avg: avgWeightedFeedback(t) }) };

const latency = (totals: Totals) => ({
  avg: avgLatency(totals),
  p50: latencyP(totals, 0.5),
  p90: latencyP(totals, 0.9),
  p95: latencyP(totals, 0.95),
  p99: latencyP(totals, 0.99),
});
const ttft = (totals: Totals) => ({ avg: Math.round(totals.ttftCount ? totals.ttftSumMs / totals.ttftCount : 0), p50: ttftP(totals, 0.5), p95: ttftP(totals, 0.95) });
const errors = (totals: Totals) => ({ total: totals.errors, by_class: totals.errorsByClass });
const statusStats = (totals: Totals) =>
  [...totals.statusCodes].sort((a, b) => a[0] - b[0]).map(([code, count]) => ({ response_status_code: code, count }));

/** Portkey's graph names (the SDK's hyphenated paths and the OpenAPI's nested ones) and ours. */
const GRAPHS: Record<string, Graph> = {
  requests: { summary: (t) => ({ total: t.requests }), point: (t) => ({ total: t.requests }) },
  cost: { summary: (t) => ({ total: costCents(t), avg: avgCostCents(t) }), point: (t) => ({ total: costCents(t), avg: avgCostCents(t) }) },
  latency: { summary: latency, point: latency },
  ttft: { summary: ttft, point: ttft },
  tokens: {
    summary: (t) => ({ total: t.totalTokens, avg: avgTokens(t), input: t.promptTokens, output: t.completionTokens }),
    point: (t) => ({ total: t.totalTokens, avg: avgTokens(t), input: t.promptTokens, output: t.completionTokens }),
  },
  errors: { summary: errors, point: errors },
  "errors-rate": { summary: (t) => ({ rate: errorRate(t) }), point: (t) => ({ rate: errorRate(t) }) },
  // Cache and rescue counts come from gateway features Promptly does not have: zeros in Portkey's shapes.
  "errors-stack": { summary: (t) => ({ total: t.errors }), point: (t) => ({ stats: statusStats(t) }) },
  "requests-rescued": { summary: () => ({ retry: 0, fallback: 0 }), point: () => ({ retry: 0, fallback: 0 }) },
  "cache-hit-rate": {
    summary: () => ({ total: 0, rate: 0 }),
    point: () => ({ simple_hits: 0, semantic_hits: 0, rate: 0, cumulative_simple_cache_savings: 0, cumulative_semantic_cache_savings: 0 }),
  },
  "cache-latency": { summary: () => ({ avg: 0 }), point: () => ({ avg: 0 }) },
  feedbacks,
  "feedbacks-weighted": weightedFeedback,
};
const GRAPH_ALIASES: Record<string, string> = {
  "errors/rate": "errors-rate",
  "errors/stacks": "errors-stack",
  "requests/rescued": "requests-rescued",
  "cache/hit-rate": "cache-hit-rate",
  "cache/latency": "cache-latency",
  "feedbacks/weighted": "feedbacks-weighted",
};
const LIST_GRAPHS = new Set(["errors-status-code", "errors/status-codes", "feedbacks/score", "feedbacks/scores", "feedbacks/ai-models", "users", "users-requests", "users/requests"]);

export const GRAPH_NAMES = [...Object.keys(GRAPHS), ...Object.keys(GRAPH_ALIASES), ...LIST_GRAPHS];

export async function analyticsGraph(name: string, query: AnalyticsQuery): Promise<AnalyticsGraph> {
  if (LIST_GRAPHS.has(name)) return listGraph(name, query);
  const graph = GRAPHS[GRAPH_ALIASES[name] ?? name];
  if (!graph) throw notFound(`Analytics graph '${name}' not found`);
  const records = await loadRecords(query, { bucket: query.interval, by: [], histograms: PERCENTILE_GRAPHS.has(GRAPH_ALIASES[name] ?? name) });
  return {
    object: "analytics-graph",
    summary: graph.summary(totalsOf(records), records),
    data_points: timeBuckets(records, query.from, query.to, query.interval).map(([timestamp, totals]) => ({ timestamp, ...graph.point(totals) })),
  };
}

/** The graphs whose points are not a time series. */
async function listGraph(name: string, query: AnalyticsQuery): Promise<AnalyticsGraph> {
  if (name === "errors-status-code" || name === "errors/status-codes") {
    const totals = totalsOf(await loadRecords(query, { ...WHOLE_RANGE, histograms: false }));
    return {
      object: "analytics-graph",
      summary: { total_errors: totals.errors, unique_error_codes: totals.statusCodes.size },
      data_points: statusStats(totals).map(({ response_status_code, count }) => ({ status_code: response_status_code, count })),
    };
  }
  if (name.startsWith("users")) {
    // Users are the `_user` metadata of calls, as in Portkey: read from the logs.
    const byUser = await loadRecordsByMetadata(query, "_user");
    const requests = [...byUser.values()].reduce((sum, records) => sum + totalsOf(records).requests, 0);
    const summary = name === "users" ? { total: byUser.size } : { total: requests, unique: byUser.size, avg: round(byUser.size ? requests / byUser.size : 0, 2) };
    const points = timeBuckets([], query.from, query.to, query.interval).map(([timestamp]) => {
      const users = [...byUser.values()].map((records) => records.filter((r) => r.hour.toISOString() === timestamp || sameBucket(r.hour, timestamp, query)));
      const active = users.filter((records) => records.length > 0);
      const count = active.reduce((sum, records) => sum + totalsOf(records).requests, 0);
      return name === "users" ? { timestamp, total: active.length } : { timestamp, total: count, avg: round(active.length ? count / active.length : 0, 2) };
    });
    return { object: "analytics-graph", summary, data_points: points };
  }
  if (name === "feedbacks/ai-models") {
    const byModel = new Map<string, RollupDelta[]>();
    for (const record of await loadRecords(query, { bucket: null, by: ["model"], histograms: false })) {
      byModel.set(record.model, [...(byModel.get(record.model) ?? []), record]);
    }
    const points = [...byModel]
      .map(([model, records]) => [model, totalsOf(records)] as const)
      .filter(([, totals]) => totals.feedbackCount > 0)
      .map(([model, totals]) => ({ ai_model: model || null, total: totals.feedbackCount, avg_weighted_feedback: avgWeightedFeedback(totals) }))
      .sort((a, b) => b.total - a.total || String(a.ai_model).localeCompare(String(b.ai_model)));
    return { object: "analytics-graph", summary: { total: points.reduce((sum, point) => sum + point.total, 0) }, data_points: points };
  }
  // Feedback per score (feedbacks/score, feedbacks/scores): how many feedbacks gave each value.
  const totals = totalsOf(await loadRecords(query, WHOLE_RANGE));
  const points = Object.entries(totals.feedbackHist)
    .map(([score, total]) => ({ score: Number(score), total }))
    .filter((point) => point.total > 0)
    .sort((a, b) => a.score - b.score);
  return { object: "analytics-graph", summary: { total: totals.feedbackCount }, data_points: points };
}

function sameBucket(hour: Date, timestamp: string, query: AnalyticsQuery): boolean {
  const width = query.interval === "hour" ? 3_600_000 : 86_400_000;
  return Math.floor(hour.getTime() / width) * width === Date.parse(timestamp);
}

// ---------------------------------------------------------------- groups

type KeyOf = (record: RollupDelta) => Row | Row[] | null;

/**
 * Portkey's groups (ai-models, metadata/:key, users, and groupedData's names) and the ones
 * prompt teams need (prompts, prompt-versions, labels, providers, virtual keys, API keys).
 */
const GROUPS: Record<string, KeyOf> = {
  "ai-models": (r) => ({ ai_model: r.model || null }),
  model: (r) => ({ model: r.model || null }),
  provider: (r) => ({ provider: r.provider || null }),
  providers: (r) => ({ provider: r.provider || null }),
  ai_service: (r) => ({ ai_service: r.provider || null }),
  status_code: (r) => ({ status_code: r.httpStatus || null }),
  api_key: (r) => ({ api_key_id: r.apiKeyId || null }),
  "api-keys": (r) => ({ api_key_id: r.apiKeyId || null }),
  "virtual-keys": (r) => ({ virtual_key_id: r.virtualKeyId || null }),
  prompt: (r) => ({ prompt_id: r.promptId || null, prompt_slug: r.promptSlug || null }),
  prompts: (r) => ({ prompt_id: r.promptId || null, prompt_slug: r.promptSlug || null }),
  "prompt-versions": (r) => ({ prompt_id: r.promptId || null, prompt_slug: r.promptSlug || null, prompt_version: r.promptVersion || null }),
  // The label a call addressed, one row per version that served it (each arm of a split).
  labels: (r) => (r.label ? { label: r.label, prompt_id: r.promptId || null, prompt_slug: r.promptSlug || null, prompt_version: r.promptVersion || null } : null),
};

const NUMERIC_COLUMNS = new Set([
  "requests",
  "cost",
  "total_tokens",
  "avg_tokens",
  "avg_input_tokens",
  "avg_output_tokens",
  "avg_latency",
  "p50_latency",
  "p95_latency",
  "p99_latency",
  "success_rate",
  "error_count",
  "avg_weighted_feedback",
  "feedback_mean",
  "feedback_count",
  "requests_with_feedback",
  "last_seen",
  "first_seen",
]);

function groupColumns(totals: Totals): Row {
  return {
    requests: totals.requests,
    cost: costCents(totals),
    total_tokens: totals.totalTokens,
    avg_tokens: avgTokens(totals),
    avg_input_tokens: Math.round(totals.requests ? totals.promptTokens / totals.requests : 0),
    avg_output_tokens: Math.round(totals.requests ? totals.completionTokens / totals.requests : 0),
    avg_latency: avgLatency(totals),
    p50_latency: latencyP(totals, 0.5),
    p95_latency: latencyP(totals, 0.95),
    p99_latency: latencyP(totals, 0.99),
    success_rate: round(totals.requests ? ((totals.requests - totals.errors) * 100) / totals.requests : 0, 4),
    error_count: totals.errors,
    avg_weighted_feedback: avgWeightedFeedback(totals),
    feedback_mean: feedbackMean(totals),
    feedback_count: totals.feedbackCount,
    requests_with_feedback: totals.feedbackRequests,
    first_seen: totals.firstSeen?.toISOString() ?? null,
    last_seen: totals.lastSeen?.toISOString() ?? null,
  };
}

export async function analyticsGroups(path: string, query: AnalyticsQuery): Promise<AnalyticsGroupList> {
  let groups: Array<[Row, RollupDelta[]]>;
  if (path.startsWith("metadata/") && path.length > "metadata/".length) {
    const key = path.slice("metadata/".length);
    groups = [...(await loadRecordsByMetadata(query, key))].map(([value, records]) => [{ metadata_value: value }, records]);
  } else if (path === "users") {
    groups = [...(await loadRecordsByMetadata(query, "_user"))].map(([value, records]) => [{ user: value }, records]);
  } else {
    const keyOf = GROUPS[path];
    if (!keyOf) throw notFound(`Analytics group '${path}' not found`);
    const byKey = new Map<string, [Row, RollupDelta[]]>();
    for (const record of await loadRecords(query, { bucket: null, by: GROUPABLE, histograms: true })) {
      const keys = keyOf(record);
      for (const key of keys === null ? [] : Array.isArray(keys) ? keys : [keys]) {
        const id = JSON.stringify(key);
        const entry = byKey.get(id) ?? [key, []];
        entry[1].push(record);
        byKey.set(id, entry);
      }
    }
    groups = [...byKey.values()];
  }
  const rows = groups.map(([key, records]) => ({ ...key, ...groupColumns(totalsOf(records)), object: "analytics-group" as const }));
  const column = query.order_by && NUMERIC_COLUMNS.has(query.order_by) ? query.order_by : "requests";
  const direction = query.order_by_type === "asc" ? 1 : -1;
  rows.sort((a, b) => direction * compare((a as Row)[column], (b as Row)[column]) || compare(JSON.stringify(a), JSON.stringify(b)));
  const size = query.page_size ?? GROUPS_DEFAULT_PAGE_SIZE;
  const page = query.current_page ?? 0;
  return { object: "list", total: rows.length, data: rows.slice(page * size, page * size + size) };
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return a < b ? -1 : 1;
}

// ---------------------------------------------------------------- summaries

/** Everything over the range in one answer: what the Analytics page's tiles show. */
export async function analyticsSummary(query: AnalyticsQuery) {
  const totals = totalsOf(await loadRecords(query, WHOLE_RANGE));
  return {
    object: "analytics-summary",
    summary: {
      requests: totals.requests,
      errors: totals.errors,
      errors_by_class: totals.errorsByClass,
      error_rate: errorRate(totals),
      latency: latency(totals),
      ttft: ttft(totals),
      tokens: { input: totals.promptTokens, output: totals.completionTokens, total: totals.totalTokens },
      cost: costCents(totals),
      feedback: {
        count: totals.feedbackCount,
        requests_with_feedback: totals.feedbackRequests,
        mean: feedbackMean(totals),
        avg_weighted: avgWeightedFeedback(totals),
      },
    },
  };
}

/** Portkey's cache summary: Promptly caches no answers, so no hits. */
export async function analyticsCacheSummary(query: AnalyticsQuery) {
  const totals = totalsOf(await loadRecords(query, { ...WHOLE_RANGE, histograms: false }));
  return { object: "analytics-summary", summary: { hits: 0, avg_latency: 0, total_requests: totals.requests, cache_speedup: 0 } };
}
