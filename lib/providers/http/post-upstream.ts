import http, { type ClientRequest, type IncomingMessage } from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { allowedHostsSource } from "@/lib/core/net/allowed-hosts";
import { type ChunkSource, startOnce, webStreamOfChunks } from "@/lib/core/http/chunk-source";
import { runtimeSlot } from "@/lib/core/runtime";
import { effectivePort, guardedLookup, isOutboundRefusal, OutboundRefusedError, refusalFor } from "@/lib/core/net/outbound";
import { idle, streamTooLarge, tooLarge, UpstreamLimitError, upstreamLimits } from "./upstream-limits";

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
  /** The body as a chunk source, cheaper per chunk than `body` (only ours: a real Response has none). */
  chunks?: () => ChunkSource;
  text(): Promise<string>;
}

export interface UpstreamRequest {
  headers: Record<string, string>;
  body: string;
  /** Aborts the call (a timeout, or the client leaving): the promise or the body fails with the abort. */
  signal?: AbortSignal;
}

// Upstream connections stay open between calls (no TCP, TLS handshake per completion). One
// pool per process (a runtime slot): the fast routes' copy of this module uses Next's sockets.
// As many stay idle as were in use (node keeps 256 per host by default: past that, every
// burst of concurrent streams opened hundreds anew); each still closes when the provider's
// keep-alive hint says so, and lifo reuse lets the ones beyond current needs age out.
const POOL = { keepAlive: true, scheduling: "lifo", maxFreeSockets: 16_384 } as const;
const agents = runtimeSlot("upstream-agents", () => ({
  "http:": new http.Agent(POOL),
  "https:": new https.Agent(POOL),
}));

/** Indirection so that unit tests can stand in for the network (`vi.spyOn(upstream, "post")`). */
export const upstream = { post: postUpstream };

/**
 * A kept-alive connection the provider closed as idle just as it was picked for this call
 * fails at once with a reset, before any answer: the provider never saw the request. Such a
 * call is sent once more on a fresh connection, as Node's documentation advises; any other
 * failure is reported as it is (a POST is not repeated once it may have been read).
 */
function staleReuse(request: http.ClientRequest, error: NodeJS.ErrnoException): boolean {
  return request.reusedSocket && (error.code === "ECONNRESET" || error.code === "EPIPE");
}

function postUpstream(url: string, call: UpstreamRequest, retried = false): Promise<UpstreamResponse> {
  const { headers, body, signal } = call;
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const target = targetOf(url);
    if (!target) return reject(new Error(`unsupported protocol ${new URL(url).protocol}`));
    const refusal = literalRefusal(target);
    if (refusal) return reject(new OutboundRefusedError(refusal));
    const payload = Buffer.from(body);
    // The second try opens a connection of its own: the pool's other idle ones may be as dead.
    const options = retried ? { ...target.options, agent: false } : target.options;
    const request = target.transport.request({ ...options, method: "POST", headers: { ...headers, "content-length": String(payload.length) } });
    const onAbort = () => request.destroy(signal?.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    // `on`, not `once`: an abort after the answer started errors the request again.
    let answered = false;
    request.on("error", (error: NodeJS.ErrnoException) => {
      signal?.removeEventListener("abort", onAbort);
      if (!answered && !retried && !signal?.aborted && staleReuse(request, error)) return resolve(postUpstream(url, call, true));
      reject(signal?.aborted ? signal.reason : error);
    });
    request.once("response", (response) => {
      answered = true;
      // From here the abort still cuts the connection; the body reader sees it as an error.
      response.once("close", () => signal?.removeEventListener("abort", onAbort));
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        // Never followed: the headers (the provider's secret) were meant for this host only.
        request.destroy();
        return reject(new UpstreamLimitError(`the provider answered with a redirect (${status}${redirectTarget(response)}), which is not followed`));
      }
      resolve(answerOf(request, response, signal));
    });
    request.end(payload);
  });
}

interface Target {
  transport: typeof http | typeof https;
  options: http.RequestOptions;
  /** The host as in the URL (brackets for IPv6) and the port it means, for the outbound policy. */
  hostname: string;
  port: number;
  /** Node does not call `lookup` for these: the policy judges the address itself, before connecting. */
  literal: boolean;
  /** The policy's answer for a literal address, and the allowlist it was given under. */
  refusal?: { allowlist: string | undefined; message: string | null };
}

// A provider's few URLs, parsed once: `new URL` and its conversion to request options were
// a visible share of the CPU before each upstream call. Bounded: keys are operator-set hosts.
const targets = new Map<string, Target | null>();

function targetOf(url: string): Target | null {
  let target = targets.get(url);
  if (target !== undefined) return target;
  const parsed = new URL(url);
  const transport = parsed.protocol === "https:" ? https : parsed.protocol === "http:" ? http : null;
  const hostname = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const port = effectivePort(parsed);
  const literal = isIP(hostname) !== 0;
  target = transport && {
    transport,
    hostname: parsed.hostname,
    port,
    literal,
    options: {
      protocol: parsed.protocol,
      hostname,
      port: parsed.port || undefined,
      // Resolves once, checks every address, connects only to checked ones (no DNS rebinding).
      lookup: literal ? undefined : guardedLookup(parsed.hostname, port),
      path: parsed.pathname + parsed.search,
      auth: parsed.username || parsed.password ? `${decodeURIComponent(parsed.username)}:${decodeURIComponent(parsed.password)}` : undefined,
      agent: agents[parsed.protocol as keyof typeof agents],
    },
  };
  if (targets.size >= 1_000) targets.clear();
  targets.set(url, target);
  return target;
}

function literalRefusal(target: Target): string | null {
  if (!target.literal) return null;
  const allowlist = allowedHostsSource();
  let refusal = target.refusal;
  if (!refusal || refusal.allowlist !== allowlist) {
    refusal = { allowlist, message: refusalFor(`provider host ${target.hostname}:${target.port}`, target.hostname, target.port, []) };
    target.refusal = refusal;
  }
  return refusal.message;
}

/** Where a redirect pointed, by origin only (its query could carry anything). */
function redirectTarget(response: IncomingMessage): string {
  try {
    return ` to ${new URL(response.headers.location ?? "").origin}`;
  } catch {
    return "";
  }
}

/**
 * Fires `onIdle` when a stream's provider has sent nothing for the idle limit while we wait
 * for it; time spent paused by our own reader (backpressure) does not count. Starts with the
 * answer's headers: until then the request timeout applies.
 */
function idleWatch(onIdle: (error: Error) => void) {
  const { idleMs } = upstreamLimits();
  let waiting = true;
  const timer = setTimeout(function fire() {
    if (waiting) onIdle(idle(idleMs));
    else timer.refresh();
  }, idleMs);
  return {
    /** Data arrived, or we ask for more: the silence starts again. */
    touch(stillWaiting = true) {
      waiting = stillWaiting;
      timer.refresh();
    },
    stop: () => clearTimeout(timer),
  };
}

function answerOf(request: ClientRequest, response: IncomingMessage, signal: AbortSignal | undefined): UpstreamResponse {
  const status = response.statusCode ?? 502;
  let source: ChunkSource | undefined;
  const chunks = () => (source ??= chunksOf(request, response, failure));
  // A stream's reader attaches its listeners only when the client's side starts it: a
  // connection failing before then must not be an unhandled 'error' (the reader sees it
  // as a destroyed response when it starts).
  response.on("error", () => undefined);
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
      body ??= webStreamOfChunks(chunks());
      return body;
    },
    chunks,
    text() {
      return new Promise((resolve, reject) => {
        // No idle limit here: the whole call, body included, is under the request timeout.
        const { maxBytes } = upstreamLimits();
        const fail = (error: unknown) => {
          request.destroy();
          reject(failure(error));
        };
        if (Number(response.headers["content-length"]) > maxBytes) return fail(tooLarge(maxBytes));
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) return fail(tooLarge(maxBytes));
          chunks.push(chunk);
        });
        response.once("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
        response.once("error", fail);
        response.once("close", () => {
          if (!response.complete) reject(failure(new Error("the connection closed before the answer was complete")));
        });
      });
    },
  };
}

/**
 * The response's chunks as they arrive, with backpressure (a consumer that pauses pauses the
 * socket); cancelling closes the connection. The limits end the stream as an error and drop
 * the connection: a stream past the size cap, or a provider silent past the idle limit.
 */
function chunksOf(request: ClientRequest, response: IncomingMessage, failure: (error: unknown) => unknown): ChunkSource {
  const claim = startOnce();
  let settled = false;
  let watch: ReturnType<typeof idleWatch> | undefined;
  return {
    start(handlers) {
      claim();
      const { maxStreamBytes } = upstreamLimits();
      let size = 0;
      const fail = (error: unknown) => {
        watch?.stop();
        if (settled) return;
        settled = true;
        handlers.error(failure(error));
      };
      const cut = (error: Error) => {
        fail(error);
        request.destroy();
      };
      watch = idleWatch(cut);
      response.on("data", (chunk: Buffer) => {
        if (settled) return;
        size += chunk.length;
        if (size > maxStreamBytes) return cut(streamTooLarge(maxStreamBytes));
        const more = handlers.data(chunk);
        if (!more) response.pause();
        watch?.touch(more);
      });
      response.once("end", () => {
        watch?.stop();
        if (settled) return;
        settled = true;
        handlers.end();
      });
      response.once("error", fail);
      response.once("close", () => {
        if (!response.complete) fail(new Error("the connection closed mid-stream"));
        watch?.stop();
      });
      if (response.destroyed && !response.complete) fail(new Error("the connection closed mid-stream"));
    },
    resume() {
      watch?.touch();
      response.resume();
    },
    cancel() {
      settled = true;
      watch?.stop();
      request.destroy();
    },
  };
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

/**
 * The failure of a call that got no answer: the outbound policy's refusal is the operator's
 * configuration to fix (400, naming the variable), anything else the provider being
 * unreachable (502).
 */
export function unreachable(displayName: string, error: unknown): { ok: false; status: number; message: string; code: string } {
  if (isOutboundRefusal(error)) return { ok: false, status: 400, message: error.message, code: "provider_host_refused" };
  return { ok: false, status: 502, message: `could not reach ${displayName}: ${networkDetail(error)}`, code: "provider_unreachable" };
}
