#!/usr/bin/env node
// `npm start` / `npm run dev`: from a fresh clone (after npm install) to a running app.
// Applies migrations, builds when the build is missing or stale, then serves. Seeding of
// defaults happens inside the server at start (instrumentation.ts), idempotently.
// DATABASE_URL picks the database (file: → SQLite, postgres:// → PostgreSQL): prisma.config.ts
// then picks the matching schema and migration set, and one build serves both.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { heapFlag } from "./heap-cap.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dev = process.argv.includes("--dev");
// `--build-only`: build when stale, then exit (scripts/test.mjs and e2e/support/serve.mjs build once before serving).
const buildOnly = process.argv.includes("--build-only");
const env = {
  ...process.env,
  HOST: process.env.HOST || "127.0.0.1",
  PORT: process.env.PORT || "3000",
  DATABASE_URL: process.env.DATABASE_URL || "file:./promptly.db",
  NEXT_TELEMETRY_DISABLED: "1",
};
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: "inherit" });
  if (result.status !== 0) {
    console.error(`[promptly] ${path.basename(command)} ${args.join(" ")} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status || 1);
  }
}

// Everything that changes what `next build` produces.
const BUILD_INPUTS = ["app", "components", "lib", "server", "scripts/server.mjs", "scripts/build-server.mjs", "prisma/schema.prisma", "prisma/postgres/schema.prisma", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const IGNORED = new Set(["generated", "node_modules"]);

function hashSources() {
  const hash = createHash("sha256");
  const visit = (entry) => {
    const full = path.join(root, entry);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) {
      for (const child of fs.readdirSync(full).sort()) {
        if (!IGNORED.has(child) && !child.endsWith(".test.ts")) visit(path.join(entry, child));
      }
    } else {
      hash.update(entry).update("\0").update(fs.readFileSync(full)).update("\0");
    }
  };
  BUILD_INPUTS.forEach(visit);
  return hash.digest("hex");
}

if (!buildOnly) run(bin("prisma"), ["migrate", "deploy"]);

if (!dev) {
  const stamp = path.join(root, ".next", "promptly-build-hash");
  const current = hashSources();
  const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : "";
  if (built !== current) {
    console.log(`[promptly] ${built ? "sources changed" : "no build yet"}: building (about a minute)…`);
    run(process.execPath, [path.join(root, "scripts", "db-generate.mjs")]); // both clients
    run(bin("next"), ["build"]);
    run(process.execPath, [path.join(root, "scripts", "build-server.mjs")]); // the fast routes' bundle
    fs.writeFileSync(stamp, current);
  }
}
if (buildOnly) process.exit(0);

const shownUrl = env.DATABASE_URL.replace(/^(postgres(?:ql)?:\/\/[^:/@]+:)[^@]*@/i, "$1****@"); // no password in logs
console.log(`[promptly] serving on http://${env.HOST}:${env.PORT} (database ${shownUrl})`);
if (dev) {
  const server = spawn(bin("next"), ["dev", "-H", env.HOST, "-p", env.PORT], { cwd: root, env, stdio: "inherit" });
  forwardSignals(server);
} else {
  const heap = heapFlag();
  const ownFlags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
  if (ownFlags.includes(heap)) {
    // Started with the right heap flag (`npm start` passes it): serve from this very process,
    // no wrapper process holding ~40 MB for nothing.
    Object.assign(process.env, env);
    await import(pathToFileURL(path.join(root, "scripts", "server.mjs")).href);
  } else {
    const server = spawn(process.execPath, [heap, path.join(root, "scripts", "server.mjs")], { cwd: root, env, stdio: "inherit" });
    forwardSignals(server);
  }
}

function forwardSignals(server) {
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
  server.on("exit", (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}
