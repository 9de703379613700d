// Seeds completion logs fast, for the log explorer's bench (bench/lib/logs.mjs) and for trying
// the Logs page on a big install. Run with tsx against DATABASE_URL:
//
//   node node_modules/tsx/dist/cli.mjs scripts/seed-logs.ts seed --rows=1000000 --days=30
//       rows spread over the last DAYS days, written in direct batches (SQLite: one prepared
//       INSERT per 5,000-row transaction, lib/logs/sqlite-batch.ts; PostgreSQL: createMany),
//       their search text, and their hourly analytics rollups (summed in memory, then
//       upserted), the backfill marked done so the server doesn't count them twice
//   ... seed-logs.ts writes --rows=20000    log-write throughput with rollups and without
//   ... seed-logs.ts prune --days=25        retention's pruning of rows older than DAYS days
//
// Prints one JSON line with what it measured. Never run by the tests.
import { randomUUID } from "node:crypto";
import { collectInto, flushRollups, rollUpWrittenLogs, upsertRollups, type RollupDelta } from "@/lib/analytics/rollup";
import { db } from "@/lib/core/db";
import { pruneBefore } from "@/lib/logs/retention";
import { searchTextOf } from "@/lib/logs/search-text";
import { sqliteBatchWriter } from "@/lib/logs/sqlite-batch";
import type { CompletionLogRow } from "@/lib/logs/writer";

const args = Object.fromEntries(process.argv.slice(3).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]));
const mode = process.argv[2] ?? "seed";
const DAY_MS = 86_400_000;

const MODELS = [
  ["openai", "gpt-4o-mini"],
  ["openai", "gpt-4o"],
  ["anthropic", "claude-3-5-haiku-latest"],
  ["google", "gemini-1.5-flash"],
] as const;
const WORDS = "otter river stone harbor maple lantern copper meadow falcon ember glacier orchard canyon violet summit cedar tide quartz willow beacon".split(" ");
/** The word every 1,000th row's answer holds: a selective search for the bench. */
const RARE_WORD = "zeppelin";

// A small deterministic generator: the same rows on every run.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

function makeRow(i: number, rows: number, days: number, now: number): CompletionLogRow {
  const [provider, model] = MODELS[i % MODELS.length];
  const success = random() > 0.05;
  const promptTokens = 20 + Math.floor(random() * 400);
  const completionTokens = success ? 10 + Math.floor(random() * 300) : 0;
  const latencyMs = 150 + Math.floor(random() * random() * 4000);
  const question = `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`;
  const answer = `${pick(WORDS)} ${pick(WORDS)}${i % 1000 === 0 ? ` ${RARE_WORD}` : ""}`;
  const request = { model, messages: [{ role: "user", content: `Tell me about ${question}` }] };
  const response = success ? { choices: [{ message: { role: "assistant", content: answer }, finish_reason: "stop" }] } : null;
  return {
    id: randomUUID(),
    traceId: randomUUID(),
    promptId: `bench-prompt-${i % 10}`,
    promptSlug: `pp-bench-${i % 10}`,
    promptVersion: 1 + (i % 3),
    label: i % 2 ? "production" : null,
    provider,
    model,
    stream: i % 4 === 0,
    status: success ? "success" : "error",
    httpStatus: success ? 200 : 500,
    error: success ? null : "mock error",
    latencyMs,
    ttftMs: i % 4 === 0 ? Math.floor(latencyMs / 3) : null,
    promptTokens,
    completionTokens,
    totalTokens: promptTokens + completionTokens,
    costUsd: (promptTokens * 0.15 + completionTokens * 0.6) / 1_000_000,
    apiKeyId: `bench-key-${i % 3}`,
    metadata: `{"team":"t${i % 5}"}`,
    request,
    response: response ?? undefined,
    searchText: searchTextOf(request, response),
    // Evenly over the range, oldest first.
    createdAt: new Date(now - days * DAY_MS + Math.floor(((i + 0.5) * days * DAY_MS) / rows)),
  };
}

async function writeRows(rows: CompletionLogRow[]): Promise<void> {
  const sqlite = sqliteBatchWriter();
  if (sqlite) sqlite(rows);
  else await db.completionLog.createMany({ data: rows });
}

async function seedLogs() {
  const rows = Number(args.rows ?? 1_000_000);
  const days = Number(args.days ?? 30);
  const batch = 5000;
  const now = Date.now();
  const started = performance.now();
  const groups = new Map<string, RollupDelta>();
  for (let from = 0; from < rows; from += batch) {
    const chunk = Array.from({ length: Math.min(batch, rows - from) }, (_, k) => makeRow(from + k, rows, days, now));
    await writeRows(chunk);
    collectInto(groups, chunk as Parameters<typeof collectInto>[1]);
  }
  const logsSeconds = (performance.now() - started) / 1000;
  const deltas = [...groups.values()];
  for (let from = 0; from < deltas.length; from += 500) await upsertRollups(deltas.slice(from, from + 500));
  // Rolled up here: the server's start-up backfill must not count these rows again.
  const state = await db.analyticsBackfill.findUnique({ where: { id: "completion_log" } });
  if (!state) await db.analyticsBackfill.create({ data: { id: "completion_log", cutoff: new Date(now), done: true } });
  else if (!state.done) console.error("[seed-logs] an analytics backfill is still running here: its numbers may count some rows twice");
  return { rows, days, logsSeconds, rowsPerSecond: Math.round(rows / logsSeconds), rollupGroups: deltas.length, totalSeconds: (performance.now() - started) / 1000 };
}

/** The log writer's batch path (200 rows) with its rollups, and without. */
async function writeThroughput() {
  const rows = Number(args.rows ?? 20_000);
  const now = Date.now();
  const measure = async (withRollups: boolean) => {
    // Stamped within the last minute, as the writer's batches are: each batch meets one hour's rollups.
    const all = Array.from({ length: rows }, (_, i) => makeRow(i, rows, 1 / 1440, now));
    const started = performance.now();
    for (let from = 0; from < rows; from += 200) {
      const chunk = all.slice(from, from + 200);
      await writeRows(chunk);
      // What the log writer does after each batch (lib/logs/writer.ts).
      if (withRollups) await rollUpWrittenLogs(chunk as Parameters<typeof rollUpWrittenLogs>[0]);
    }
    // The rollups held in memory are stored too, inside the time measured.
    if (withRollups) await flushRollups();
    const rate = Math.round(rows / ((performance.now() - started) / 1000));
    // Out of the table again (untimed), so every run writes into a table of the same size.
    for (let from = 0; from < rows; from += 500) await db.completionLog.deleteMany({ where: { id: { in: all.slice(from, from + 500).map((row) => row.id as string) } } });
    return rate;
  };
  // In the order without, with, with, without, each pair averaged, on a table of the same size
  // each time: measured one after the other on a growing table (and search index), the table's
  // growth had been counted as the rollups' cost.
  const first = await measure(false);
  const withRollups = Math.round((await measure(true)) / 2 + (await measure(true)) / 2);
  const without = Math.round(first / 2 + (await measure(false)) / 2);
  return { rows, rowsPerSecondWithoutRollups: without, rowsPerSecondWithRollups: withRollups, slowerPercent: Math.round((1 - withRollups / without) * 1000) / 10 };
}

async function prune() {
  const days = Number(args.days ?? 25);
  const started = performance.now();
  const removed = await pruneBefore(new Date(Date.now() - days * DAY_MS));
  return { ...removed, seconds: (performance.now() - started) / 1000 };
}

const run = mode === "writes" ? writeThroughput : mode === "prune" ? prune : seedLogs;
// Retention pauses on unref'd timers (it must never hold a server open): hold this process open.
setInterval(() => {}, 60_000);
run()
  .then(async (result) => {
    console.log(JSON.stringify({ mode, ...result }));
    await db.$disconnect();
    process.exit(0);
  })
  .catch((error) => {
    console.error("[seed-logs]", error);
    process.exit(1);
  });
