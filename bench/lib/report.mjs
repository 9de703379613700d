// Turns the raw runs into medians (min–max), the target ratios, PASS/FAIL verdicts,
// and a Markdown table.
import { round, summarize } from "./stats.mjs";

export const TARGET_LABELS = { direct: "Direct (mock)", relay: "Bare Node relay", portkey: "Portkey gateway", promptly: "Promptly" };

/** Per target, per scenario, per metric: {median, min, max, values} over the repetitions. */
export function summarizeRuns(runs) {
  const out = {};
  for (const [target, byScenario] of Object.entries(runs)) {
    out[target] = {};
    for (const [scenario, reps] of Object.entries(byScenario)) {
      const metrics = {};
      for (const key of Object.keys(reps[0] ?? {})) {
        if (typeof reps[0][key] === "number") metrics[key] = summarize(reps.map((r) => r[key]));
      }
      metrics.errors = { median: reps.reduce((s, r) => s + (r.errors ?? 0), 0) };
      out[target][scenario] = metrics;
    }
  }
  return out;
}

const med = (summary, target, scenario, metric) => summary[target]?.[scenario]?.[metric]?.median ?? null;

export function computeRatios(s) {
  const diff = (a, b) => (a === null || b === null ? null : a - b);
  const ratio = (a, b) => (a === null || b === null || b === 0 ? null : a / b);
  const added = (target) => diff(med(s, target, "ns1", "p50"), med(s, "direct", "ns1", "p50"));
  const addedTtft = (target) => diff(med(s, target, "s1", "ttftP50"), med(s, "direct", "s1", "ttftP50"));
  const addedTtfb = (target) => diff(med(s, target, "s1", "ttfbP50"), med(s, "direct", "s1", "ttfbP50"));
  const peakC64 = (target) => {
    const peaks = ["ns64", "s64"].map((sc) => s[target]?.[sc]?.peakRssMb?.max ?? null).filter((v) => v !== null);
    return peaks.length ? Math.max(...peaks) : null;
  };
  const peakServerC64 = (target) => {
    const peaks = ["ns64", "s64"].map((sc) => s[target]?.[sc]?.peakRssServerMb?.max ?? null).filter((v) => v !== null);
    return peaks.length ? Math.max(...peaks) : null;
  };
  const peakAll = (target) => {
    const peaks = Object.values(s[target] ?? {}).map((m) => m.peakRssMb?.max ?? null).filter((v) => v !== null);
    return peaks.length ? Math.max(...peaks) : null;
  };
  const r = {};
  for (const t of ["relay", "portkey", "promptly"]) {
    r[t] = {
      addedP50Ms: added(t),
      addedP99Ms: diff(med(s, t, "ns1", "p99"), med(s, "direct", "ns1", "p99")),
      p99C1: med(s, t, "ns1", "p99"),
      p99C64: med(s, t, "ns64", "p99"),
      streamP99C64: med(s, t, "s64", "p99"),
      rpsC64: med(s, t, "ns64", "rps"),
      cpuMsPerReqC64: med(s, t, "ns64", "cpuMsPerReq"),
      streamsPerSecC64: med(s, t, "s64", "rps"),
      cpuMsPerStreamC64: med(s, t, "s64", "cpuMsPerReq"),
      addedTtfbMs: addedTtfb(t),
      addedTtftMs: addedTtft(t),
      tokenSpreadMs: med(s, t, "s1", "spreadP50"),
      peakRssMbC64: peakC64(t),
      peakRssServerMbC64: peakServerC64(t),
      peakRssMbAll: peakAll(t),
    };
  }
  r.promptlyVsPortkey = {
    addedP50: ratio(r.promptly.addedP50Ms, r.portkey.addedP50Ms),
    rpsC64: ratio(r.promptly.rpsC64, r.portkey.rpsC64),
    cpuMsPerReqC64: ratio(r.promptly.cpuMsPerReqC64, r.portkey.cpuMsPerReqC64),
    streamsPerSecC64: ratio(r.promptly.streamsPerSecC64, r.portkey.streamsPerSecC64),
  };
  r.direct = {
    p50Ms: med(s, "direct", "ns1", "p50"),
    rpsC64: med(s, "direct", "ns64", "rps"),
    ttftMs: med(s, "direct", "s1", "ttftP50"),
    tokenSpreadMs: med(s, "direct", "s1", "spreadP50"),
    streamsPerSecC64: med(s, "direct", "s64", "rps"),
  };
  return r;
}

const f = (v, digits = 2) => (v === null || v === undefined ? "n/a" : String(round(v, digits)));
const signed = (v, digits = 2) => (v === null || v === undefined ? "n/a" : `${v >= 0 ? "+" : ""}${round(v, digits)}`);

export function computeVerdicts(r, summary, workersRun = null) {
  const v = [];
  const verdict = (target, ok, detail) => v.push({ target, verdict: ok === null ? "n/a" : ok ? "PASS" : "FAIL", detail });
  const both = (a, b) => a !== null && a !== undefined && b !== null && b !== undefined;
  const errorsOf = (t) => Object.values(summary[t] ?? {}).reduce((sum, m) => sum + (m.errors?.median ?? 0), 0);

  const { promptly: p, portkey: k, direct: d, relay: b } = r;
  for (const [key, label] of [
    ["p99C1", "non-stream c=1 latency"],
    ["p99C64", "non-stream c=64 latency"],
    ["streamP99C64", "stream c=64 duration"],
  ]) {
    verdict(`p99 no worse than Portkey's gateway: ${label}`, both(p[key], k[key]) ? p[key] <= k[key] : null, `Promptly ${f(p[key], 2)} ms vs Portkey ${f(k[key], 2)} ms`);
  }
  const loop = (scenario) => summary.promptly?.[scenario]?.loopP99Ms?.median ?? null;
  const loops = ["ns64", "s64"].map(loop).filter((value) => value !== null);
  verdict(
    "Event-loop delay p99 under load (c=64) ≤ 20 ms",
    loops.length ? Math.max(...loops) <= 20 : null,
    `non-stream ${f(loop("ns64"), 1)} ms, stream ${f(loop("s64"), 1)} ms (max ${f(summary.promptly?.ns64?.loopMaxMs?.median, 1)} / ${f(summary.promptly?.s64?.loopMaxMs?.median, 1)} ms)`,
  );
  verdict(
    "Non-stream c=1: added p50 latency over direct ≤ 0.5 ms",
    p.addedP50Ms === null ? null : p.addedP50Ms <= 0.5,
    `Promptly ${signed(p.addedP50Ms)} ms (Portkey ${signed(k.addedP50Ms)} ms, bare relay ${signed(b.addedP50Ms)} ms; direct p50 ${f(d.p50Ms, 3)} ms)`,
  );
  verdict(
    "Stream: added time to first token ≤ the bare relay's + 0.5 ms",
    both(p.addedTtftMs, b.addedTtftMs) ? p.addedTtftMs <= b.addedTtftMs + 0.5 : null,
    `Promptly ${signed(p.addedTtftMs)} ms vs relay ${signed(b.addedTtftMs)} ms (Portkey ${signed(k.addedTtftMs)} ms; direct TTFT ${f(d.ttftMs)} ms)`,
  );
  verdict(
    "Non-stream c=64: CPU per request ≤ 0.45 ms",
    p.cpuMsPerReqC64 === null ? null : p.cpuMsPerReqC64 <= 0.45,
    `Promptly ${f(p.cpuMsPerReqC64, 3)} ms (Portkey ${f(k.cpuMsPerReqC64, 3)} ms, bare relay ${f(b.cpuMsPerReqC64, 3)} ms)`,
  );
  const oneWorker = p.rpsC64;
  const twoWorkers = workersRun?.summary?.ns64?.rps?.median ?? null;
  verdict(
    `Throughput scales with workers: ${workersRun?.workers ?? 2} workers ≥ 1.6× one worker's requests/s (c=64)`,
    both(oneWorker, twoWorkers) ? twoWorkers >= 1.6 * oneWorker : null,
    both(oneWorker, twoWorkers)
      ? `${f(twoWorkers, 0)} vs ${f(oneWorker, 0)} req/s (×${f(twoWorkers / oneWorker)}), from ${workersRun.file} (${workersRun.date}); the load generator and the mock run on the same cores`
      : "no run with several workers (PROMPTLY_WORKERS=2 npm run bench -- --only=promptly --out=bench/.cache/workers2)",
  );
  const burst = summary.promptly?.s1?.maxBurstP50?.median ?? null;
  verdict(
    "Stream: paced tokens reach the client spread over the mock's 64 ms, not in one burst",
    both(p.tokenSpreadMs, d.tokenSpreadMs) ? p.tokenSpreadMs >= 0.75 * d.tokenSpreadMs && burst !== null && burst <= 4 : null,
    `first→last token at the client: Promptly ${f(p.tokenSpreadMs, 1)} ms vs direct ${f(d.tokenSpreadMs, 1)} ms (needs ≥ 75 %); most tokens in one read p50 ${f(burst, 0)} (needs ≤ 4)`,
  );
  verdict(
    "Non-stream c=64: requests/s and CPU per request at least as good as Portkey's gateway",
    both(p.rpsC64, k.rpsC64) && both(p.cpuMsPerReqC64, k.cpuMsPerReqC64) ? p.rpsC64 >= k.rpsC64 && p.cpuMsPerReqC64 <= k.cpuMsPerReqC64 : null,
    `Promptly ${f(p.rpsC64, 0)} req/s at ${f(p.cpuMsPerReqC64, 3)} ms vs Portkey ${f(k.rpsC64, 0)} req/s at ${f(k.cpuMsPerReqC64, 3)} ms`,
  );
  verdict(
    "Peak RSS of the Promptly server under the c=64 load < 250 MB",
    p.peakRssMbC64 === null ? null : p.peakRssMbC64 < 250,
    `${f(p.peakRssMbC64, 0)} MB for the whole process tree, ${f(p.peakRssServerMbC64, 0)} MB for the server process alone (Portkey ${f(k.peakRssMbC64, 0)} MB)`,
  );
  const many = summary.promptly?.streams2k;
  if (many) {
    verdict(
      "Many streams: every stream through Promptly completes",
      many.completedPct ? many.completedPct.min === 100 : null,
      `${f(many.completedPct?.min, 1)} % completed in the worst repetition; added delay per chunk p50 ${f(many.chunkDelayP50?.median)} ms, p99 ${f(many.chunkDelayP99?.median)} ms (direct p99 ${f(summary.direct?.streams2k?.chunkDelayP99?.median)} ms); time to headers p99 ${f(many.headersP99?.median, 0)} ms`,
    );
    verdict(
      "Many streams: peak RSS of the Promptly server < 400 MB",
      many.peakRssMb ? many.peakRssMb.max < 400 : null,
      `${f(many.peakRssMb?.max, 0)} MB at most; CPU ${f(many.cpuMsPerReq?.median)} ms per stream, ${f(many.cpuPctOfCore?.median, 0)} % of a core; event-loop delay p99 ${f(many.loopP99Ms?.median, 1)} ms`,
    );
  }
  for (const t of ["direct", "relay", "portkey", "promptly"]) {
    const n = errorsOf(t);
    if (n > 0) v.push({ target: `${TARGET_LABELS[t]}: every measured request succeeded`, verdict: "FAIL", detail: `${n} failed requests (see the JSON)` });
  }
  return v;
}

function cell(summary, target, scenario, metric, digits) {
  return formatCell(summary[target]?.[scenario]?.[metric], digits);
}

function formatCell(m, digits) {
  if (!m) return "–";
  const main = f(m.median, digits);
  if (m.values.length < 2 || round(m.min, digits) === round(m.max, digits)) return main;
  return `${main} (${f(m.min, digits)}–${f(m.max, digits)})`;
}

// Rows every scenario of the gateway table ends with: what the server's event loop saw
// (Promptly only: PROMPTLY_STATS_FILE) and how many connections reached the mock.
const LOOP_ROWS = [
  ["loopP99Ms", "event-loop delay p99 (ms)", 1],
  ["loopMaxMs", "event-loop delay max (ms)", 1],
  ["newUpstreamConns", "new connections to the mock", 0],
];

const ROWS = [
  ["ns1", "Non-stream c=1", [
    ["p50", "latency p50 (ms)", 3],
    ["p90", "latency p90 (ms)", 3],
    ["p99", "latency p99 (ms)", 3],
    ["cpuMsPerReq", "CPU per request (ms)", 3],
    ...LOOP_ROWS,
    ["otherCpuPct", "other processes' CPU (% of machine)", 0],
  ]],
  ["ns64", "Non-stream c=64", [
    ["rps", "requests/s", 0],
    ["p50", "latency p50 (ms)", 2],
    ["p99", "latency p99 (ms)", 2],
    ["cpuMsPerReq", "CPU per request (ms)", 3],
    ["peakRssMb", "peak RSS, process tree (MB)", 0],
    ["peakRssServerMb", "peak RSS, largest process (MB)", 0],
    ...LOOP_ROWS,
    ["otherCpuPct", "other processes' CPU (% of machine)", 0],
  ]],
  ["s1", "Stream c=1, 32 tokens 2 ms apart", [
    ["ttfbP50", "time to first byte p50 (ms)", 2],
    ["ttftP50", "time to first token p50 (ms)", 2],
    ["ttftP90", "time to first token p90 (ms)", 2],
    ["totalP50", "total p50 (ms)", 2],
    ["spreadP50", "first→last token at client p50 (ms)", 1],
    ["readsP50", "socket reads carrying tokens p50", 0],
    ["maxBurstP50", "most tokens in one read p50", 0],
    ["cpuMsPerReq", "CPU per stream (ms)", 3],
    ...LOOP_ROWS,
    ["otherCpuPct", "other processes' CPU (% of machine)", 0],
  ]],
  ["s64", "Stream c=64, 32 tokens 2 ms apart", [
    ["rps", "streams/s", 0],
    ["p50", "stream duration p50 (ms)", 1],
    ["p99", "stream duration p99 (ms)", 1],
    ["cpuMsPerReq", "CPU per stream (ms)", 3],
    ["peakRssMb", "peak RSS, process tree (MB)", 0],
    ["peakRssServerMb", "peak RSS, largest process (MB)", 0],
    ...LOOP_ROWS,
    ["otherCpuPct", "other processes' CPU (% of machine)", 0],
  ]],
  ["streams2k", null, [
    ["completedPct", "streams completed (%)", 1],
    ["chunkDelayP50", "added delay per chunk p50 (ms, mock send → client)", 2],
    ["chunkDelayP99", "added delay per chunk p99 (ms)", 2],
    ["chunkDelayMax", "added delay per chunk max (ms)", 1],
    ["headersP99", "time to response headers p99 (ms)", 0],
    ["firstTokenP99", "time to first token p99 (ms)", 0],
    ["durationP50", "stream duration p50 (ms)", 0],
    ["durationMax", "stream duration max (ms)", 0],
    ["cpuMsPerReq", "CPU per stream (ms)", 2],
    ["cpuPctOfCore", "CPU (% of one core, average)", 0],
    ["peakRssMb", "peak RSS, process tree (MB)", 0],
    ["peakRssServerMb", "peak RSS, largest process (MB)", 0],
    ...LOOP_ROWS,
    ["otherCpuPct", "other processes' CPU (% of machine)", 0],
  ]],
];

/** Promptly's median over Portkey's, for the ratio column. */
function ratioCell(summary, scenario, metric) {
  const a = summary.promptly?.[scenario]?.[metric]?.median;
  const b = summary.portkey?.[scenario]?.[metric]?.median;
  if (typeof a !== "number" || typeof b !== "number" || b === 0) return "";
  return f(a / b);
}

const manyTitle = (meta) => `${meta.settings.manyStreams ?? 2000} concurrent streams, ${meta.settings.manySeconds ?? 30} s each, a token every 50 ms`;

export function toMarkdown(results) {
  const { meta, summary, verdicts, targets } = results;
  const lines = [];
  lines.push(`# Promptly gateway benchmark`);
  lines.push("");
  lines.push(
    `${meta.date} · ${meta.machine.cores} cores (${meta.machine.cpuModel}), ${meta.machine.memGb} GB RAM, Linux ${meta.machine.kernel} · Node ${meta.machine.node} · ` +
      `load: ${meta.loader.name} ${meta.loader.version} (${meta.loader.settings}) for c=64, own keep-alive client for c=1 · Portkey gateway ${meta.portkeyGateway} · ` +
      `${meta.reps} repetitions per scenario${meta.quick ? " (quick)" : ""}${meta.profile ? " · PROFILED (slower)" : ""} · Promptly build ${meta.promptlyBuild}`,
  );
  lines.push("");
  lines.push(`Medians over the repetitions, (min–max) when they differ. Every target answers the same rendered chat request (${meta.request.messages} messages, model ${meta.request.model}); the mock answers 32 tokens.`);
  lines.push("");
  // One table: this run's targets, Promptly ÷ Portkey, Promptly in the previous full run, and
  // Promptly with PROMPTLY_WORKERS=2 (a run of its own: --workers-run).
  const previous = results.previous;
  const workers = results.workersRun;
  lines.push(`| Scenario | Metric | ${targets.map((t) => TARGET_LABELS[t]).join(" | ")} | Promptly ÷ Portkey | Promptly, previous run | Promptly, 2 workers |`);
  lines.push(`|---|---|${targets.map(() => "---:").join("|")}|---:|---:|---:|`);
  for (const [scenario, title, metrics] of ROWS) {
    if (!meta.scenarios.includes(scenario)) continue;
    const heading = title ?? manyTitle(meta);
    metrics.forEach(([metric, label, digits], i) => {
      const before = previous ? formatCell(previous.summary[scenario]?.[metric], digits) : "–";
      const withWorkers = workers ? formatCell(workers.summary[scenario]?.[metric], digits) : "–";
      lines.push(`| ${i === 0 ? heading : ""} | ${label} | ${targets.map((t) => cell(summary, t, scenario, metric, digits)).join(" | ")} | ${ratioCell(summary, scenario, metric)} | ${before} | ${withWorkers} |`);
    });
  }
  lines.push("");
  const workersNote = workers
    ? `"Promptly, 2 workers": ${workers.file}, a run of ${workers.date} with PROMPTLY_WORKERS=${workers.workers ?? 2} (build ${workers.promptlyBuild}) on the same machine, where the load generator and the mock share the cores with the workers.`
    : `"Promptly, 2 workers": empty until a run with \`PROMPTLY_WORKERS=2 npm run bench -- --only=promptly --out=bench/.cache/workers2\`.`;
  lines.push(
    previous
      ? `"Promptly, previous run": the full run of ${previous.date} (build ${previous.promptlyBuild}), – where it did not measure that. ${workersNote}`
      : `No previous full run to compare with. ${workersNote}`,
  );
  lines.push("");
  const busiest = Math.max(0, ...targets.flatMap((t) => Object.values(summary[t] ?? {}).map((m) => m.otherCpuPct?.median ?? 0)));
  if (busiest > 10) {
    lines.push(
      `> ⚠ Other processes used up to ${Math.round(busiest)} % of the machine during the runs (load average ${meta.loadAverage.atStart.join(" / ")} at start): ` +
        "absolute numbers are pessimistic and noisy; compare targets within this run only.",
    );
    lines.push("");
  }
  lines.push("## Targets");
  lines.push("");
  for (const v of verdicts) lines.push(`- **${v.verdict}** ${v.target}: ${v.detail}`);
  lines.push("");
  if (results.request.upstreamCheck) {
    lines.push(`Same upstream request: ${results.request.upstreamCheck.summary}.`);
    lines.push("");
  }
  lines.push(`Processes measured (CPU = utime + stime of the whole tree from /proc, RSS = summed VmRSS sampled every 100 ms):`);
  for (const [t, procs] of Object.entries(meta.processes)) {
    lines.push(`- ${TARGET_LABELS[t] ?? t}: ${procs.map((p) => `\`${p.cmd.replace(/`/g, "'")}\` (VmHWM ${Math.round(p.hwmMb)} MB)`).join("; ")}`);
  }
  lines.push("");
  lines.push(`Reproduce: \`npm run bench\` (full, ~${meta.elapsedMinutes} min here) or \`npm run bench -- --quick\`; see bench/README.md.`);
  return `${lines.join("\n")}\n`;
}
