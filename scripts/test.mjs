#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests (vitest), one production build, then the Playwright
// suites side by side: API + browser on SQLite ("e2e"), the API suite through Next's own
// request handling instead of the fast routes (PROMPTLY_FAST_ROUTES=0, "e2e (next path)"),
// and, with TEST_DATABASE_URL=postgresql://... (a database the tests may wipe), the API suite
// on PostgreSQL ("e2e (postgres)"). Each suite has its own ports (100 apart: a suite's own
// servers use up to its port + 63) and data folder; their output is prefixed with the suite.
// Then one closing line `N passed, N failed` totalling every suite. Exits non-zero on any
// failure. Installs Debian's chromium with apt when it is missing (as root).
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e e2e-next`
const basePort = Number(process.env.E2E_PORT || 3100);
const baseMockPort = Number(process.env.E2E_MOCK_PORT || 4010);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(command, args, extraEnv = {}) {
  console.log(`\n▶ ${path.basename(command)} ${args.join(" ")}`);
  return spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...env, ...extraEnv } }).status ?? 1;
}

function record(suite, passed, failed, skipped = 0) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${suite}: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function ensureChromium() {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (fs.existsSync(chromium)) return true;
  if (process.getuid?.() !== 0) {
    console.error(`\n✖ ${chromium} is missing. Install Debian's chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    return false;
  }
  console.log("\n▶ installing Debian's chromium with apt (browser tests need it)");
  const aptEnv = { DEBIAN_FRONTEND: "noninteractive" };
  return run("apt-get", ["update", "-qq"], aptEnv) === 0 && run("apt-get", ["install", "-y", "-qq", "chromium"], aptEnv) === 0 && fs.existsSync(chromium);
}

const stages = {
  typecheck() {
    // next-env.d.ts and the route types it imports are generated, not committed.
    const ok = run(bin("next"), ["typegen"]) === 0 && run(bin("tsc"), ["--noEmit"]) === 0;
    record("typecheck", ok ? 1 : 0, ok ? 0 : 1);
  },
  lint() {
    record("lint", ...(run(bin("eslint"), [".", "--max-warnings=0"]) === 0 ? [1, 0] : [0, 1]));
  },
  unit() {
    const out = path.join(results, "vitest.json");
    fs.rmSync(out, { force: true });
    const status = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile=${out}`]);
    const report = readJson(out);
    if (!report) return record("unit", 0, 1);
    const failed = report.numFailedTests + (status !== 0 && report.numFailedTests === 0 ? 1 : 0);
    record("unit", report.numPassedTests, failed, report.numPendingTests + report.numTodoTests);
  },
};

// The side suites (next path, PostgreSQL) send a third of the fuzz sample, the main one all of
// it: three suites share two cores.
const SIDE_SUITE = { FUZZ_SCALE: "0.3" };

/** The Playwright suites, run side by side once the build is there. */
const suites = {
  e2e() {
    if (!ensureChromium()) return record("e2e", 0, 1);
    // The multi-instance tests need PostgreSQL: they run in the postgres pass only.
    return playwright("e2e", "playwright.json", [], { TEST_DATABASE_URL: "" }, 0);
  },
  "e2e-next"() {
    // The hot routes through Next, as with PROMPTLY_FAST_ROUTES=0: the same API suite must pass.
    return playwright("e2e (next path)", "playwright-next.json", ["--project=api"], { ...SIDE_SUITE, TEST_DATABASE_URL: "", PROMPTLY_FAST_ROUTES: "0" }, 200);
  },
  "e2e-postgres"() {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    if (!/^postgres(ql)?:\/\//.test(url)) {
      console.error("\n✖ TEST_DATABASE_URL must be a postgres:// or postgresql:// URL");
      return record("e2e (postgres)", 0, 1);
    }
    return playwright("e2e (postgres)", "playwright-postgres.json", ["--project=api"], { ...SIDE_SUITE, E2E_DATABASE_URL: url }, 100);
  },
};

/** One Playwright suite on ports `offset` above the base ones, its output prefixed with its name. */
function playwright(suite, report, args, extraEnv, offset) {
  const out = path.join(results, report);
  fs.rmSync(out, { force: true });
  const ports = { E2E_PORT: String(basePort + offset), E2E_MOCK_PORT: String(baseMockPort + offset) };
  console.log(`\n▶ [${suite}] playwright test ${args.join(" ")} (port ${ports.E2E_PORT}, mock ${ports.E2E_MOCK_PORT})`);
  const child = spawn(bin("playwright"), ["test", ...args], { cwd: root, env: { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: out, ...ports, ...extraEnv }, stdio: ["ignore", "pipe", "pipe"] });
  const log = fs.createWriteStream(path.join(results, `${report.replace(/\.json$/, "")}.log`));
  for (const stream of [child.stdout, child.stderr]) {
    let partial = "";
    stream.on("data", (chunk) => {
      log.write(chunk);
      const lines = (partial + chunk.toString("utf8")).split("\n");
      partial = lines.pop();
      for (const line of lines) console.log(`[${suite}] ${line}`);
    });
  }
  return new Promise((resolve) => {
    child.on("close", (code) => {
      log.end();
      const stats = readJson(out)?.stats;
      if (!stats) record(suite, 0, 1);
      else record(suite, stats.expected + stats.flaky, stats.unexpected + (code !== 0 && stats.unexpected === 0 ? 1 : 0), stats.skipped);
      resolve();
    });
  });
}

/** One `next build` (and the fast routes' bundle) before the suites start their servers. */
function build() {
  const ok = run(process.execPath, [path.join(root, "scripts", "start.mjs"), "--build-only"]) === 0;
  if (!ok) record("build", 0, 1);
  return ok;
}

// Both Prisma clients (SQLite and PostgreSQL): one build serves either database.
if (run(process.execPath, [path.join(root, "scripts", "db-generate.mjs")]) !== 0) record("prisma generate", 0, 1);
const wanted = (name) => only.length === 0 || only.includes(name);
for (const [name, stage] of Object.entries(stages)) if (wanted(name)) stage();
const picked = Object.entries(suites).filter(([name]) => wanted(name));
if (picked.length > 0) {
  if (build()) await Promise.all(picked.map(([, suite]) => suite()));
  else for (const [name] of picked) if (name !== "e2e-postgres" || process.env.TEST_DATABASE_URL) record(name, 0, 1);
}

console.log("\n" + lines.join("\n"));
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
fs.writeFileSync(path.join(results, "summary.txt"), summary + "\n");
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
