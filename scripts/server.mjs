#!/usr/bin/env node
// The production server `npm start` runs (scripts/start.mjs), in place of `next start`: one
// node:http server in front of Next, in the same process. POST /v1/prompts/:id/completions and
// /render, the gateway's hot path, go to the fast routes (server/fast-routes.ts, bundled into
// .next/promptly-server/ by scripts/build-server.mjs), which run the same route handlers
// without Next's per-request work (about 2 ms of CPU per request); everything else goes to Next.
// Env: HOST, PORT, PROMPTLY_FAST_ROUTES=0 (hot routes through Next as well), PROMPTLY_WORKERS
// (processes sharing the port, default one per core: server/cluster-primary.ts). Exits 143 on SIGTERM (130 on SIGINT) after in-flight requests finished and
// the queued log rows were written, as `next start` did.
import cluster from "node:cluster";
import http from "node:http";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const hostname = process.env.HOST || "127.0.0.1";
const port = Number(process.env.PORT || 3000);
process.env.NODE_ENV = "production";
process.chdir(root);

// Several workers: this process (the primary) only forks and supervises them, each running
// this file, and never goes past here; it exits from the supervisor, after its workers.
if (cluster.isPrimary) {
  const primary = await import(pathToFileURL(path.join(root, ".next", "promptly-server", "cluster-primary.mjs")).href);
  const count = primary.workerCount();
  if (count > 1) {
    primary.superviseWorkers(count, fileURLToPath(import.meta.url));
    await new Promise(() => {});
  }
}
// PROMPTLY_WORKER_HEADER=1: which worker answered (node:cluster's id, not a pid), for tests and
// diagnostics; off by default, as answers to different callers must not differ by worker.
const workerTag = cluster.isWorker && process.env.PROMPTLY_WORKER_HEADER === "1" ? String(cluster.worker.id) : null;

const require = createRequire(import.meta.url);
const next = require("next");
const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare(); // runs instrumentation.ts: seeding, shutdown hooks
const fast = await import(pathToFileURL(path.join(root, ".next", "promptly-server", "fast-routes.mjs")).href);

// Next adds next.config.js `headers()` (CSP, nosniff...) to every response, /v1 included;
// the fast routes must too. Only the catch-all rule exists; others would need Next's matcher.
const configHeaders = [];
for (const rule of (await require(path.join(root, "next.config.js")).headers?.()) ?? []) {
  if (rule.source !== "/:path*") throw new Error(`scripts/server.mjs: header rule '${rule.source}' is not supported`);
  for (const { key, value } of rule.headers) configHeaders.push([key.toLowerCase(), value]);
}

// Next's app routes all answer with this Vary (for its client router's caches): same here.
configHeaders.push(["vary", "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch"]);

// PROMPTLY_FAST_ROUTES=0 sends the hot routes through Next too (to compare, or as a way out).
const fastRoutes = process.env.PROMPTLY_FAST_ROUTES !== "0";
const server = http.createServer((req, res) => {
  if (workerTag) res.setHeader("x-promptly-worker", workerTag);
  // Client address and scheme from trusted proxies only, PROMPTLY_ALLOWED_HOSTS, HSTS (lib/core/http/request-guard.ts).
  if (fast.guardRequest(req, res)) return;
  // The request body limit, for every route below (lib/core/http/node-body-guard.ts).
  if (fast.guardRequestBody(req, res, configHeaders) === "answered") return;
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  if (pathname.startsWith("/v1/")) {
    // Next would fail decoding the route params and answer a text/plain 500.
    try {
      decodeURIComponent(pathname);
    } catch {
      return fast.malformedPathResponse(res, configHeaders);
    }
    const route = fastRoutes && fast.matchFastRoute(req.method, pathname);
    if (route) {
      return void fast.serveFast(req, res, route, configHeaders).catch((error) => {
        console.error("[promptly] fast route failed", error);
        if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
        res.end();
      });
    }
  }
  void handle(req, res);
});
// Node closes an idle kept-alive connection after 5 s; a client (or proxy) sending its next
// request just then gets a reset, since nothing in HTTP/1.1 tells it the request was not
// read. Outlasting the usual 60 s proxy idle timeout lets the client side close first.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
// A deep accept queue (node's default is 511): thousands of clients connecting within a
// second while the loop is busy otherwise overflow it, and their connections are reset.
server.listen({ port, host: hostname, backlog: 4096 }, () => console.log(`[promptly] ready on http://${hostname}:${port}`));

// Graceful stop: no new connections, in-flight requests finish (idle kept-alive sockets are
// closed), then the queued log rows are written. lib/lifecycle/shutdown.ts's hooks also wrap
// process.exit to flush; flushing here first makes the order explicit.

let stopping = false;
for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]]) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    server.close(() => void fast.flushLogs().finally(() => process.exit(code)));
    server.closeIdleConnections();
    // Sockets that turn idle after their last answer must not hold the stop open.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    sweep.unref();
  });
}
