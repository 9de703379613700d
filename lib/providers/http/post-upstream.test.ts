import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
    if (req.url === "/sse") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: one\n\n");
      res.on("close", () => closed.push("sse"));
      return;
    }
    res.on("close", () => closed.push("slow"));
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
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
});
