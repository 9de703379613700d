import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isOutboundRefusal } from "@/lib/core/net/outbound";
import { networkDetail, upstream } from "./post-upstream";

// A tiny server: /json answers at once, /slow never answers, /sse sends a chunk and waits.
const sockets = new Set<number>();
const closed: string[] = [];
let base = "";
const server = http.createServer((req, res) => {
  sockets.add((req.socket as { remotePort?: number }).remotePort ?? 0);
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    if (req.url === "/json") {
      res.writeHead(200, { "content-type": "application/json", "retry-after": "3" });
      return void res.end(JSON.stringify({ echo: JSON.parse(body), length: req.headers["content-length"] }));
    }
    if (req.url?.startsWith("/echo")) {
      res.writeHead(200, { "content-type": "application/json" });
      return void res.end(JSON.stringify({ url: req.url, authorization: req.headers.authorization ?? null }));
    }
    if (req.url === "/error") {
      res.writeHead(429, "Too Many Requests", { "content-type": "application/json" });
      return void res.end('{"error":{"message":"slow down"}}');
    }
    if (req.url === "/redirect") {
      res.writeHead(302, { location: `${otherBase}/steal` });
      return void res.end();
    }
    if (req.url?.startsWith("/huge")) {
      // 3 MB, announced (content-length) or not (chunked), written as fast as the client reads.
      const size = 3 * 1024 * 1024;
      res.writeHead(200, { "content-type": "application/json", ...(req.url === "/huge-announced" ? { "content-length": String(size) } : {}) });
      res.on("close", () => closed.push(req.url!));
      const piece = Buffer.alloc(64 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < size && !res.destroyed) {
          sent += piece.length;
          if (!res.write(piece)) return void res.once("drain", pump);
        }
        if (!res.destroyed) res.end();
      };
      return pump();
    }
    if (req.url === "/sse-drop") {
      // Headers and one event, then the connection is lost.
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      return void setTimeout(() => req.socket.destroy(), 20);
    }
    if (req.url === "/sse") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      res.on("close", () => closed.push("sse"));
      return;
    }
    res.on("close", () => closed.push("slow"));
  });
});

// Where a redirect points: it must never see a request.
const otherHits: string[] = [];
let otherBase = "";
const other = http.createServer((req, res) => {
  otherHits.push(req.url ?? "");
  res.end("{}");
});

let connections = 0;
server.on("connection", () => connections++);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});
afterAll(() => {
  for (const s of [server, other]) {
    s.closeAllConnections();
    s.close();
  }
});

const LIMIT_ENV = ["PROMPTLY_ALLOWED_PROVIDER_HOSTS", "PROMPTLY_MAX_UPSTREAM_BYTES", "PROMPTLY_MAX_UPSTREAM_STREAM_BYTES", "PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS"];
const savedEnv = Object.fromEntries(LIMIT_ENV.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of LIMIT_ENV) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return check();
};

describe("postUpstream", () => {
  it("POSTs JSON with its length and reads the answer; calls reuse one kept-alive connection", async () => {
    sockets.clear();
    for (const n of [1, 2, 3]) {
      const response = await upstream.post(`${base}/json`, { headers: { "content-type": "application/json" }, body: JSON.stringify({ n, é: "ü" }) });
      expect(response.ok).toBe(true);
      expect(response.headers.get("Retry-After")).toBe("3");
      expect(JSON.parse(await response.text())).toEqual({ echo: { n, é: "ü" }, length: String(Buffer.byteLength(JSON.stringify({ n, é: "ü" }))) });
    }
    expect(sockets.size).toBe(1);
  });

  it("keeps as many idle connections as the concurrency used: a second burst opens none", async () => {
    const burst = () => Promise.all(Array.from({ length: 400 }, () => upstream.post(`${base}/json`, { headers: {}, body: "{}" }).then((r) => r.text())));
    await burst();
    const opened = connections;
    await burst();
    expect(connections).toBe(opened);
  });

  it("parses each URL once but calls each with its own path, query and credentials", async () => {
    const call = async (url: string) => JSON.parse(await (await upstream.post(url, { headers: {}, body: "{}" })).text());
    for (let i = 0; i < 2; i++) {
      expect(await call(`${base}/echo/a?key=1`)).toEqual({ url: "/echo/a?key=1", authorization: null });
      expect(await call(`${base}/echo/b?key=2`)).toEqual({ url: "/echo/b?key=2", authorization: null });
      const withUser = base.replace("http://", "http://us%40er:p%3Ass@");
      expect(await call(`${withUser}/echo/c`)).toEqual({ url: "/echo/c", authorization: `Basic ${Buffer.from("us@er:p:ss").toString("base64")}` });
    }
    await expect(upstream.post("ftp://127.0.0.1/x", { headers: {}, body: "{}" })).rejects.toThrow(/unsupported protocol ftp:/);
  });

  it("keeps an error's status and text", async () => {
    const response = await upstream.post(`${base}/error`, { headers: {}, body: "{}" });
    expect([response.ok, response.status, response.statusText]).toEqual([false, 429, "Too Many Requests"]);
    expect(await response.text()).toContain("slow down");
  });

  it("an abort before the answer rejects with an AbortError and closes the connection", async () => {
    const controller = new AbortController();
    const pending = upstream.post(`${base}/slow`, { headers: {}, body: "{}", signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    expect(await waitFor(() => closed.includes("slow"))).toBe(true);
  });

  it("streams the body as it arrives; cancelling it closes the connection", async () => {
    const response = await upstream.post(`${base}/sse`, { headers: {}, body: "{}" });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("data: one\n\n");
    await reader.cancel();
    expect(await waitFor(() => closed.includes("sse"))).toBe(true);
  });

  it("a connection lost before the stream's reader started fails the stream once read, and crashes nothing", async () => {
    const response = await upstream.post(`${base}/sse-drop`, { headers: {}, body: "{}" });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const seen: string[] = [];
    const error = await new Promise<unknown>((resolve) =>
      response.chunks!().start({ data: (chunk) => (seen.push(new TextDecoder().decode(chunk)), true), end: () => resolve(null), error: resolve }),
    );
    expect(networkDetail(error)).toMatch(/closed mid-stream|aborted/);
  });

  it("an abort mid-stream fails the body's read with the abort", async () => {
    const controller = new AbortController();
    const response = await upstream.post(`${base}/sse`, { headers: {}, body: "{}", signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("an unreachable server rejects with a readable reason", async () => {
    const error = await upstream.post("http://127.0.0.1:1/x", { headers: {}, body: "{}" }).catch((e: unknown) => e);
    expect(networkDetail(error)).toMatch(/ECONNREFUSED/);
  });

  it("never follows a redirect: the call fails and the other host sees nothing", async () => {
    const error = await upstream.post(`${base}/redirect`, { headers: { authorization: "Bearer sk-secret" }, body: "{}" }).catch((e: unknown) => e);
    expect(networkDetail(error)).toBe(`the provider answered with a redirect (302 to ${otherBase}), which is not followed`);
    expect(otherHits).toEqual([]);
  });

  it("refuses a body over PROMPTLY_MAX_UPSTREAM_BYTES, announced or not, and closes the connection", async () => {
    process.env.PROMPTLY_MAX_UPSTREAM_BYTES = String(1024 * 1024);
    for (const path of ["/huge", "/huge-announced"]) {
      const response = await upstream.post(`${base}${path}`, { headers: {}, body: "{}" });
      const error = await response.text().catch((e: unknown) => e);
      expect(networkDetail(error)).toContain("PROMPTLY_MAX_UPSTREAM_BYTES (1048576 bytes)");
      expect(await waitFor(() => closed.includes(path))).toBe(true);
    }
  });

  it("ends a stream over PROMPTLY_MAX_UPSTREAM_STREAM_BYTES with an error and closes the connection", async () => {
    process.env.PROMPTLY_MAX_UPSTREAM_STREAM_BYTES = String(1024 * 1024);
    closed.length = 0;
    const reader = (await upstream.post(`${base}/huge`, { headers: {}, body: "{}" })).body!.getReader();
    const error = await (async () => {
      for (;;) if ((await reader.read()).done) return null;
    })().catch((e: unknown) => e);
    expect(networkDetail(error)).toContain("PROMPTLY_MAX_UPSTREAM_STREAM_BYTES (1048576 bytes)");
    expect(await waitFor(() => closed.includes("/huge"))).toBe(true);
  });

  it("ends a stream that goes quiet for PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS with an error and closes the connection", async () => {
    process.env.PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS = "100";
    closed.length = 0;
    const reader = (await upstream.post(`${base}/sse`, { headers: {}, body: "{}" })).body!.getReader();
    await reader.read();
    const error = await reader.read().catch((e: unknown) => e);
    expect(networkDetail(error)).toContain("PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS (100 ms)");
    expect(await waitFor(() => closed.includes("sse"))).toBe(true);
  });

  it("connects to no address the outbound policy refuses, by IP or by name", async () => {
    process.env.PROMPTLY_ALLOWED_PROVIDER_HOSTS = "";
    sockets.clear();
    const port = new URL(base).port;
    for (const url of [`${base}/json`, `http://localhost:${port}/json`, `http://2130706433:${port}/json`]) {
      const error = await upstream.post(url, { headers: { authorization: "Bearer sk-secret" }, body: "{}" }).catch((e: unknown) => e);
      expect(isOutboundRefusal(error)).toBe(true);
      expect(networkDetail(error)).toContain("PROMPTLY_ALLOWED_PROVIDER_HOSTS=");
    }
    expect(sockets.size).toBe(0);
  });
});

describe("a kept-alive connection the provider closed", () => {
  it("sends the call again on a fresh connection when the reused one is reset before any answer", async () => {
    // Answers the first request of each connection, and resets a connection at its second:
    // what a provider closing an idle keep-alive connection looks like from this side.
    const perSocket = new WeakMap<object, number>();
    let answered = 0;
    const closing = http.createServer((req, res) => {
      const count = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, count);
      if (count > 1) return void req.socket.destroy();
      req.resume();
      req.on("end", () => {
        answered++;
        res.writeHead(200, { "content-type": "application/json", connection: "keep-alive" });
        res.end("{}");
      });
    });
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closing.address() as AddressInfo).port}/x`;
    try {
      for (let i = 0; i < 3; i++) {
        const response = await upstream.post(url, { headers: { "content-type": "application/json" }, body: "{}" });
        expect(response.status).toBe(200);
        await response.text();
      }
      expect(answered).toBe(3);

      // Several idle connections, all closed by the provider: the second try must not pick
      // another of them from the pool.
      const burst = await Promise.all(Array.from({ length: 3 }, () => upstream.post(url, { headers: { "content-type": "application/json" }, body: "{}" })));
      await Promise.all(burst.map((response) => response.text()));
      const after = await upstream.post(url, { headers: { "content-type": "application/json" }, body: "{}" });
      expect(after.status).toBe(200);
      await after.text();
    } finally {
      closing.close();
    }
  });
});
