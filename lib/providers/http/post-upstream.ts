import http, { type ClientRequest, type IncomingMessage } from "node:http";
import https from "node:https";

/**
 * The one way adapters reach a provider: a JSON POST over node:http(s) with keep-alive
 * pools. Not the global fetch: undici's fetch costs about 0.4 ms of CPU more per call
 * (Request/Response/Headers objects, body mixins), measured by `npm run bench`, and this
 * is the hot path of every completion. The answer has the small part of Response's shape
 * the adapters use, so a test can hand them a real Response instead.
 */
export interface UpstreamResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null };
  /** The body as a web stream (for SSE relays); reading text() instead avoids it. */
  body: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export interface UpstreamRequest {
  headers: Record<string, string>;
  body: string;
  /** Aborts the call (a timeout, or the client leaving): the promise or the body fails with the abort. */
  signal?: AbortSignal;
}

// Upstream connections stay open between calls (no TCP, TLS handshake per completion).
const agents = {
  "http:": new http.Agent({ keepAlive: true, scheduling: "lifo" }),
  "https:": new https.Agent({ keepAlive: true, scheduling: "lifo" }),
};

/** Indirection so that unit tests can stand in for the network (`vi.spyOn(upstream, "post")`). */
export const upstream = { post: postUpstream };

function postUpstream(url: string, { headers, body, signal }: UpstreamRequest): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const target = targetOf(url);
    if (!target) return reject(new Error(`unsupported protocol ${new URL(url).protocol}`));
    const payload = Buffer.from(body);
    const request = target.transport.request({ ...target.options, method: "POST", headers: { ...headers, "content-length": String(payload.length) } });
    const onAbort = () => request.destroy(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    // `on`, not `once`: an abort after the answer started errors the request again.
    request.on("error", (error) => {
      signal?.removeEventListener("abort", onAbort);
      reject(signal?.aborted ? signal.reason : error);
    });
    request.once("response", (response) => {
      // From here the abort still cuts the connection; the body reader sees it as an error.
      response.once("close", () => signal?.removeEventListener("abort", onAbort));
      resolve(answerOf(request, response, signal));
    });
    request.end(payload);
  });
}

interface Target {
  transport: typeof http | typeof https;
  options: http.RequestOptions;
}

// A provider's few URLs, parsed once: `new URL` and its conversion to request options were
// a visible share of the CPU before each upstream call. Bounded: keys are operator-set hosts.
const targets = new Map<string, Target | null>();

function targetOf(url: string): Target | null {
  let target = targets.get(url);
  if (target !== undefined) return target;
  const parsed = new URL(url);
  const transport = parsed.protocol === "https:" ? https : parsed.protocol === "http:" ? http : null;
  target = transport && {
    transport,
    options: {
      protocol: parsed.protocol,
      hostname: parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname,
      port: parsed.port || undefined,
      path: parsed.pathname + parsed.search,
      auth: parsed.username || parsed.password ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` : undefined,
      agent: agents[parsed.protocol as keyof typeof agents],
    },
  };
  if (targets.size >= 1_000) targets.clear();
  targets.set(url, target);
  return target;
}

function answerOf(request: ClientRequest, response: IncomingMessage, signal: AbortSignal | undefined): UpstreamResponse {
  const status = response.statusCode ?? 502;
  let body: ReadableStream<Uint8Array> | null = null;
  const failure = (error: unknown) => (signal?.aborted ? signal.reason : error);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: response.statusMessage ?? "",
    headers: {
      get(name) {
        const value = response.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    },
    get body() {
      body ??= webStreamOf(request, response, failure);
      return body;
    },
    text() {
      return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        response.once("error", (error) => reject(failure(error)));
        response.once("close", () => {
          if (!response.complete) reject(failure(new Error("the connection closed before the answer was complete")));
        });
      });
    },
  };
}

/** The response as a web stream with backpressure; cancelling it closes the connection. */
function webStreamOf(request: ClientRequest, response: IncomingMessage, failure: (error: unknown) => unknown): ReadableStream<Uint8Array> {
  let settled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        response.on("data", (chunk: Buffer) => {
          if (settled) return;
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 1) <= 0) response.pause();
        });
        response.once("end", () => {
          if (settled) return;
          settled = true;
          controller.close();
        });
        const fail = (error: unknown) => {
          if (settled) return;
          settled = true;
          controller.error(failure(error));
        };
        response.once("error", fail);
        response.once("close", () => {
          if (!response.complete) fail(new Error("the connection closed mid-stream"));
        });
      },
      pull() {
        response.resume();
      },
      cancel() {
        settled = true;
        request.destroy();
      },
    },
    { highWaterMark: 1 },
  );
}

/** A cancelled or timed-out call must reach the engine as the abort it is, not as a 502. */
export function rethrowIfAborted(error: unknown, signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw error;
  if (error instanceof Error && error.name === "AbortError") throw error;
}

/**
 * Why a call failed, in a few words: node reports a refused connection to a name with
 * several addresses as an AggregateError with an empty message (the reasons in `errors`),
 * and fetch as "fetch failed" with the reason in `cause`.
 */
export function networkDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const reason = (error.cause ?? error) as Error & { code?: string; errors?: Error[] };
  return reason.message || reason.code || reason.errors?.[0]?.message || error.message;
}
