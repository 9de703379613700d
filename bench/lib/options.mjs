// Bench options: flags (`--quick`, `--only=promptly`, `--reps=5` ...) or the matching
// BENCH_* environment variables (BENCH_QUICK=1, BENCH_ONLY=promptly, BENCH_REPS=5 ...).
import os from "node:os";

export const TARGETS = ["direct", "relay", "portkey", "promptly"];
// eval and import run against Promptly only (bench/lib/evals.mjs), and so does logs (bench/lib/logs.mjs).
export const SCENARIOS = ["ns1", "ns64", "s1", "s64", "streams2k", "eval", "import", "logs"];
// What a run without --scenarios runs: `logs` (seeding a million rows, 10 to 30 minutes here) only when asked.
export const DEFAULT_SCENARIOS = SCENARIOS.filter((s) => s !== "logs");

const HELP = `usage: npm run bench -- [options]   (every option also reads BENCH_<NAME>, e.g. BENCH_QUICK=1)
  --quick               smoke run: 1 repetition, fewer requests, 2 s load runs (< 3 min)
  --only=a,b            targets among ${TARGETS.join(",")} (default: all four; relay = a bare Node relay, the floor)
  --scenarios=a,b       among ${SCENARIOS.join(",")} (default: all but logs; ns = non-stream, s = stream; 1 / 64 = concurrency;
                        streams2k = 2,000 concurrent 30 s streams (chunk delay, CPU, RSS, event loop),
                        eval = an experiment of 1,000 items × 2 targets, import = 100,000 JSON Lines rows,
                        logs = 1,000,000 seeded logs (quick 100,000; BENCH_LOG_ROWS=N): dashboard p95s, export,
                        writes with and without rollups, completion latency while retention prunes)
  --reps=N              repetitions of each scenario (default 3; quick 1)
  --requests=N          requests per non-stream c=1 run (default 500; quick 100), 10 s cap
  --streams=N           streams per stream c=1 run (default 100; quick 20), 10 s cap
  --duration=S          seconds per c=64 load run (default 8; quick 2)
  --connections=N       concurrency of the load runs (default 64)
  --many-streams=N      concurrent streams of the streams2k scenario (default 2000; quick 200)
  --many-seconds=S      how long each of them lasts, a token every 50 ms (default 30; quick 5)
  --loader=NAME         wrk | autocannon | auto (default auto: wrk when installed, else autocannon)
  --wrk-threads=N       wrk threads (default 1: leaves the other core to the servers)
  --profile             CPU-profile Promptly's serving process (profiles in bench/.cache/profiles)
  --out=PREFIX          where to write PREFIX.md / PREFIX.json (default bench/results/latest for a
                        full run, bench/.cache/partial for --quick / --only / --scenarios / --profile)
  --keep-db             reuse bench/.cache/bench.db instead of starting from a fresh database
  --workers-run=FILE    the JSON of a \`PROMPTLY_WORKERS=2 npm run bench -- --only=promptly --out=…\` run, for
                        the table's "2 workers" column and the scaling target (default
                        bench/.cache/workers2.json when it exists)
  --render=FILE         run nothing: recompute the verdicts and the report of a results JSON (after a
                        change to the targets, or to add a workers run), written beside it
  --help`;

export function parseOptions(argv = process.argv.slice(2), env = process.env) {
  const flags = new Map();
  for (const arg of argv) {
    if (!arg.startsWith("--")) throw new Error(`unexpected argument: ${arg}\n${HELP}`);
    const [name, ...rest] = arg.slice(2).split("=");
    flags.set(name, rest.length ? rest.join("=") : "true");
  }
  const get = (name) => flags.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, "_")}`];
  const bool = (name) => ["1", "true", "yes"].includes(String(get(name) ?? "").toLowerCase());
  const int = (name, fallback, min = 1, max = 1_000_000) => {
    const raw = get(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in [${min}, ${max}]`);
    return n;
  };
  const list = (name, allowed, defaults = allowed) => {
    const raw = get(name);
    if (!raw) return [...defaults];
    const picked = raw.split(",").map((s) => s.trim()).filter(Boolean);
    for (const p of picked) if (!allowed.includes(p)) throw new Error(`--${name}: unknown '${p}' (one of ${allowed.join(", ")})`);
    return allowed.filter((a) => picked.includes(a));
  };

  const help = bool("help");
  for (const name of flags.keys()) {
    if (!["quick", "only", "scenarios", "reps", "requests", "streams", "duration", "connections", "many-streams", "many-seconds", "loader", "wrk-threads", "profile", "out", "keep-db", "workers-run", "render", "help"].includes(name)) {
      throw new Error(`unknown option --${name}\n${HELP}`);
    }
  }
  const quick = bool("quick");
  const targets = list("only", TARGETS);
  const scenarios = list("scenarios", SCENARIOS, DEFAULT_SCENARIOS);
  const profile = bool("profile");
  const partial = quick || profile || targets.length < TARGETS.length || DEFAULT_SCENARIOS.some((s) => !scenarios.includes(s));
  const loader = String(get("loader") ?? "auto");
  if (!["auto", "wrk", "autocannon"].includes(loader)) throw new Error("--loader must be wrk, autocannon or auto");

  return {
    help,
    helpText: HELP,
    quick,
    targets,
    scenarios,
    profile,
    partial,
    reps: int("reps", quick ? 1 : 3, 1, 20),
    requests: int("requests", quick ? 100 : 500, 10, 100_000),
    streams: int("streams", quick ? 20 : 100, 5, 10_000),
    durationS: int("duration", quick ? 2 : 8, 1, 60),
    connections: int("connections", 64, 1, 1024),
    manyStreams: int("many-streams", quick ? 200 : 2000, 1, 20_000),
    manySeconds: int("many-seconds", quick ? 5 : 30, 1, 600),
    wrkThreads: int("wrk-threads", 1, 1, Math.max(1, os.cpus().length)),
    loader,
    out: get("out") ?? null,
    keepDb: bool("keep-db"),
    workersRun: get("workers-run") ?? null,
    render: get("render") ?? null,
    /** Per c=1 run: a hard time cap whatever the count. */
    c1MaxMs: 10_000,
    /** The whole run stops itself after this long, whatever happens. */
    // The logs scenario seeds and reads a million rows: half an hour more.
    // streams2k: a run per target and repetition, each as long as its streams and a minute more at most.
    deadlineMs: ((quick ? 6 : 20) + (scenarios.includes("logs") ? 30 : 0)) * 60_000 + (scenarios.includes("streams2k") ? 4 * (quick ? 1 : 3) * (int("many-seconds", quick ? 5 : 30, 1, 600) + 30) * 1000 : 0),
  };
}
