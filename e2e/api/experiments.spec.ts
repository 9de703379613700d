import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock, type MockRequest } from "../support/mock";
import { ownPostgresSchema, startOwnServer, type OwnServer } from "../support/own-server";

/**
 * Experiments through the API, on whichever database the suite runs on: a two-target run
 * with deterministic and LLM-judge scorers against the mock (answers and scores known
 * exactly), results, compare, cancel, and a server killed mid-run that continues on restart.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);

function client(baseUrl: string) {
  return async (method: string, route: string, body?: unknown): Promise<{ status: number; json: Json }> => {
    const response = await fetch(`${baseUrl}/v1${route}`, {
      method,
      headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : {} };
  };
}
const api = client(E2E.baseUrl);

async function ok(answer: Promise<{ status: number; json: Json }>): Promise<Json> {
  const { status, json } = await answer;
  expect(status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A virtual key on the mock, prompts and a dataset, on the given server. */
async function fixtures(call: typeof api, marker: string, items: Json[]) {
  const key = await ok(call("POST", "/virtual-keys", { name: `mock ${marker}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` }));
  const prompt = async (name: string, content: string) =>
    (await ok(call("POST", "/prompts", { name: `${name} ${marker}`, string: chat(content), parameters: { model: "gpt-4o-mini" }, virtual_key: key.slug }))).id as string;
  const dataset = await ok(call("POST", "/datasets", { name: `Set ${marker}`, items }));
  return { key: key.slug as string, prompt, dataset: dataset.id as string };
}

/** Polls until `until` holds; an experiment that ends first fails the test (unless `anyStatus`). */
async function finished(call: typeof api, id: string, until = (e: Json) => e.status === "completed", anyStatus = false): Promise<Json> {
  for (;;) {
    const experiment = await ok(call("GET", `/experiments/${id}`));
    if (until(experiment)) return experiment;
    if (!anyStatus && !["queued", "running"].includes(experiment.status)) throw new Error(`experiment ended ${experiment.status}: ${JSON.stringify(experiment.progress)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

async function allResults(call: typeof api, id: string): Promise<Json[]> {
  const rows: Json[] = [];
  let cursor: string | null = null;
  do {
    const page = await ok(call("GET", `/experiments/${id}/results?limit=2${cursor ? `&cursor=${cursor}` : ""}`));
    rows.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return rows;
}

const carrying = (requests: MockRequest[], marker: string) => requests.filter((r) => JSON.stringify(r.body).includes(marker));

let first: { id: string; plain: string; polite: string; dataset: string; datasetName: string; marker: string };

test("two targets, deterministic and judge scorers: every case, score and summary exactly known", async () => {
  const marker = stamp();
  await mock.reset();
  const items = [
    { variables: { q: "Paris" }, expected: "Mock answer to: Paris" },
    { variables: { q: "Rome" }, expected: "Mock answer to: Rome" },
    { variables: { q: "Oslo" }, expected: "something else" },
  ];
  const { prompt, dataset } = await fixtures(api, marker, items);
  const plain = await prompt("Plain", "{{q}}");
  const polite = await prompt("Polite", "Say {{q}}");
  // The mock answers "Mock answer to: <the prompt>": the judge reads its own echo of the
  // output, so it says "paris" (1), "rome" (0.5), or neither (unreadable: no score).
  const judge = await prompt("Judge", "{{output}}");
  const created = await ok(
    api("POST", "/experiments", {
      name: `Plain vs polite ${marker}`,
      dataset_id: dataset,
      targets: [{ prompt: plain }, { prompt: `${polite}@1` }],
      scorers: [
        { name: "exact", definition: { type: "exact_match" } },
        { name: "judge", definition: { type: "llm_judge", prompt: `${judge}@latest`, choice_scores: { paris: 1, rome: 0.5 } } },
      ],
    }),
  );
  expect(created).toMatchObject({ status: expect.stringMatching(/queued|running|completed/), dataset_version: 1, repetitions: 1, concurrency: 8, progress: { total: 6 } });
  const done = await finished(api, created.id);
  expect(done.progress).toEqual({ total: 6, pending: 0, running: 0, done: 6, errored: 0 });
  expect(done.summary.targets).toEqual([
    { target: 0, cases: 3, done: 3, errored: 0, passed: 1, pass_rate: 0.3333, scores: { exact: 0.6667, judge: 0.75 }, latency_p50_ms: expect.any(Number), latency_p95_ms: expect.any(Number) },
    { target: 1, cases: 3, done: 3, errored: 0, passed: 0, pass_rate: 0, scores: { exact: 0, judge: 0.75 }, latency_p50_ms: expect.any(Number), latency_p95_ms: expect.any(Number) },
  ]);

  const results = await allResults(api, created.id);
  expect(results.map((r) => [r.target, r.output, r.passed])).toEqual([
    [0, "Mock answer to: Paris", true],
    [1, "Mock answer to: Say Paris", false],
    [0, "Mock answer to: Rome", false],
    [1, "Mock answer to: Say Rome", false],
    [0, "Mock answer to: Oslo", false],
    [1, "Mock answer to: Say Oslo", false],
  ]);
  expect(results[0]).toMatchObject({
    status: "done",
    attempts: 1,
    input: { messages: [{ role: "user", content: "Paris" }] },
    usage: { total_tokens: expect.any(Number) },
    scores: [
      { name: "exact", score: 1, passed: true },
      { name: "judge", score: 1, passed: true },
    ],
  });
  // Each case priced from its usage and the model's declared price, as its log row is.
  for (const row of results) expect(row.cost_usd).toBeGreaterThan(0);
  expect(results[2].scores[1]).toMatchObject({ name: "judge", score: 0.5, passed: false });
  expect(results[4].scores[1]).toMatchObject({ name: "judge", score: null, passed: false, reason: expect.stringContaining("none of") });
  // Six cases and six judge calls (the judge's carry the answer), each made once.
  const calls = (await mock.requests()).filter((r) => /Paris|Rome|Oslo/.test(JSON.stringify(r.body)));
  expect(calls.length).toBe(12);
  expect(carrying(calls, "Mock answer to:").length).toBe(6);

  const compared = await ok(api("GET", `/experiments/${created.id}/compare?baseline_target=0`));
  expect(compared.targets).toHaveLength(1);
  expect(compared.targets[0]).toMatchObject({
    target: 1,
    baseline_target: 0,
    improved: 0,
    regressed: 1,
    unchanged: 2,
    deltas: { pass_rate: -0.3333, errored: 0, scores: { exact: -0.6667, judge: 0 } },
  });
  expect(compared.targets[0].items.find((i: Json) => i.verdict === "regressed")).toMatchObject({ pass_rate: 0, baseline_pass_rate: 1 });
  // Every call, the judge's included, is logged like any other, marked with the experiment.
  for (;;) {
    const recent = await ok(api("GET", "/logs?limit=12"));
    const details = await Promise.all(recent.data.map((log: Json) => ok(api("GET", `/logs/${log.id}`))));
    if (details.filter((d) => d.experiment_id === created.id).length === 12) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  first = { id: created.id, plain, polite, dataset, datasetName: `Set ${marker}`, marker };

  const listed = await ok(api("GET", `/experiments?dataset_id=${dataset}`));
  expect(listed).toMatchObject({ total: 1, data: [{ id: created.id, status: "completed", progress: { done: 6 } }] });
  // Each target's pass rate in the list (what the prompt page shows per version), and the prompt filter.
  expect(listed.data[0].target_stats).toEqual([
    { target: 0, finished: 3, passed: 1, pass_rate: 0.3333 },
    { target: 1, finished: 3, passed: 0, pass_rate: 0 },
  ]);
  const byPrompt = await ok(api("GET", `/experiments?prompt_id=${polite}`));
  expect(byPrompt).toMatchObject({ total: 1, data: [{ id: created.id }] });
  expect((await api("GET", "/experiments?prompt_id=no-such-prompt")).status).toBe(404);
});

test("a failing target's cases are errored with the provider's message; the experiment completes; compare against another experiment", async () => {
  const saved = await ok(api("POST", "/scorers", { name: `exact ${stamp()}`, definition: { type: "exact_match" } }));
  const created = await ok(
    api("POST", "/experiments", {
      dataset_id: first.dataset,
      targets: [
        { prompt: first.plain },
        { prompt: `${first.plain}@draft`, model: "mock-error-400", name: "broken" },
        // The gateway config of a completion: the first option fails, the fallback answers.
        { prompt: first.plain, name: "fallback", config: { strategy: { mode: "fallback" }, targets: [{ override_params: { model: "mock-error-500" } }, {}] } },
      ],
      scorers: [{ scorer_id: saved.id }],
    }),
  );
  const done = await finished(api, created.id);
  expect(done.progress).toMatchObject({ done: 6, errored: 3 });
  expect(done.summary.targets[2]).toMatchObject({ done: 3, errored: 0, pass_rate: 0.6667 });
  expect(done.summary.targets[1]).toMatchObject({ errored: 3, pass_rate: 0, latency_p50_ms: null });
  const results = await allResults(api, created.id);
  expect(results.filter((r) => r.target === 1).every((r) => r.status === "errored" && typeof r.error === "string" && r.error.length > 0)).toBe(true);

  const compared = await ok(api("GET", `/experiments/${created.id}/compare?baseline=${first.id}`));
  expect(compared.baseline).toEqual({ experiment_id: first.id, target: null });
  // Target 0 is the baseline's target 0 scored by exact match alone: Rome, which the judge
  // failed there, passes now. Target 1 (all errored) against the baseline's target 1 (all failed).
  expect(compared.targets[0]).toMatchObject({ improved: 1, regressed: 0, unchanged: 2 });
  expect(compared.targets[0].deltas.pass_rate).toBe(0.3333);
  expect(compared.targets[1]).toMatchObject({ target: 1, baseline_target: 1, regressed: 0, unchanged: 3 });
  expect((await api("GET", `/experiments/${created.id}/compare`)).status).toBe(400);
  expect((await api("GET", `/experiments/nope/compare?baseline=${first.id}`)).status).toBe(404);
});

test("bad input is a 400 naming the field; unknown ids are 404s", async () => {
  const noPrompt = await api("POST", "/experiments", { dataset_id: first.dataset, targets: [{ prompt: "no-such-prompt" }] });
  expect(noPrompt.status).toBe(400);
  expect(noPrompt.json.error).toMatchObject({ param: "targets.0.prompt", code: "invalid_target" });
  const noTargets = await api("POST", "/experiments", { dataset_id: first.dataset, targets: [] });
  expect(noTargets.status).toBe(400);
  const badJudge = await api("POST", "/experiments", { dataset_id: first.dataset, targets: [{ prompt: first.plain }], scorers: [{ name: "j", definition: { type: "llm_judge", prompt: "nope" } }] });
  expect(badJudge.json.error).toMatchObject({ param: "scorers.0.definition.prompt", code: "invalid_scorer" });
  expect((await api("POST", "/experiments", { dataset_id: "nope", targets: [{ prompt: first.plain }] })).status).toBe(404);
  expect((await api("GET", "/experiments/nope")).status).toBe(404);
  expect((await api("GET", "/experiments/nope/results")).status).toBe(404);
  expect((await api("POST", "/experiments/nope/cancel")).status).toBe(404);
  // A finished experiment can't be cancelled.
  expect((await api("POST", `/experiments/${first.id}/cancel`)).status).toBe(409);
});

test("cancel: no call starts after it; what finished is kept", async () => {
  const marker = stamp();
  await mock.reset();
  const items = Array.from({ length: 8 }, (_, i) => ({ variables: { q: `${marker} ${i}` } }));
  const { prompt, dataset } = await fixtures(api, marker, items);
  const slow = await prompt("Slow", "{{q}}");
  const created = await ok(api("POST", "/experiments", { dataset_id: dataset, targets: [{ prompt: slow, model: "mock-slow-100" }], concurrency: 1 }));
  await finished(api, created.id, (e) => e.progress.done >= 1);
  const cancelled = await ok(api("POST", `/experiments/${created.id}/cancel`));
  expect(cancelled.status).toBe("cancelled");
  // Once the call in flight has finished, the calls made are exactly the cases finished.
  const settled = await finished(api, created.id, (e) => e.progress.running === 0, true);
  expect(settled.status).toBe("cancelled");
  expect(settled.progress.pending).toBeGreaterThan(0);
  expect(carrying(await mock.requests(), marker).length).toBe(settled.progress.done + settled.progress.errored);
  expect((await allResults(api, created.id)).filter((r) => r.status === "done").every((r) => r.output.startsWith("Mock answer to:"))).toBe(true);
  // Cancelling again is harmless.
  expect((await api("POST", `/experiments/${created.id}/cancel`)).status).toBe(200);
});

/** Runs the CI command against the shared server; its exit code and what it printed. */
function runEval(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/eval.mjs", ...args], {
      env: { ...process.env, PROMPTLY_URL: E2E.baseUrl, PROMPTLY_API_KEY: E2E.apiKey },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("the eval CLI exits 0 at or over the thresholds and 1 under them", async () => {
  // The plain prompt passes exact match on 2 of 3 items (Paris, Rome); the polite one on none.
  const passing = await runEval(["--prompt", first.plain, "--dataset", first.datasetName, "--scorer", "exact_match", "--min-pass-rate", "0.6"]);
  expect(passing.code, passing.stdout + passing.stderr).toBe(0);
  expect(passing.stdout).toContain("66.7%");
  expect(passing.stdout).toContain("PASSED");

  const under = await runEval(["--prompt", first.plain, "--dataset", first.dataset, "--scorer", "exact_match", "--min-pass-rate", "0.9", "--json"]);
  expect(under.code, under.stdout + under.stderr).toBe(1);
  expect(JSON.parse(under.stdout)).toMatchObject({ status: "completed", passed: false, summary: [{ pass_rate: 0.6667 }] });

  // Against the plain prompt as baseline the polite one regresses on Paris and Rome.
  const gate = ["--prompt", `${first.polite}@1`, "--dataset", first.dataset, "--scorer", "exact_match", "--baseline", first.plain, "--json"];
  const allowed = await runEval([...gate, "--max-regressions", "2"]);
  expect(allowed.code, allowed.stdout + allowed.stderr).toBe(0);
  expect(JSON.parse(allowed.stdout).comparison).toMatchObject({ improved: 0, regressed: 2, unchanged: 1 });
  const tooMany = await runEval([...gate, "--max-regressions", "1"]);
  expect(tooMany.code, tooMany.stdout + tooMany.stderr).toBe(1);

  const misuse = await runEval(["--dataset", first.dataset]);
  expect(misuse.code).toBe(2);
  expect(misuse.stderr).toContain("--prompt and --dataset are required");
});

test.describe("a server killed mid-run", () => {
  let server: OwnServer | null = null;
  test.afterAll(async () => {
    await server?.stop("SIGKILL");
  });

  test("continues on restart: every case done once; only a case in flight at the kill is called again", async () => {
    test.setTimeout(180_000);
    const dir = path.join(E2E.dataDir, `experiments-kill-${Date.now()}`);
    const env = { ...(await ownPostgresSchema(`experiments_kill_${process.pid}`)), PROMPTLY_EXPERIMENT_LEASE_MS: "1500" };
    const port = E2E.port + 41;
    server = await startOwnServer(port, dir, env);
    const own = client(server.baseUrl);
    const marker = stamp();
    await mock.reset();
    const items = Array.from({ length: 10 }, (_, i) => ({ variables: { q: `${marker} item ${i}` } }));
    const { prompt, dataset } = await fixtures(own, marker, items);
    const slow = await prompt("Slow", "{{q}}");
    const created = await ok(own("POST", "/experiments", { dataset_id: dataset, targets: [{ prompt: slow, model: "mock-slow-150" }], concurrency: 2 }));
    await finished(own, created.id, (e) => e.progress.done >= 3);
    await server.stop("SIGKILL");

    server = await startOwnServer(port, dir, env);
    const done = await finished(own, created.id);
    expect(done.progress).toEqual({ total: 10, pending: 0, running: 0, done: 10, errored: 0 });
    const results = await allResults(own, created.id);
    expect(new Set(results.map((r) => r.item_id)).size).toBe(10);
    const calls = carrying(await mock.requests(), marker);
    for (const result of results) {
      const q = String(result.output).replace("Mock answer to: ", "");
      const made = carrying(calls, `"${q}"`).length;
      // A case taken again after the kill was held by the dead runner: in flight (called again)
      // or claimed ahead of a free worker (not called before).
      if (result.attempts === 1) expect(made, q).toBe(1);
      else expect(made, q).toBeLessThanOrEqual(result.attempts);
    }
    // The dead runner held at most two batches of two (one in flight, the next claimed ahead)...
    expect(results.filter((r) => r.attempts > 1).length).toBeLessThanOrEqual(4);
    // ...and only the two in flight can have been called twice.
    expect(calls.length).toBeGreaterThanOrEqual(10);
    expect(calls.length).toBeLessThanOrEqual(12);
  });
});
