// `npm run eval -- --prompt ID[@label|@N|@draft] --dataset NAME-OR-ID [--scorer S]... [--baseline @production]
//   [--min-pass-rate 0.9] [--max-regressions N] [--json]` runs an experiment on a running Promptly
// (PROMPTLY_URL, PROMPTLY_API_KEY) and exits 1 when the prompt falls under the pass rate or over the
// regressions allowed: a CI gate. Plain Node (fetch), no build step: it only speaks the HTTP API.

import { ApiCallError, client, UsageError } from "./promptly/api.mjs";

const USAGE = `usage: npm run eval -- --prompt ID[@label|@N|@draft] --dataset NAME-OR-ID [options]

  --scorer S            a saved scorer (id or name), a kind without options (exact_match, json_valid,
                        similarity...), or an inline JSON spec {"name", "definition", "threshold"}; repeatable
  --baseline REF        compare with this target: @label, @N, @draft (same prompt) or another prompt ref
  --min-pass-rate R     exit 1 when the prompt's pass rate is under R (0 to 1)
  --max-regressions N   exit 1 when more than N items regressed against the baseline
  --model M             override the model of the prompt (not the baseline)
  --repetitions N       runs per item (default 1)
  --concurrency N       calls at once (default 8)
  --json                print the result as JSON instead of a table

environment: PROMPTLY_URL (default http://127.0.0.1:3000), PROMPTLY_API_KEY
exit codes: 0 passed, 1 under a threshold (or the run did not complete), 2 a usage or API error`;

// Kinds a scorer may name without any option.
const BARE_KINDS = new Set(["exact_match", "contains", "json_valid", "similarity"]);
const POLL_MS = 500;


function parseArgs(argv) {
  const options = { scorers: [], json: false };
  const takes = { "--prompt": "prompt", "--dataset": "dataset", "--baseline": "baseline", "--min-pass-rate": "minPassRate", "--max-regressions": "maxRegressions", "--model": "model", "--repetitions": "repetitions", "--concurrency": "concurrency" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--json") options.json = true;
    else if (arg === "--help" || arg === "-h") throw new UsageError("");
    else if (arg === "--scorer") options.scorers.push(argv[++i]);
    else if (takes[arg]) options[takes[arg]] = argv[++i];
    else throw new UsageError(`unknown argument ${arg}`);
  }
  if (!options.prompt || !options.dataset) throw new UsageError("--prompt and --dataset are required");
  for (const [name, key, min, max] of [["--min-pass-rate", "minPassRate", 0, 1], ["--max-regressions", "maxRegressions", 0, Infinity], ["--repetitions", "repetitions", 1, 20], ["--concurrency", "concurrency", 1, 64]]) {
    if (options[key] === undefined) continue;
    const value = Number(options[key]);
    if (!Number.isFinite(value) || value < min || value > max) throw new UsageError(`${name} must be a number from ${min} to ${max}`);
    options[key] = value;
  }
  if (options.maxRegressions !== undefined && !options.baseline) throw new UsageError("--max-regressions needs --baseline");
  return options;
}

/** The answer, or null on a 404 (a name that may be an id, or not). */
async function orNull(call) {
  try {
    return await call;
  } catch (error) {
    if (error instanceof ApiCallError && error.status === 404) return null;
    throw error;
  }
}

async function findDataset(api, nameOrId) {
  const byId = await orNull(api("GET", `/datasets/${encodeURIComponent(nameOrId)}`));
  if (byId) return byId;
  const found = await api("GET", `/datasets?search=${encodeURIComponent(nameOrId)}&page_size=100`);
  const exact = found.data.filter((d) => d.name === nameOrId);
  if (exact.length === 1) return exact[0];
  throw new UsageError(exact.length ? `several datasets are named '${nameOrId}': pass its id` : `no dataset '${nameOrId}'`);
}

async function scorerInput(api, text) {
  if (text.trim().startsWith("{")) return JSON.parse(text);
  if (BARE_KINDS.has(text)) return { name: text, definition: { type: text } };
  const byId = await orNull(api("GET", `/scorers/${encodeURIComponent(text)}`));
  if (byId) return { scorer_id: byId.id };
  const found = await api("GET", `/scorers?search=${encodeURIComponent(text)}&page_size=100`);
  const exact = found.data.filter((s) => s.name === text);
  if (exact.length === 1) return { scorer_id: exact[0].id };
  throw new UsageError(exact.length ? `several scorers are named '${text}': pass its id` : `no scorer '${text}'`);
}

/** `@production` is the candidate's prompt at that label; anything else is a prompt reference of its own. */
function baselineRef(prompt, baseline) {
  if (!baseline.startsWith("@")) return baseline;
  const at = prompt.indexOf("@");
  return `${at < 0 ? prompt : prompt.slice(0, at)}${baseline}`;
}

function progressBar(progress) {
  const finished = progress.done + progress.errored;
  const width = 30;
  const filled = progress.total ? Math.round((finished / progress.total) * width) : 0;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${finished}/${progress.total}${progress.errored ? ` (${progress.errored} errored)` : ""}`;
}

const percent = (rate) => (rate === null || rate === undefined ? "-" : `${(rate * 100).toFixed(1)}%`);
const ms = (n) => (n === null || n === undefined ? "-" : `${n} ms`);

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => row.map((cell, c) => String(cell).padEnd(widths[c])).join("  ").trimEnd()).join("\n");
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const api = client();

  const dataset = await findDataset(api, options.dataset);
  const scorers = [];
  for (const text of options.scorers) scorers.push(await scorerInput(api, text));
  const candidate = { prompt: options.prompt, ...(options.model ? { model: options.model } : {}) };
  const targets = options.baseline ? [{ prompt: baselineRef(options.prompt, options.baseline) }, candidate] : [candidate];
  const created = await api("POST", "/experiments", {
    name: `eval ${options.prompt}${options.baseline ? ` vs ${options.baseline}` : ""}`,
    dataset_id: dataset.id,
    targets,
    scorers,
    ...(options.repetitions ? { repetitions: options.repetitions } : {}),
    ...(options.concurrency ? { concurrency: options.concurrency } : {}),
  });

  const tty = process.stderr.isTTY && !options.json;
  let experiment = created;
  while (experiment.status === "queued" || experiment.status === "running") {
    if (tty) process.stderr.write(`\r${progressBar(experiment.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    experiment = await api("GET", `/experiments/${created.id}`);
  }
  if (tty) process.stderr.write(`\r${progressBar(experiment.progress)}\n`);

  const candidateIndex = targets.length - 1;
  const summary = experiment.summary.targets[candidateIndex];
  const comparison = options.baseline ? (await api("GET", `/experiments/${created.id}/compare?baseline_target=0`)).targets[0] : null;

  const failures = [];
  if (experiment.status !== "completed") failures.push(`the experiment ended ${experiment.status}`);
  if (options.minPassRate !== undefined && (summary.pass_rate ?? 0) < options.minPassRate) failures.push(`pass rate ${percent(summary.pass_rate)} is under ${percent(options.minPassRate)}`);
  if (options.maxRegressions !== undefined && comparison && comparison.regressed > options.maxRegressions) failures.push(`${comparison.regressed} item(s) regressed, more than the ${options.maxRegressions} allowed`);

  if (options.json) {
    console.log(JSON.stringify({ experiment_id: created.id, status: experiment.status, passed: failures.length === 0, failures, summary: experiment.summary.targets, comparison: comparison && { improved: comparison.improved, regressed: comparison.regressed, unchanged: comparison.unchanged, deltas: comparison.deltas } }, null, 2));
  } else {
    const scoreNames = Object.keys(summary.scores);
    const rows = [["target", "pass rate", "errors", "p50", "p95", ...scoreNames]];
    for (const [index, target] of experiment.summary.targets.entries()) {
      rows.push([`${index === candidateIndex ? "*" : " "} ${targets[index].prompt}`, percent(target.pass_rate), target.errored, ms(target.latency_p50_ms), ms(target.latency_p95_ms), ...scoreNames.map((n) => target.scores[n]?.toFixed(3) ?? "-")]);
    }
    console.log(`Experiment ${created.id} on '${dataset.name}' v${experiment.dataset_version}: ${experiment.status}`);
    console.log(table(rows));
    if (comparison) console.log(`vs baseline: ${comparison.improved} improved, ${comparison.regressed} regressed, ${comparison.unchanged} unchanged (pass rate ${comparison.deltas.pass_rate >= 0 ? "+" : ""}${percent(comparison.deltas.pass_rate)})`);
    console.log(failures.length ? `FAILED: ${failures.join("; ")}` : "PASSED");
  }
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(error.message ? `${error.message}\n\n${USAGE}` : USAGE);
    else console.error(`eval: ${error.message}`);
    process.exit(2);
  },
);
