// Installs bench-only tools from the npm registry into the git-ignored bench/.cache on first
// use: Portkey's gateway (with the overrides that make its streaming work) and autocannon
// (only when wrk is not installed). Never runtime dependencies of Promptly.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const PORTKEY_GATEWAY_VERSION = "1.15.2";
export const AUTOCANNON_VERSION = "8.0.0";

const PORTKEY_MANIFEST = {
  name: "promptly-bench-portkey-gateway",
  private: true,
  dependencies: { "@portkey-ai/gateway": PORTKEY_GATEWAY_VERSION },
  // @hono/node-server 1.19.x makes every `stream: true` request fail with 500 "TypeError:
  // immutable" (a known upstream bug): pin the versions the gateway was built against.
  overrides: { "@hono/node-server": "1.14.1", "@hono/node-ws": "1.2.0" },
};

function npmEnv() {
  // Running under `npm run`, npm_package_* / npm_lifecycle_* describe Promptly: drop them.
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_(package|lifecycle)_/.test(key)) env[key] = value;
  }
  return env;
}

function installInto(dir, manifest, log) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`installing ${Object.entries(manifest.dependencies).map(([n, v]) => `${n}@${v}`).join(" ")} into ${path.relative(process.cwd(), dir)} (first use only)…`);
  const result = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], {
    cwd: dir,
    env: npmEnv(),
    encoding: "utf8",
    timeout: 240_000,
  });
  if (result.status !== 0) {
    throw new Error(`npm install in ${dir} failed (${result.status ?? result.signal ?? result.error?.message}):\n${result.stderr}`);
  }
}

function readVersion(dir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

/** Path of the gateway's start-server.js, installing it first if needed. */
export function ensurePortkeyGateway(cacheDir, log) {
  const dir = path.join(cacheDir, `portkey-gateway-${PORTKEY_GATEWAY_VERSION}`);
  const entry = path.join(dir, "node_modules", "@portkey-ai", "gateway", "build", "start-server.js");
  const ready = () =>
    fs.existsSync(entry) &&
    readVersion(dir, "@portkey-ai/gateway") === PORTKEY_GATEWAY_VERSION &&
    readVersion(dir, "@hono/node-server") === "1.14.1";
  if (!ready()) installInto(dir, PORTKEY_MANIFEST, log);
  if (!ready()) throw new Error(`Portkey gateway install in ${dir} is incomplete (wanted @hono/node-server 1.14.1, got ${readVersion(dir, "@hono/node-server")})`);
  return entry;
}

/** Path of autocannon's CLI, installing it first if needed. */
export function ensureAutocannon(cacheDir, log) {
  const dir = path.join(cacheDir, `autocannon-${AUTOCANNON_VERSION}`);
  const entry = path.join(dir, "node_modules", "autocannon", "autocannon.js");
  if (readVersion(dir, "autocannon") !== AUTOCANNON_VERSION) {
    installInto(dir, { name: "promptly-bench-autocannon", private: true, dependencies: { autocannon: AUTOCANNON_VERSION } }, log);
  }
  if (!fs.existsSync(entry)) throw new Error(`autocannon install in ${dir} is incomplete`);
  return entry;
}
