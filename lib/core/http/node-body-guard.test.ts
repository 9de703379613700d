import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { guardRequestBody, readNodeBody } from "./node-body-guard";

const LIMIT = 64 * 1024;
const servers: http.Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A node server with the guard in front of `route`, as scripts/server.mjs has it. */
async function serve(route: (req: http.IncomingMessage, res: http.ServerResponse) => void): Promise<number> {
  const server = http.createServer((req, res) => {
    if (guardRequestBody(req, res, [["x-extra", "1"]], LIMIT) === "answered") return;
    route(req, res);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  server.closeAllConnections?.();
  return (server.address() as AddressInfo).port;
}

/** Writes a request head then body chunks until the server hangs up or `max` bytes went out. */
async function upload(port: number, head: string, max: number, chunked: boolean) {
  const socket = net.connect(port, "127.0.0.1");
  let answer = "";
  let closed = false;
  socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
  const done = new Promise<void>((resolve) => {
    const end = () => {
      closed = true;
      resolve();
    };
    socket.on("end", end).on("close", end).on("error", end);
  });
  socket.write(head);
  let sent = 0;
  const chunk = Buffer.alloc(16 * 1024, "a");
  while (!closed && sent < max) {
    const framed = chunked ? Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]) : chunk;
    if (!socket.write(framed)) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), done]);
    else await new Promise((resolve) => setImmediate(resolve));
    sent += chunk.length;
  }
  await done;
  socket.destroy();
  return { answer, sent };
}

const head = (path: string, headers: string) => `POST ${path} HTTP/1.1\r\nhost: x\r\n${headers}\r\n\r\n`;

describe("guardRequestBody", () => {
  it("answers a declared length over the limit with 413 before reading, outside /v1", async () => {
    let routed = false;
    const port = await serve(() => (routed = true));
    const { answer, sent } = await upload(port, head("/sign-in", `content-length: ${LIMIT * 100}`), LIMIT * 100, false);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toMatch(/x-extra: 1/i);
    expect(answer).toContain('"code":"body_too_large"');
    expect(answer).toContain("PROMPTLY_MAX_BODY_BYTES");
    expect(routed).toBe(false);
    expect(sent).toBeLessThan(LIMIT * 100);
  });

  it("lets /v1 routes answer first (auth from headers), then closes instead of reading on", async () => {
    const port = await serve((_req, res) => res.writeHead(401, { "content-type": "application/json" }).end("{}"));
    const { answer, sent } = await upload(port, head("/v1/labels", `content-length: ${LIMIT * 1000}`), LIMIT * 1000, false);
    expect(answer).toMatch(/^HTTP\/1\.1 401/);
    expect(answer).toMatch(/connection: close/i);
    expect(sent).toBeLessThan(LIMIT * 1000);
  });

  it("refuses a chunked body past the limit while a route reads it, and the reader gets the 413", async () => {
    let readerError: unknown;
    const port = await serve((req, res) => {
      readNodeBody(req, LIMIT * 10).then(
        () => res.end("read it all"),
        (error: unknown) => (readerError = error),
      );
    });
    const { answer, sent } = await upload(port, head("/v1/labels", "transfer-encoding: chunked"), LIMIT * 1000, true);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(sent).toBeLessThan(LIMIT * 1000);
    await expect.poll(() => readerError).toMatchObject({ status: 413, code: "body_too_large" });
  });

  it("closes a chunked upload that a route answered without reading, rather than draining it", async () => {
    const port = await serve((_req, res) => res.writeHead(307, { location: "/" }).end());
    const { answer, sent } = await upload(port, head("/", "transfer-encoding: chunked"), LIMIT * 1000, true);
    expect(answer).toMatch(/^HTTP\/1\.1 307/);
    expect(sent).toBeLessThan(LIMIT * 1000);
  });

  it("leaves bodies within the limit alone", async () => {
    const port = await serve(async (req, res) => res.end(String((await readNodeBody(req, LIMIT)).length)));
    const response = await fetch(`http://127.0.0.1:${port}/v1/x`, { method: "POST", body: "a".repeat(LIMIT) });
    expect(await response.text()).toBe(String(LIMIT));
  });
});
