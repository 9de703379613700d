// The evaluation scenarios of `npm run bench`, against Promptly only:
// - `eval`: an experiment of 1,000 items × 2 targets (two versions of one prompt) at concurrency
//   16, the mock answering each call after 50 ms: wall time against the ideal
//   (2,000 × 50 ms / 16 = 6.25 s), server CPU per case, peak RSS of the server;
// - `import`: 100,000 rows of JSON Lines imported into a dataset: time and peak RSS.
// Every wait is bounded; everything runs on 127.0.0.1.
import { cpuMs, processTree, RssSampler } from "./proc-stats.mjs";

export const EVAL_SCENARIOS = ["eval", "import"];
const EVAL = { items: 1_000, targets: 2, concurrency: 16, latencyMs: 50, quickItems: 200 };
const IMPORT = { rows: 100_000, quickRows: 20_000 };
const TARGET = { wallRatio: 1.25, rssMb: 300 };

/**
 * @param {object} ctx admin(method, route, body, headers?) → JSON; resetMock(behavior);
 *   promptlyPid; virtualKey (slug); quick; scenarios; log
 */
export async function runEvalScenarios(ctx) {
  const out = {};
  if (ctx.scenarios.includes("eval")) out.eval = await experimentRun(ctx);
  if (ctx.scenarios.includes("import")) out.import = await importRun(ctx);
  return out;
}

async function experimentRun({ admin, resetMock, promptlyPid, virtualKey, quick, log }) {
  const items = quick ? EVAL.quickItems : EVAL.items;
  const tag = Math.random().toString(36).slice(2, 8);
  const prompt = await admin("POST", "/v1/prompts", {
    name: `bench eval ${tag}`,
    string: JSON.stringify([{ role: "user", content: "Answer {{question}} briefly" }]),
    parameters: { model: "gpt-4o-mini", max_tokens: 16 },
    virtual_key: virtualKey,
  });
  await admin("PUT", `/v1/prompts/${prompt.id}`, { string: JSON.stringify([{ role: "user", content: "Answer {{question}} in one line" }]) });
  const dataset = await admin("POST", "/v1/datasets", {
    name: `bench eval ${tag}`,
    items: Array.from({ length: items }, (_, i) => ({ variables: { question: `question ${i}` }, expected: `answer ${i}` })),
  });
  // Every call answers after 50 ms (8 tokens, the first after 50 ms, the rest at once).
  await resetMock({ tokens: 8, firstTokenDelayMs: EVAL.latencyMs, tokenDelayMs: 0 });
  const pids = processTree(promptlyPid);
  const sampler = new RssSampler(100);
  sampler.watch("promptly", pids);
  sampler.start();
  const cpu0 = cpuMs(pids);
  const started = performance.now();
  const experiment = await admin("POST", "/v1/experiments", {
    name: `bench ${tag}`,
    dataset_id: dataset.id,
    targets: [{ prompt: `${prompt.id}@1` }, { prompt: `${prompt.id}@2` }],
    scorers: [{ name: "mentions mock", definition: { type: "contains", values: ["Mock"] } }],
    concurrency: EVAL.concurrency,
  });
  let status = experiment;
  const deadline = Date.now() + 180_000;
  // Polled ten times a second: the wall time is known to 0.1 s (1.6 % of the ideal), and the
  // poll itself stays a small share of the server's work (a script polls every 0.5 s, the UI 1 s).
  while (["queued", "running"].includes(status.status) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    status = await admin("GET", `/v1/experiments/${experiment.id}`);
  }
  const wallMs = performance.now() - started;
  sampler.stop();
  const cases = items * EVAL.targets;
  const idealMs = (cases * EVAL.latencyMs) / EVAL.concurrency;
  const result = {
    items,
    targets: EVAL.targets,
    concurrency: EVAL.concurrency,
    mockLatencyMs: EVAL.latencyMs,
    status: status.status,
    progress: status.progress,
    wallMs: Math.round(wallMs),
    idealMs,
    wallRatio: wallMs / idealMs,
    cpuMsPerCase: (cpuMs(pids) - cpu0) / cases,
    peakRssMb: sampler.peak("promptly"),
    peakRssServerMb: sampler.peakLargest("promptly"),
  };
  log(`eval ${items}×${EVAL.targets} at c=${EVAL.concurrency}: ${status.status} in ${(wallMs / 1000).toFixed(2)} s (ideal ${(idealMs / 1000).toFixed(2)} s, ×${result.wallRatio.toFixed(2)}), cpu ${result.cpuMsPerCase.toFixed(2)} ms/case, rss ${Math.round(result.peakRssMb ?? 0)} MB`);
  return result;
}

async function importRun({ admin, promptlyPid, quick, log }) {
  const rows = quick ? IMPORT.quickRows : IMPORT.rows;
  const dataset = await admin("POST", "/v1/datasets", { name: `bench import ${Math.random().toString(36).slice(2, 8)}` });
  const body = Array.from({ length: rows }, (_, i) => JSON.stringify({ variables: { question: `What is item ${i}?`, context: "lorem ipsum dolor sit amet ".repeat(3) }, expected: `item ${i}`, metadata: { row: String(i) } })).join("\n");
  const pids = processTree(promptlyPid);
  const sampler = new RssSampler(50);
  sampler.watch("promptly", pids);
  sampler.start();
  const started = performance.now();
  const answer = await admin("POST", `/v1/datasets/${dataset.id}/items`, body, { "content-type": "application/x-ndjson" });
  const ms = performance.now() - started;
  sampler.stop();
  const result = { rows, bytes: Buffer.byteLength(body), added: answer.added ?? answer.count ?? null, ms: Math.round(ms), rowsPerS: Math.round(rows / (ms / 1000)), peakRssMb: sampler.peak("promptly"), peakRssServerMb: sampler.peakLargest("promptly") };
  log(`import of ${rows} JSON Lines rows (${(result.bytes / 1e6).toFixed(1)} MB): ${(ms / 1000).toFixed(2)} s, ${result.rowsPerS} rows/s, rss ${Math.round(result.peakRssMb ?? 0)} MB`);
  return result;
}

/** The Markdown section and PASS/FAIL lines of these scenarios. */
export function evalMarkdown(evals) {
  const lines = [];
  if (evals.eval) {
    const e = evals.eval;
    const wallOk = e.status === "completed" && e.wallRatio <= TARGET.wallRatio;
    const rssOk = (e.peakRssMb ?? Infinity) < TARGET.rssMb;
    lines.push(
      "## Evaluations",
      "",
      `Experiment: ${e.items} items × ${e.targets} targets at concurrency ${e.concurrency}, the mock answering after ${e.mockLatencyMs} ms.`,
      "",
      "| status | wall | ideal | ratio | CPU per case | peak RSS (tree / server) |",
      "|---|---|---|---|---|---|",
      `| ${e.status} (${JSON.stringify(e.progress)}) | ${(e.wallMs / 1000).toFixed(2)} s | ${(e.idealMs / 1000).toFixed(2)} s | ×${e.wallRatio.toFixed(2)} | ${e.cpuMsPerCase.toFixed(2)} ms | ${Math.round(e.peakRssMb ?? 0)} / ${Math.round(e.peakRssServerMb ?? 0)} MB |`,
      "",
      `- ${wallOk ? "PASS" : "FAIL"}: wall time within ×${TARGET.wallRatio} of the ideal`,
      `- ${rssOk ? "PASS" : "FAIL"}: peak RSS under ${TARGET.rssMb} MB`,
      "",
    );
  }
  if (evals.import) {
    const i = evals.import;
    lines.push(
      "## Dataset import",
      "",
      "| rows | size | time | rows/s | peak RSS (tree / server) |",
      "|---|---|---|---|---|",
      `| ${i.rows} | ${(i.bytes / 1e6).toFixed(1)} MB | ${(i.ms / 1000).toFixed(2)} s | ${i.rowsPerS} | ${Math.round(i.peakRssMb ?? 0)} / ${Math.round(i.peakRssServerMb ?? 0)} MB |`,
      "",
    );
  }
  return lines.join("\n");
}
