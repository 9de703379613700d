// The load generator for the concurrency scenarios: wrk (Debian, C, lowest client overhead)
// or autocannon (npm), both bounded by duration and by a hard kill timer.
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ensureAutocannon } from "./cache-install.mjs";

function wrkVersion() {
  try {
    // `wrk --version` prints its banner and exits 1.
    execFileSync("wrk", ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    const text = `${error.stdout ?? ""}${error.stderr ?? ""}`;
    const match = text.match(/^wrk (\S+)/m);
    if (match) return match[1];
  }
  return null;
}

/** Picks and prepares the generator: `{ name, version, run(opts) }`. */
export function createLoader(choice, { cacheDir, log, wrkThreads }) {
  const wrk = choice === "autocannon" ? null : wrkVersion();
  if (choice === "wrk" && !wrk) throw new Error("--loader=wrk but wrk is not installed (Debian: apt-get install wrk)");
  if (wrk) {
    return { name: "wrk", version: wrk, settings: `-t${wrkThreads}`, run: (opts) => runWrk({ ...opts, threads: wrkThreads, cacheDir }) };
  }
  const cli = ensureAutocannon(cacheDir, log);
  const version = JSON.parse(fs.readFileSync(path.join(path.dirname(cli), "package.json"), "utf8")).version;
  return { name: "autocannon", version, settings: "1 worker", run: (opts) => runAutocannon({ ...opts, cli }) };
}

const running = new Set();

/** Kills a load run in progress (the bench is stopping). */
export function killLoaders() {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
}

function runBounded(command, args, timeoutMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    running.add(child);
    child.on("exit", () => running.delete(child));
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

const luaString = (text) => {
  let level = "=";
  while (text.includes(`]${level}]`)) level += "=";
  return `[${level}[${text}]${level}]`;
};

async function runWrk({ url, body, headers, connections, durationS, threads, cacheDir }) {
  const script = path.join(cacheDir, `wrk-${process.pid}.lua`);
  const lines = [
    `wrk.method = "POST"`,
    `wrk.body = ${luaString(body)}`,
    ...Object.entries(headers).map(([k, v]) => `wrk.headers[ ${luaString(k)} ] = ${luaString(v)}`),
    `function done(summary, latency, requests)`,
    `  local e = summary.errors`,
    `  io.write(string.format('BENCH_JSON {"requests":%.0f,"duration_us":%.0f,"bytes":%.0f,"connect":%.0f,"read":%.0f,"write":%.0f,"status":%.0f,"timeout":%.0f,"p50":%.1f,"p90":%.1f,"p99":%.1f,"mean":%.1f,"max":%.1f}\\n',`,
    `    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,`,
    `    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.mean, latency.max))`,
    `end`,
  ];
  fs.writeFileSync(script, `${lines.join("\n")}\n`);
  const threadCount = Math.min(threads, connections);
  const args = [`-t${threadCount}`, `-c${connections}`, `-d${durationS}s`, "--timeout", "10s", "-s", script, url];
  const result = await runBounded("wrk", args, (durationS + 20) * 1000);
  fs.rmSync(script, { force: true });
  const line = result.stdout.split("\n").find((l) => l.startsWith("BENCH_JSON "));
  if (!line) throw new Error(`wrk gave no result (exit ${result.code ?? result.signal}): ${result.stderr || result.stdout}`);
  const r = JSON.parse(line.slice("BENCH_JSON ".length));
  const durationSeconds = r.duration_us / 1e6;
  return {
    requests: r.requests,
    durationS: durationSeconds,
    rps: r.requests / durationSeconds,
    socketErrors: r.connect + r.read + r.write + r.timeout,
    non2xx: r.status,
    latencyMs: { p50: r.p50 / 1000, p90: r.p90 / 1000, p99: r.p99 / 1000, mean: r.mean / 1000, max: r.max / 1000 },
  };
}

async function runAutocannon({ url, body, headers, connections, durationS, cli }) {
  const args = [cli, "-c", String(connections), "-d", String(durationS), "-m", "POST", "-b", body, "-j", "-t", "10"];
  for (const [k, v] of Object.entries(headers)) args.push("-H", `${k}=${v}`);
  args.push(url);
  const result = await runBounded(process.execPath, args, (durationS + 20) * 1000);
  let r;
  try {
    r = JSON.parse(result.stdout);
  } catch {
    throw new Error(`autocannon gave no result (exit ${result.code ?? result.signal}): ${result.stderr.slice(-2000)}`);
  }
  const ok = r["2xx"] ?? 0;
  const total = ok + (r.non2xx ?? 0);
  const durationSeconds = r.duration;
  return {
    requests: total,
    durationS: durationSeconds,
    rps: total / durationSeconds,
    socketErrors: (r.errors ?? 0) + (r.timeouts ?? 0),
    non2xx: r.non2xx ?? 0,
    latencyMs: { p50: r.latency.p50, p90: r.latency.p90, p99: r.latency.p99, mean: r.latency.average, max: r.latency.max },
  };
}
