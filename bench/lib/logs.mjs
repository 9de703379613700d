// The log explorer's scenario of `npm run bench` (`logs`, Promptly only): a big log table
// seeded fast (scripts/seed-logs.ts: 1,000,000 rows over 30 days, 100,000 with --quick,
// their search index and analytics rollups), then
// - p95 of each dashboard call: analytics graphs / summary / groups, the log list, its search
//   (goal < 300 ms on SQLite);
// - log-write throughput with rollups and without (goal: at most 5 % lower with);
// - completion latency, c=1, while retention prunes the oldest days (goal: p99 + 5 ms at most);
// - an export of every row as JSON Lines: rows/s and the server's peak RSS.
// Every wait is bounded; everything runs on 127.0.0.1.
import { spawn } from "node:child_process";
import path from "node:path";
import { processTree, RssSampler } from "./proc-stats.mjs";
import { percentile } from "./stats.mjs";

export const LOG_SCENARIOS = ["logs"];
const ROWS = { full: 1_000_000, quick: 100_000 };
const CALLS = 20;
const COMPLETIONS = 200;
const TARGET = { p95Ms: 300, writeSlowerPercent: 5, pruneAddedP99Ms: 5 };

/** Runs scripts/seed-logs.ts against the bench database; answers its JSON line. */
function seedScript(root, env, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/seed-logs.ts", ...args], { cwd: root, env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      const line = out.trim().split("\n").at(-1);
      if (code === 0 && line) resolve(JSON.parse(line));
      else reject(new Error(`seed-logs ${args[0]} exited with ${code}`));
    });
  });
}

async function timeCalls(url, headers, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function completionLatencies(base, headers, promptId, variables, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/v1/prompts/${promptId}/completions`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ variables }) });
    await res.arrayBuffer();
    times.push(performance.now() - started);
  }
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

/**
 * @param {object} ctx root, base (Promptly's URL), apiKey, env (Promptly's environment: its
 *   DATABASE_URL), promptlyPid, promptId, variables, quick, log
 */
export async function runLogScenarios({ root, base, apiKey, env, promptlyPid, promptId, variables, quick, log }) {
  const headers = { "x-portkey-api-key": apiKey };
  const rows = Number(process.env.BENCH_LOG_ROWS) || (quick ? ROWS.quick : ROWS.full);
  // BENCH_LOG_SEED=0 with --keep-db: measure the logs a previous run seeded.
  const seeded = process.env.BENCH_LOG_SEED === "0" ? { rows, totalSeconds: 0, rowsPerSecond: 0, rollupGroups: 0, skipped: true } : await seedScript(root, env, ["seed", `--rows=${rows}`, "--days=30"], 3_600_000);
  log(`logs: ${seeded.skipped ? "seeding skipped (BENCH_LOG_SEED=0)" : `seeded ${rows} logs over 30 days in ${seeded.totalSeconds.toFixed(1)} s (${seeded.rowsPerSecond} rows/s, ${seeded.rollupGroups} rollup rows)`}`);

  const day = 86_400_000;
  const range = `time_of_generation_min=${new Date(Date.now() - 30 * day).toISOString()}&time_of_generation_max=${new Date().toISOString()}`;
  const calls = {
    "analytics graphs/requests (30 d)": `/v1/analytics/graphs/requests?${range}`,
    "analytics graphs/latency (30 d, percentiles)": `/v1/analytics/graphs/latency?${range}`,
    "analytics summary (30 d)": `/v1/analytics/summary?${range}`,
    "analytics groups/ai-models (30 d)": `/v1/analytics/groups/ai-models?${range}`,
    "logs: first page": "/v1/logs?limit=50",
    "logs: filtered (model + status)": "/v1/logs?limit=50&model=gpt-4o&status=error",
    "logs: search, common word": "/v1/logs?limit=50&q=otter",
    "logs: search, rare word": "/v1/logs?limit=50&q=zeppelin",
    "logs: search + filter": "/v1/logs?limit=50&q=zeppelin&provider=anthropic",
  };
  const dashboard = {};
  for (const [name, route] of Object.entries(calls)) {
    await timeCalls(`${base}${route}`, headers, 2); // warm
    dashboard[name] = await timeCalls(`${base}${route}`, headers, CALLS);
    log(`logs: ${name}: p95 ${dashboard[name].p95.toFixed(1)} ms`);
  }

  // An export of everything, streamed; the server's RSS watched meanwhile.
  const pids = processTree(promptlyPid);
  const sampler = new RssSampler(100);
  sampler.watch("promptly", pids);
  sampler.start();
  const started = performance.now();
  const json = (res) => res.json();
  const created = await fetch(`${base}/v1/logs/exports`, { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify({ filters: {}, requested_data: ["id", "created_at", "ai_model", "cost", "response_time", "metadata"] }) }).then(json);
  await fetch(`${base}/v1/logs/exports/${created.id}/start`, { method: "POST", headers });
  const { signed_url } = await fetch(`${base}/v1/logs/exports/${created.id}/download`, { headers }).then(json);
  const file = await fetch(signed_url);
  let lines = 0;
  let bytes = 0;
  for await (const chunk of file.body) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines += 1;
  }
  const exportSeconds = (performance.now() - started) / 1000;
  sampler.stop();
  const exported = { rows: lines, total: created.total, mb: bytes / 1e6, seconds: exportSeconds, rowsPerSecond: Math.round(lines / exportSeconds), peakRssMb: sampler.peak("promptly"), peakRssServerMb: sampler.peakLargest("promptly") };
  log(`logs: export of ${lines} rows in ${exportSeconds.toFixed(1)} s (${exported.rowsPerSecond} rows/s), peak RSS ${Math.round(exported.peakRssMb ?? 0)} MB`);

  // Completion latency with and without retention pruning the oldest 5 days.
  const quiet = await completionLatencies(base, headers, promptId, variables, COMPLETIONS);
  const pruning = seedScript(root, env, ["prune", "--days=25"], 1_800_000);
  const during = await completionLatencies(base, headers, promptId, variables, COMPLETIONS);
  const pruned = await pruning;
  const retention = { quiet, during, pruned, addedP99Ms: during.p99 - quiet.p99 };
  log(`logs: completion p99 ${quiet.p99.toFixed(1)} ms, while pruning ${during.p99.toFixed(1)} ms (${pruned.logs} rows pruned in ${pruned.seconds.toFixed(1)} s)`);

  // Last: it adds rows of its own.
  const writes = await seedScript(root, env, ["writes", `--rows=${quick ? 10_000 : 20_000}`], 1_800_000);
  log(`logs: writes ${writes.rowsPerSecondWithoutRollups} rows/s without rollups, ${writes.rowsPerSecondWithRollups} with (${writes.slowerPercent} % slower)`);
  return { rows, seeded, dashboard, exported, retention, writes };
}

export function logsMarkdown(logs) {
  if (!logs) return "";
  const slowest = Math.max(...Object.values(logs.dashboard).map((call) => call.p95));
  return [
    "## Log explorer",
    "",
    `${logs.rows.toLocaleString("en")} logs over 30 days, seeded in ${logs.seeded.totalSeconds.toFixed(1)} s (${logs.seeded.rowsPerSecond} rows/s; ${logs.seeded.rollupGroups} rollup rows).`,
    "",
    "| call | p50 | p95 |",
    "|---|---|---|",
    ...Object.entries(logs.dashboard).map(([name, call]) => `| ${name} | ${call.p50.toFixed(1)} ms | ${call.p95.toFixed(1)} ms |`),
    "",
    `Export: ${logs.exported.rows} rows (${logs.exported.mb.toFixed(1)} MB JSON Lines) in ${logs.exported.seconds.toFixed(1)} s, ${logs.exported.rowsPerSecond} rows/s, peak RSS ${Math.round(logs.exported.peakRssMb ?? 0)} / ${Math.round(logs.exported.peakRssServerMb ?? 0)} MB (tree / server).`,
    `Log writes (200-row batches): ${logs.writes.rowsPerSecondWithoutRollups} rows/s without rollups, ${logs.writes.rowsPerSecondWithRollups} with (${logs.writes.slowerPercent} % slower).`,
    `Completion latency c=1: p99 ${logs.retention.quiet.p99.toFixed(1)} ms, ${logs.retention.during.p99.toFixed(1)} ms while retention pruned ${logs.retention.pruned.logs} rows.`,
    "",
    `- ${slowest < TARGET.p95Ms ? "PASS" : "FAIL"}: every dashboard call's p95 under ${TARGET.p95Ms} ms (slowest ${slowest.toFixed(1)} ms)`,
    `- ${logs.writes.slowerPercent <= TARGET.writeSlowerPercent ? "PASS" : "FAIL"}: log writes with rollups at most ${TARGET.writeSlowerPercent} % slower`,
    `- ${logs.retention.addedP99Ms <= TARGET.pruneAddedP99Ms ? "PASS" : "FAIL"}: pruning adds at most ${TARGET.pruneAddedP99Ms} ms to the completion p99 (added ${logs.retention.addedP99Ms.toFixed(1)} ms)`,
    "",
  ].join("\n");
}
