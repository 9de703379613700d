#!/usr/bin/env node
// `npm run bench`: Promptly's completion endpoint against the physical limit (the mock
// provider called directly) and Portkey's open-source gateway, side by side, on 127.0.0.1.
// See bench/README.md. Every process it starts runs in its own process group and is killed
// on exit, error, SIGINT or SIGTERM; every loop is bounded in count and time.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { heapFlag } from "../scripts/heap-cap.mjs";
import { ensurePortkeyGateway, PORTKEY_GATEWAY_VERSION } from "./lib/cache-install.mjs";
import { latencyRun, streamRun } from "./lib/client.mjs";
import { manyStreamsRun } from "./lib/many-streams.mjs";
import { EVAL_SCENARIOS, evalMarkdown, runEvalScenarios } from "./lib/evals.mjs";
import { createLoader, killLoaders } from "./lib/loader.mjs";
import { LOG_SCENARIOS, logsMarkdown, runLogScenarios } from "./lib/logs.mjs";
import { parseOptions } from "./lib/options.mjs";
import { cpuMs, describeTree, isLoopback, listeningAddresses, processTree, RssSampler, startForeignLoad } from "./lib/proc-stats.mjs";
import { summarizeProfiles } from "./lib/profile-summary.mjs";
import { freePort, killAllSync, startProcess, stopAll, stopProcess, waitForHttp } from "./lib/procs.mjs";
import { computeRatios, computeVerdicts, summarizeRuns, TARGET_LABELS, toMarkdown } from "./lib/report.mjs";
import { percentile } from "./lib/stats.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = path.join(root, "bench", ".cache");
const logDir = path.join(cacheDir, "logs");
const profileDir = path.join(cacheDir, "profiles");
const startedAt = Date.now();

const log = (line) => console.log(`[bench] ${line}`);

/** What the mock answers in each scenario (its default behaviour, set before every run). */
const NON_STREAM_BEHAVIOR = { tokens: 32 };
const STREAM_BEHAVIOR = { tokens: 32, tokenDelayMs: 2 };

const SCENARIOS = {
  ns1: { title: "non-stream c=1", kind: "latency", stream: false, behavior: NON_STREAM_BEHAVIOR },
  ns64: { title: "non-stream c=64", kind: "load", stream: false, behavior: NON_STREAM_BEHAVIOR },
  s1: { title: "stream c=1 (32 tokens, 2 ms apart)", kind: "stream", stream: true, behavior: STREAM_BEHAVIOR },
  s64: { title: "stream c=64 (32 tokens, 2 ms apart)", kind: "load", stream: true, behavior: STREAM_BEHAVIOR },
  // Its behaviour (how long the streams last) comes from the options, in main().
  streams2k: { title: "2,000 concurrent streams (a token every 50 ms)", kind: "many", stream: true, behavior: null },
};

// The prompt under test: a chat template with 3 variables and a partial.
const VARIABLES = { persona: "a patient senior engineer", topic: "HTTP keep-alive", style: "three short bullet points" };
const PARTIAL_TEMPLATE = "Stay in character as {{persona}}; be brief and accurate, and say so when you are unsure.";

async function main() {
  const opts = parseOptions();
  if (opts.help) {
    console.log(opts.helpText);
    return 0;
  }
  if (opts.render) return renderOnly(opts);
  const deadline = setTimeout(() => {
    console.error(`[bench] deadline of ${opts.deadlineMs / 60_000} min reached: stopping everything`);
    shutdown(3);
  }, opts.deadlineMs);
  deadline.unref();

  fs.mkdirSync(logDir, { recursive: true });
  SCENARIOS.streams2k.behavior = { tokens: opts.manySeconds * 20, tokenDelayMs: 50, stampTokens: true };
  SCENARIOS.streams2k.title = `${opts.manyStreams} concurrent streams, ${opts.manySeconds} s each (a token every 50 ms)`;
  // The previous full run, shown beside this one (read before anything is overwritten).
  const previous = readPrevious(path.join(root, "bench", "results", "latest.json"));
  // The gateway scenarios run against every target; eval and import against Promptly only.
  const scenarios = opts.scenarios.filter((s) => !EVAL_SCENARIOS.includes(s) && !LOG_SCENARIOS.includes(s));
  const evalScenarios = opts.scenarios.filter((s) => EVAL_SCENARIOS.includes(s));
  const needsLoader = scenarios.some((s) => SCENARIOS[s].kind === "load");
  const loader = needsLoader ? createLoader(opts.loader, { cacheDir, log, wrkThreads: opts.wrkThreads }) : { name: "none", version: "", settings: "" };
  const portkeyEntry = opts.targets.includes("portkey") ? ensurePortkeyGateway(cacheDir, log) : null;

  // 1. The mock provider (the repo's own).
  const mockPort = await freePort();
  const mock = startProcess("mock provider", process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "scripts/mock-provider.ts", "--port", String(mockPort), "--host", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env },
    logFile: path.join(logDir, "mock.log"),
  });
  const mockUrl = `http://127.0.0.1:${mockPort}`;
  const mockControl = async (route, body) => {
    const res = await fetch(`${mockUrl}/__mock/${route}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`mock /__mock/${route}: HTTP ${res.status}`);
    return res.json();
  };
  /** Forgets the recorded requests (bounds the mock's memory) and sets the answer. */
  const resetMock = async (behavior) => {
    await mockControl("reset", {});
    await mockControl("behavior", behavior);
  };

  // 2. Promptly: a production build on a fresh database (`scripts/start.mjs` builds if stale).
  const promptlyPort = await freePort();
  const dbFile = path.join(cacheDir, "bench.db");
  // One file per serving process ({pid}): with workers, each writes its own.
  const statsFile = path.join(cacheDir, "promptly-stats-{pid}.json");
  if (!opts.keepDb) for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${dbFile}${suffix}`, { force: true });
  const apiKey = `pk-bench-${randomBytes(32).toString("hex")}`;
  const promptlyEnv = {
    ...process.env,
    PORT: String(promptlyPort),
    HOST: "127.0.0.1",
    DATABASE_URL: `file:${dbFile}`,
    PROMPTLY_DATA_DIR: path.join(cacheDir, "data"),
    PROMPTLY_SECRET_KEY: randomBytes(32).toString("hex"),
    PROMPTLY_BOOTSTRAP_API_KEY: apiKey,
    // One process unless asked (the default is one per core), so that runs compare: a
    // PROMPTLY_WORKERS=2 run fills the table's "2 workers" column.
    PROMPTLY_WORKERS: process.env.PROMPTLY_WORKERS || "1",
    // The mock is a local address, which provider calls may only reach when allowed.
    PROMPTLY_ALLOWED_PROVIDER_HOSTS: `127.0.0.1:${mockPort}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // Event-loop delay, GC and memory, in windows the bench opens and closes with SIGUSR2.
    PROMPTLY_STATS_FILE: statsFile,
  };
  for (const file of statsFiles(statsFile)) fs.rmSync(file, { force: true });
  if (opts.profile) {
    fs.rmSync(profileDir, { recursive: true, force: true });
    fs.mkdirSync(profileDir, { recursive: true });
    promptlyEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(root, "bench/lib/cpu-profile-preload.cjs")}`.trim();
    promptlyEnv.BENCH_CPU_PROF_DIR = profileDir;
  }
  log(`starting the mock provider (:${mockPort}) and Promptly (:${promptlyPort}; builds first if the sources changed, logs in bench/.cache/logs)…`);
  const startPromptly = () => startProcess("Promptly", process.execPath, [heapFlag(promptlyEnv), "scripts/start.mjs"], { cwd: root, env: promptlyEnv, logFile: path.join(logDir, "promptly.log") });
  let promptly = startPromptly();

  // 3. Portkey's gateway, bound to 127.0.0.1 by the preload.
  let portkey = null;
  let portkeyPort = null;
  if (portkeyEntry) {
    portkeyPort = await freePort();
    portkey = startProcess("Portkey gateway", process.execPath, ["--require", path.join(root, "bench/lib/loopback-only.cjs"), portkeyEntry, `--port=${portkeyPort}`, "--headless"], {
      cwd: path.dirname(portkeyEntry),
      env: { ...process.env, NODE_ENV: "production" },
      logFile: path.join(logDir, "portkey.log"),
    });
  }

  // 4. The bare relay: the floor of the extra hop any gateway adds.
  let relay = null;
  let relayPort = null;
  if (opts.targets.includes("relay")) {
    relayPort = await freePort();
    relay = startProcess("bare relay", process.execPath, [path.join(root, "bench/lib/bare-relay.mjs"), String(relayPort), mockUrl], { cwd: root, env: { ...process.env }, logFile: path.join(logDir, "relay.log") });
  }

  await waitForHttp(`${mockUrl}/__mock/health`, mock, 60_000);
  if (relay) await waitForHttp(`http://127.0.0.1:${relayPort}/__mock/health`, relay, 60_000);
  if (portkey) await waitForHttp(`http://127.0.0.1:${portkeyPort}/`, portkey, 60_000);
  // In a shared working tree someone else's `next build` may hold .next: wait, bounded.
  for (let attempt = 1; ; attempt++) {
    try {
      await waitForHttp(`http://127.0.0.1:${promptlyPort}/api/health`, promptly, 480_000);
      break;
    } catch (error) {
      const busy = /Another next build process is already running/.test(fs.readFileSync(promptly.logFile, "utf8"));
      if (!busy || attempt >= 12) throw error;
      log(`another \`next build\` is running in this working tree: retrying in 15 s (${attempt}/11)…`);
      await new Promise((r) => setTimeout(r, 15_000));
      promptly = startPromptly();
    }
  }
  const servers = { mock, promptly, ...(portkey ? { portkey } : {}), ...(relay ? { relay } : {}) };
  for (const [name, handle] of Object.entries(servers)) {
    const bad = listeningAddresses(processTree(handle.pid)).filter((a) => !isLoopback(a.host));
    if (bad.length) throw new Error(`${name} listens beyond loopback: ${bad.map((a) => `${a.host}:${a.port}`).join(", ")}`);
  }
  const promptlyBuild = promptlyBuildId();
  log(`all servers up on 127.0.0.1 only (${((Date.now() - startedAt) / 1000).toFixed(0)} s); Promptly build ${promptlyBuild}`);
  const loadAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);

  // 5. The prompt, through Promptly's admin API, rendered once.
  const admin = async (method, route, body, headers = { "content-type": "application/json" }) => {
    const res = await fetch(`http://127.0.0.1:${promptlyPort}${route}`, {
      method,
      headers: { ...headers, "x-portkey-api-key": apiKey },
      body: body === undefined || typeof body === "string" ? body : JSON.stringify(body),
    });
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`Promptly ${method} ${route}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const tag = randomBytes(3).toString("hex");
  const vk = await admin("POST", "/v1/virtual-keys", { name: `bench mock ${tag}`, provider: "openai", key: "sk-bench", custom_host: `${mockUrl}/v1` });
  const partial = await admin("POST", "/v1/prompts/partials", { name: `bench guidelines ${tag}`, string: PARTIAL_TEMPLATE });
  const prompt = await admin("POST", "/v1/prompts", {
    name: `bench prompt ${tag}`,
    string: JSON.stringify([
      { role: "system", content: `You are {{persona}}. {{>${partial.slug}}}` },
      { role: "user", content: "Tell me about {{topic}} in {{style}}" },
    ]),
    parameters: { model: "gpt-4o-mini", max_tokens: 64 },
    virtual_key: vk.slug,
  });
  const rendered = (await admin("POST", `/v1/prompts/${prompt.id}/render`, { variables: VARIABLES })).data;

  const jsonHeaders = { "content-type": "application/json" };
  const targets = {
    direct: { port: mockPort, path: "/v1/chat/completions", headers: { ...jsonHeaders, authorization: "Bearer sk-bench" }, body: (stream) => JSON.stringify({ ...rendered, stream }), pid: mock.pid },
    relay: relay && { port: relayPort, path: "/v1/chat/completions", headers: { ...jsonHeaders, authorization: "Bearer sk-bench" }, body: (stream) => JSON.stringify({ ...rendered, stream }), pid: relay.pid },
    portkey: portkey && {
      port: portkeyPort,
      path: "/v1/chat/completions",
      headers: { ...jsonHeaders, "x-portkey-provider": "openai", "x-portkey-custom-host": `${mockUrl}/v1`, authorization: "Bearer anything" },
      body: (stream) => JSON.stringify({ ...rendered, stream }),
      pid: portkey.pid,
    },
    promptly: {
      port: promptlyPort,
      path: `/v1/prompts/${prompt.id}/completions`,
      headers: { ...jsonHeaders, "x-portkey-api-key": apiKey },
      body: (stream) => JSON.stringify({ variables: VARIABLES, stream }),
      pid: promptly.pid,
    },
  };
  const active = opts.targets;

  // The same request must reach the mock from every target.
  const upstreamCheck = await checkSameUpstream(active, targets, resetMock, mockControl);
  log(`upstream request check: ${upstreamCheck.summary}`);

  // 6. Warm-up, then the scenarios, repetitions interleaved across targets.
  const sampler = new RssSampler(100);
  const quickFactor = opts.quick ? 0.5 : 1;
  for (const name of active) {
    const t = targets[name];
    await resetMock(NON_STREAM_BEHAVIOR);
    await latencyRun(t, t.body(false), { count: Math.round(300 * quickFactor), maxMs: 8000 });
    if (needsLoader) await loader.run({ url: `http://127.0.0.1:${t.port}${t.path}`, body: t.body(false), headers: t.headers, connections: opts.connections, durationS: opts.quick ? 1 : 2 });
    await resetMock(STREAM_BEHAVIOR);
    await streamRun(t, t.body(true), { count: Math.round(30 * quickFactor), maxMs: 5000 });
    if (needsLoader) await loader.run({ url: `http://127.0.0.1:${t.port}${t.path}`, body: t.body(true), headers: t.headers, connections: opts.connections, durationS: opts.quick ? 1 : 2 });
    log(`warmed up ${TARGET_LABELS[name]}`);
  }

  const loopStats = promptlyLoopStats(promptly, statsFile, Number(promptlyEnv.PROMPTLY_WORKERS));
  const runs = Object.fromEntries(active.map((t) => [t, {}]));
  const mockCpu = Object.fromEntries(active.map((t) => [t, {}]));
  for (const scenario of scenarios) {
    const sc = SCENARIOS[scenario];
    for (let rep = 1; rep <= opts.reps; rep++) {
      for (const name of active) {
        const t = targets[name];
        await resetMock(sc.behavior);
        const pids = processTree(t.pid);
        const mockPids = processTree(mock.pid);
        sampler.watch(name, pids);
        sampler.start();
        const cpu0 = cpuMs(pids);
        const mockCpu0 = cpuMs(mockPids);
        const foreign = startForeignLoad();
        const connections0 = (await mockControl("stats")).connectionsOpened;
        if (name === "promptly") await loopStats.open();
        const wall0 = performance.now();
        const record = await measure(sc, t, opts, loader);
        const wallMs = performance.now() - wall0;
        if (name === "promptly") Object.assign(record, await loopStats.close());
        record.newUpstreamConns = (await mockControl("stats")).connectionsOpened - connections0;
        Object.assign(record, foreign());
        sampler.stop();
        const cpuUsed = cpuMs(pids) - cpu0;
        record.cpuMsPerReq = record.n > 0 ? cpuUsed / record.n : null;
        record.cpuPctOfCore = (cpuUsed / wallMs) * 100;
        record.peakRssMb = sampler.peak(name);
        record.peakRssServerMb = sampler.peakLargest(name);
        if (name !== "direct") (mockCpu[name][scenario] ??= []).push(record.n > 0 ? (cpuMs(mockPids) - mockCpu0) / record.n : null);
        sampler.trees.delete(name);
        (runs[name][scenario] ??= []).push(record);
        log(`${sc.title} · rep ${rep}/${opts.reps} · ${TARGET_LABELS[name]}: ${describeRecord(sc, record)}`);
      }
    }
  }

  // 7. Evaluations: an experiment and a dataset import, against Promptly only.
  const evals = evalScenarios.length && active.includes("promptly") ? await runEvalScenarios({ admin, resetMock, promptlyPid: promptly.pid, virtualKey: vk.slug, quick: opts.quick, scenarios: evalScenarios, log }) : {};

  // 7b. The log explorer on a big log table, against Promptly only (last: it seeds a million rows).
  const logs = opts.scenarios.includes("logs") && active.includes("promptly")
    ? await runLogScenarios({ root, base: `http://127.0.0.1:${promptlyPort}`, apiKey, env: promptlyEnv, promptlyPid: promptly.pid, promptId: prompt.id, variables: VARIABLES, quick: opts.quick, log })
    : null;

  // 8. The report.
  const processes = {};
  for (const name of active) processes[name] = describeTree(processTree(targets[name].pid));
  const summary = summarizeRuns(runs);
  const ratios = computeRatios(summary);
  const workersRun = readWorkersRun(opts);
  const verdicts = computeVerdicts(ratios, summary, workersRun);
  const cpus = os.cpus();
  const results = {
    meta: {
      date: new Date().toISOString(),
      machine: { cores: cpus.length, cpuModel: cpus[0]?.model?.trim() ?? "unknown", memGb: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), node: process.version },
      loader: { name: loader.name, version: loader.version, settings: loader.settings },
      portkeyGateway: opts.targets.includes("portkey") ? PORTKEY_GATEWAY_VERSION : "not run",
      promptlyBuild,
      promptlyWorkers: Number(promptlyEnv.PROMPTLY_WORKERS),
      loadAverage: { atStart: loadAtStart, atEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
      quick: opts.quick,
      profile: opts.profile,
      reps: opts.reps,
      scenarios,
      settings: {
        requestsC1: opts.requests,
        streamsC1: opts.streams,
        loadSeconds: opts.durationS,
        connections: opts.connections,
        c1MaxMs: opts.c1MaxMs,
        manyStreams: opts.manyStreams,
        manySeconds: opts.manySeconds,
        mock: { nonStream: NON_STREAM_BEHAVIOR, stream: STREAM_BEHAVIOR, streams2k: SCENARIOS.streams2k.behavior },
      },
      request: { model: rendered.model, messages: Array.isArray(rendered.messages) ? rendered.messages.length : 0 },
      processes,
      elapsedMinutes: Math.max(1, Math.round((Date.now() - startedAt) / 60_000)),
    },
    targets: active,
    request: { rendered, promptlyBody: JSON.parse(targets.promptly.body(false)), upstreamCheck },
    summary,
    ratios,
    verdicts,
    mockCpuMsPerReq: mockCpu,
    runs,
    evals,
    logs,
    // Only Promptly's numbers of the run before, for the column beside this run's.
    previous,
    workersRun,
  };

  if (opts.profile) {
    log("stopping Promptly gracefully so that its CPU profiles are written…");
    await stopProcess(promptly, 15_000);
    results.profiles = summarizeProfiles(profileDir);
  }

  const markdown = [toMarkdown(results), evalMarkdown(evals), logsMarkdown(logs)].filter(Boolean).join("\n");
  const prefix = opts.out ? path.resolve(opts.out) : opts.partial ? path.join(cacheDir, "partial") : path.join(root, "bench", "results", "latest");
  fs.mkdirSync(path.dirname(prefix), { recursive: true });
  fs.writeFileSync(`${prefix}.md`, markdown);
  fs.writeFileSync(`${prefix}.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\n${markdown}`);
  if (results.profiles) console.log(results.profiles.text);
  log(`written ${path.relative(root, prefix)}.md and .json in ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`);
  return 0;
}

async function measure(sc, t, opts, loader) {
  const body = t.body(sc.stream);
  if (sc.kind === "latency") {
    const r = await latencyRun(t, body, { count: opts.requests, maxMs: opts.c1MaxMs });
    const s = r.samples;
    return { n: s.length, errors: r.errors, firstError: r.firstError, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / (s.length || 1) };
  }
  if (sc.kind === "many") {
    const tokens = sc.behavior.tokens;
    const r = await manyStreamsRun(t, body, { streams: opts.manyStreams, tokens, maxMs: (opts.manySeconds + 60) * 1000 });
    return { ...r, n: r.completed, completedPct: (r.completed / r.streams) * 100 };
  }
  if (sc.kind === "stream") {
    const r = await streamRun(t, body, { count: opts.streams, maxMs: opts.c1MaxMs });
    const col = (key) => r.streams.map((x) => x[key]);
    return {
      n: r.streams.length,
      errors: r.errors,
      firstError: r.firstError,
      ttfbP50: percentile(col("ttfb"), 50),
      ttfbP90: percentile(col("ttfb"), 90),
      ttftP50: percentile(col("ttft"), 50),
      ttftP90: percentile(col("ttft"), 90),
      ttftP99: percentile(col("ttft"), 99),
      totalP50: percentile(col("total"), 50),
      spreadP50: percentile(col("spread"), 50),
      spreadMin: r.streams.length ? Math.min(...col("spread")) : null,
      readsP50: percentile(col("reads"), 50),
      maxBurstP50: percentile(col("maxBurst"), 50),
      maxBurstMax: r.streams.length ? Math.max(...col("maxBurst")) : null,
      tokensP50: percentile(col("tokens"), 50),
    };
  }
  const r = await loader.run({ url: `http://127.0.0.1:${t.port}${t.path}`, body, headers: t.headers, connections: opts.connections, durationS: opts.durationS });
  return { n: r.requests, errors: r.socketErrors + r.non2xx, rps: r.rps, p50: r.latencyMs.p50, p90: r.latencyMs.p90, p99: r.latencyMs.p99, durationS: r.durationS };
}

function describeRecord(sc, r) {
  const ms = (v) => (v === null || v === undefined ? "n/a" : v.toFixed(2));
  const errors = r.errors ? ` · ${r.errors} ERRORS${r.firstError ? ` (${r.firstError})` : ""}` : "";
  const cpu = `cpu ${ms(r.cpuMsPerReq)} ms/req · rss ${Math.round(r.peakRssMb ?? 0)} MB`;
  if (sc.kind === "latency") return `n=${r.n} p50 ${ms(r.p50)} p90 ${ms(r.p90)} p99 ${ms(r.p99)} ms · ${cpu}${errors}`;
  if (sc.kind === "many") return `${r.completed}/${r.streams} completed · chunk delay p50 ${ms(r.chunkDelayP50)} p99 ${ms(r.chunkDelayP99)} ms · headers p99 ${ms(r.headersP99)} max ${ms(r.headersMax)} ms · ${cpu}${errors}`;
  if (sc.kind === "stream") return `n=${r.n} ttfb ${ms(r.ttfbP50)} ttft ${ms(r.ttftP50)} total ${ms(r.totalP50)} spread ${ms(r.spreadP50)} ms, burst ${r.maxBurstP50} · ${cpu}${errors}`;
  return `${Math.round(r.rps)}/s (n=${r.n}) p50 ${ms(r.p50)} p99 ${ms(r.p99)} ms · ${cpu}${errors}`;
}

/** One request per target; the bodies the mock received must match (stream flag aside). */
async function checkSameUpstream(active, targets, resetMock, mockControl) {
  const seen = {};
  for (const stream of [false, true]) {
    for (const name of active) {
      await resetMock(stream ? STREAM_BEHAVIOR : NON_STREAM_BEHAVIOR);
      const t = targets[name];
      const r = stream ? await streamRun(t, t.body(true), { count: 1, maxMs: 10_000 }) : await latencyRun(t, t.body(false), { count: 1, maxMs: 10_000 });
      if (r.errors) throw new Error(`${TARGET_LABELS[name]} fails a ${stream ? "stream" : "non-stream"} request: ${r.firstError}`);
      const recorded = (await mockControl("requests")).filter((q) => q.path === "/v1/chat/completions");
      if (recorded.length !== 1) throw new Error(`${TARGET_LABELS[name]}: the mock saw ${recorded.length} chat requests for one call`);
      seen[`${name}${stream ? " stream" : ""}`] = recorded[0].body;
    }
  }
  // Key order aside (Portkey's gateway re-serialises the body), the JSON must be the same.
  const canonical = (value) =>
    JSON.stringify(value, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v));
  if (seen.direct === undefined) return { summary: "not checked (the direct target did not run)", direct: null, differences: [] };
  const reference = canonical(seen.direct);
  const referenceStream = canonical(seen["direct stream"]);
  const differences = [];
  for (const [key, body] of Object.entries(seen)) {
    const want = key.endsWith("stream") ? referenceStream : reference;
    if (canonical(body) !== want) differences.push({ target: key, body });
  }
  const summary = differences.length
    ? `bodies DIFFER from the direct one for ${differences.map((d) => d.target).join(", ")} (see the JSON)`
    : `the mock received the same JSON body (key order aside) from ${active.map((t) => TARGET_LABELS[t]).join(", ")}, non-stream and stream`;
  return { summary, direct: seen.direct, differences };
}

/** The stats files of PROMPTLY_STATS_FILE's pattern: one per process that wrote one. */
function statsFiles(pattern) {
  const dir = path.dirname(pattern);
  const [head, tail] = path.basename(pattern).split("{pid}");
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => name.startsWith(head) && name.endsWith(tail)).map((name) => path.join(dir, name));
}

/**
 * Promptly's event-loop delay and GC over exactly one run: PROMPTLY_STATS_FILE windows
 * (lib/core/process-stats.ts), opened and closed with SIGUSR2 around the run (the cluster's
 * primary passes it to every worker). With workers: the worst worker's delay and longest GC
 * pause, and their GC time summed.
 */
function promptlyLoopStats(handle, pattern, workers) {
  let signals = 0;
  const signal = () => {
    process.kill(handle.pid, "SIGUSR2");
    signals++;
  };
  const closedWindows = (want) => {
    const windows = [];
    for (const file of statsFiles(pattern)) {
      try {
        const { closed } = JSON.parse(fs.readFileSync(file, "utf8"));
        if (closed?.seq === want) windows.push(closed);
      } catch {
        // not written yet, or being replaced
      }
    }
    return windows;
  };
  return {
    open: async () => signal(),
    async close() {
      signal();
      const want = signals - 1;
      for (let i = 0; i < 150; i++) {
        const windows = closedWindows(want);
        if (windows.length >= Math.max(1, workers)) {
          const most = (pick) => Math.max(...windows.map(pick));
          return {
            loopP50Ms: most((w) => w.eventLoopDelayMs.p50),
            loopP99Ms: most((w) => w.eventLoopDelayMs.p99),
            loopMaxMs: most((w) => w.eventLoopDelayMs.max),
            gcMajorMaxMs: most((w) => w.gc.majorMaxMs),
            gcTotalMs: windows.reduce((sum, w) => sum + w.gc.totalMs, 0),
          };
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      log("Promptly's stats files did not show the closed window (PROMPTLY_STATS_FILE): event-loop numbers missing for this run");
      return {};
    },
  };
}

/**
 * Promptly's numbers from a run with several workers (`--workers-run`, else
 * bench/.cache/workers2.json when there is one), for the "2 workers" column.
 */
function readWorkersRun(opts) {
  const file = opts.workersRun ? path.resolve(opts.workersRun) : path.join(cacheDir, "workers2.json");
  if (!fs.existsSync(file)) {
    if (opts.workersRun) log(`--workers-run: ${file} does not exist`);
    return null;
  }
  const run = JSON.parse(fs.readFileSync(file, "utf8"));
  return { file: path.relative(root, file), date: run.meta.date, promptlyBuild: run.meta.promptlyBuild, workers: run.meta.promptlyWorkers ?? null, summary: run.summary.promptly ?? {} };
}

/** `--render=FILE`: the verdicts and the report of a stored run again, with today's targets. */
function renderOnly(opts) {
  const file = path.resolve(opts.render);
  const results = JSON.parse(fs.readFileSync(file, "utf8"));
  results.workersRun = readWorkersRun(opts) ?? results.workersRun ?? null;
  results.ratios = computeRatios(results.summary);
  results.verdicts = computeVerdicts(results.ratios, results.summary, results.workersRun);
  const markdown = [toMarkdown(results), evalMarkdown(results.evals), logsMarkdown(results.logs)].filter(Boolean).join("\n");
  const prefix = file.replace(/\.json$/, "");
  fs.writeFileSync(`${prefix}.md`, markdown);
  fs.writeFileSync(`${prefix}.json`, `${JSON.stringify(results, null, 2)}\n`);
  console.log(markdown);
  log(`re-rendered ${path.relative(root, prefix)}.md and .json`);
  return 0;
}

/** Promptly's summary of the last full run, if there is one. */
function readPrevious(file) {
  try {
    const old = JSON.parse(fs.readFileSync(file, "utf8"));
    return { date: old.meta.date, promptlyBuild: old.meta.promptlyBuild, summary: old.summary.promptly ?? {} };
  } catch {
    return null;
  }
}

function promptlyBuildId() {
  const read = (file) => {
    try {
      return fs.readFileSync(path.join(root, ".next", file), "utf8").trim();
    } catch {
      return "?";
    }
  };
  return `${read("BUILD_ID")} (sources ${read("promptly-build-hash").slice(0, 12)})`;
}

let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  killLoaders();
  try {
    await stopAll(3000);
  } finally {
    process.exit(code);
  }
}

process.on("exit", () => {
  killLoaders();
  killAllSync();
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(signal, () => {
    console.error(`\n[bench] ${signal}: stopping every process it started`);
    shutdown(130);
  });
}

main().then(
  (code) => shutdown(code),
  (error) => {
    // Once stopping (SIGINT, deadline), in-flight runs fail as their servers go: not news.
    if (!shuttingDown) console.error(`[bench] failed: ${error.stack ?? error}`);
    shutdown(1);
  },
);
