/**
 * The hot routes, served by the custom server (scripts/server.mjs) without Next's per-request
 * machinery: POST /v1/prompts/:id/completions and /render. They run the very route handlers
 * Next serves (same apiRoute wrapper: auth, same-origin check, error envelope, trace id), so
 * behaviour cannot drift; only the node ⇄ web Request/Response adaptation is ours.
 * Bundled by esbuild at build time (scripts/build-server.mjs) with lib/ inlined and
 * node_modules external; every module-level state it shares with Next's copy of lib/ lives
 * in a runtime slot (lib/core/runtime.ts: db client, log writer, caches, bus, rate limiters).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { POST as completions } from "@/app/v1/prompts/[id]/completions/route";
import { POST as render } from "@/app/v1/prompts/[id]/render/route";
import type { ApiRequest, RequestHeaders } from "@/lib/core/http/api-request";
import { type ChunkSource, chunkSourceOf, chunksOfWebStream } from "@/lib/core/http/chunk-source";
import { errorEnvelope } from "@/lib/core/http/errors";
import { readNodeBody } from "@/lib/core/http/node-body-guard";

export { flushLogs } from "@/lib/lifecycle/shutdown";
export { guardRequest } from "@/lib/core/http/request-guard";
// The body limit for every route of the production server, fast or Next (scripts/server.mjs).
export { guardRequestBody } from "@/lib/core/http/node-body-guard";

type RouteHandler = (request: ApiRequest, segment: { params: Promise<{ id: string }> }) => Promise<Response>;

const ROUTES: Record<string, RouteHandler> = { completions, render };
const HOT_PATH = /^\/v1\/prompts\/([^/]+)\/(completions|render)$/;

/** Which fast route a request is for, or null (then Next serves it). */
export function matchFastRoute(method: string | undefined, pathname: string): { handler: RouteHandler; ref: string } | null {
  if (method !== "POST") return null;
  const match = HOT_PATH.exec(pathname);
  if (!match) return null;
  // Next hands route handlers their params percent-decoded; malformed encoding was refused earlier.
  return { handler: ROUTES[match[2]], ref: decodeURIComponent(match[1]) };
}

/** The 400 the removed /v1 middleware answered for a path Next cannot decode (Next says a text 500). */
export function malformedPathResponse(res: ServerResponse, extraHeaders: [string, string][]): void {
  const error = { message: "The request path has malformed percent-encoding", type: "invalid_request_error", param: null, code: "invalid_path" };
  const body = JSON.stringify(errorEnvelope(error));
  // The security headers too: this answer never reaches Next, which adds them to the others.
  for (const [name, value] of extraHeaders) res.setHeader(name, value);
  res.writeHead(400, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export async function serveFast(
  req: IncomingMessage,
  res: ServerResponse,
  route: { handler: RouteHandler; ref: string },
  extraHeaders: [string, string][],
): Promise<void> {
  // Aborted when the client goes away before the answer is complete: cancels the upstream call.
  const client = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) client.abort();
  });
  // The body is read only when the handler asks for it, after apiRoute checked the key from
  // the headers: an unauthenticated upload is answered 401 without a byte of it read.
  let body: Promise<string> | undefined;
  const readBody = () => (body ??= readNodeBody(req));
  const response = await route.handler(lightRequest(req, readBody, client.signal), { params: Promise.resolve({ id: route.ref }) });
  // The body limit (node-body-guard.ts) may have answered already, and hung up.
  if (res.headersSent || res.destroyed) return void (await response.body?.cancel().catch(() => undefined));
  await writeResponse(res, response, extraHeaders);
}

/**
 * The handlers' ApiRequest (lib/core/http/api-request.ts: method, url, headers, signal, text()),
 * without a real undici Request (URL parsing, a signal of its own following ours, a body
 * stream to drain), which costs about a quarter of a millisecond per call here, before the
 * provider is even called; this object costs nothing. No `body`: text() caps its own read.
 */
function lightRequest(req: IncomingMessage, text: () => Promise<string>, signal: AbortSignal): ApiRequest {
  return {
    method: "POST",
    url: `http://${req.headers.host || "localhost"}${req.url}`,
    headers: new NodeHeaders(req.headers),
    signal,
    text,
  };
}

/**
 * The request's headers as the handlers read them (get, has, iteration) over the object
 * node already parsed: building an undici Headers from rawHeaders validated and copied
 * every header again on each call. `new Headers(this)` makes a real one where a library
 * needs it (toHeaders, for the session lookup).
 */
class NodeHeaders implements RequestHeaders {
  constructor(private readonly raw: IncomingMessage["headers"]) {}

  get(name: string): string | null {
    const key = name.toLowerCase();
    // Own keys only: `constructor` is no header.
    const value = Object.hasOwn(this.raw, key) ? this.raw[key] : undefined;
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this) callback(value, name);
  }

  *[Symbol.iterator](): IterableIterator<[string, string]> {
    for (const name of Object.keys(this.raw).sort()) yield [name, this.get(name)!];
  }

  entries(): IterableIterator<[string, string]> {
    return this[Symbol.iterator]();
  }
}

async function writeResponse(res: ServerResponse, response: Response, extraHeaders: [string, string][]): Promise<void> {
  // One flat header list for writeHead: cheaper than a setHeader call (and its checks) each.
  // The handler's own headers win over the config's, as setHeader in that order would.
  const head: string[] = [];
  let isStream = false;
  response.headers.forEach((value, name) => {
    head.push(name, value);
    if (name === "content-type") isStream = value.startsWith("text/event-stream");
  });
  for (const [name, value] of extraHeaders) if (!response.headers.has(name)) head.push(name, value);
  if (!response.body) return void res.writeHead(response.status, head).end();
  if (!isStream) {
    // A whole answer (JSON): one write with its length, no chunked framing.
    const bytes = Buffer.from(await response.arrayBuffer());
    head.push("content-length", String(bytes.length));
    return void res.writeHead(response.status, head).end(bytes);
  }
  res.writeHead(response.status, head);
  // A passthrough stream carries its chunk source; any other stream body is read as one.
  return pipeChunks(chunkSourceOf(response) ?? chunksOfWebStream(response.body), res);
}

/**
 * A stream's chunks straight to the socket: no promise per chunk. A full socket buffer
 * pauses the source (and so the provider's socket) until it drains; a client gone before
 * the end cancels it, which logs "cancelled" and aborts the upstream call.
 */
function pipeChunks(source: ChunkSource, res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const resume = () => source.resume();
    res.on("drain", resume);
    res.once("close", () => {
      res.off("drain", resume);
      if (!res.writableFinished) source.cancel();
      resolve();
    });
    res.flushHeaders();
    source.start({
      data: (chunk) => !res.destroyed && res.write(chunk),
      end: () => void res.end(),
      error: () => void res.destroy(),
    });
  });
}

