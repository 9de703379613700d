#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests (vitest) and the Playwright suite (API + browser),
// then one closing line `N passed, N failed` totalling every suite. Exits non-zero on any
// failure. Installs Debian's chromium with apt when it is missing (as root).
// With TEST_DATABASE_URL=postgresql://... (a database the tests may wipe), the API suite
// runs a second time against PostgreSQL, on its own ports, as the suite "e2e (postgres)".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", FORCE_COLOR: process.env.CI ? "0" : process.env.FORCE_COLOR };
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const only = process.argv.slice(2); // e.g. `npm test -- unit e2e`
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
  e2e() {
    if (!ensureChromium()) return record("e2e", 0, 1);
    // The multi-instance tests need PostgreSQL: they run in the postgres pass only.
    playwright("e2e", "playwright.json", [], { TEST_DATABASE_URL: "" });
  },
  "e2e-postgres"() {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    if (!/^postgres(ql)?:\/\//.test(url)) {
      console.error("\n✖ TEST_DATABASE_URL must be a postgres:// or postgresql:// URL");
      return record("e2e (postgres)", 0, 1);
    }
    // Other ports than the SQLite pass, so that the two never share a server.
    const port = Number(process.env.E2E_PORT || 3100) + 2;
    const mockPort = Number(process.env.E2E_MOCK_PORT || 4010) + 2;
    playwright("e2e (postgres)", "playwright-postgres.json", ["--project=api"], { E2E_DATABASE_URL: url, E2E_PORT: String(port), E2E_MOCK_PORT: String(mockPort) });
  },
};

function playwright(suite, report, args, extraEnv) {
  const out = path.join(results, report);
  fs.rmSync(out, { force: true });
  const status = run(bin("playwright"), ["test", ...args], { PLAYWRIGHT_JSON_OUTPUT_NAME: out, ...extraEnv });
  const stats = readJson(out)?.stats;
  if (!stats) return record(suite, 0, 1);
  const failed = stats.unexpected + (status !== 0 && stats.unexpected === 0 ? 1 : 0);
  record(suite, stats.expected + stats.flaky, failed, stats.skipped);
}

// Both Prisma clients (SQLite and PostgreSQL): one build serves either database.
if (run(process.execPath, [path.join(root, "scripts", "db-generate.mjs")]) !== 0) record("prisma generate", 0, 1);
for (const [name, stage] of Object.entries(stages)) if (only.length === 0 || only.includes(name)) stage();

console.log("\n" + lines.join("\n"));
const summary = `${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ""}`;
fs.writeFileSync(path.join(results, "summary.txt"), summary + "\n");
console.log(summary);
process.exit(totals.failed > 0 ? 1 : 0);
