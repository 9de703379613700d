import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { bodyLimitFor, bodyTooLarge, declaredLength, decode, maxBodyBytes, unreadable } from "./body-limit";
import { errorEnvelope } from "./errors";

/**
 * The body limit on the node side of the production server (scripts/server.mjs), for every
 * request before any route runs: Next's pages, better-auth's /api/auth and the /v1 API.
 *
 * - A declared length over the limit: answered 413 at once, nothing read, except on /v1,
 *   whose routes check the key from the headers first (an unauthenticated caller gets its
 *   401 either way); the answer then says `Connection: close`.
 * - A chunked body: its bytes are counted as node's parser hands them to the request stream
 *   (counting on `push` leaves the stream to whoever reads it: Next's own body reading is
 *   untouched). Past the limit: the chunk is dropped, a 413 answered unless an answer is
 *   already under way, and the connection closed.
 * - Answered before such a body was complete (a 401, a redirect): the connection is closed
 *   rather than drained, since node would otherwise read and discard it to the end. So is
 *   one of a CSV or JSON Lines import (whose limit is PROMPTLY_MAX_IMPORT_BYTES) declaring
 *   more than the ordinary limit.
 */
export function guardRequestBody(
  req: IncomingMessage,
  res: ServerResponse,
  extraHeaders: [string, string][],
  // Bulk imports (CSV, JSON Lines on /v1) stream through their route: their own limit.
  limit = bodyLimitFor(req.method, req.url, req.headers["content-type"]),
): "answered" | "guarded" {
  const declared = declaredLength(req.headers["content-length"]);
  const chunked = req.headers["transfer-encoding"] !== undefined;
  const oversized = declared !== null && declared > limit;
  // Within an import's larger limit but over the ordinary one: an answer given before it was
  // all read (a 401) hangs up too, rather than node draining up to PROMPTLY_MAX_IMPORT_BYTES.
  const large = declared !== null && declared > maxBodyBytes();
  // No body, or a small one within the limit: node's parser stops at the declared length.
  if (!oversized && !chunked && !large) return "guarded";
  lingerOnClose(req.socket);
  if (oversized && !(req.url ?? "").startsWith("/v1/")) {
    answerTooLarge(req, res, extraHeaders, limit);
    return "answered";
  }
  // Whatever the route answers, the connection ends with it: an answer given before the
  // body was all read hangs up, and the client must not send its next request on it.
  if (oversized || large) res.setHeader("connection", "close");
  res.once("finish", () => {
    if (!req.complete) hangUp(req, limit);
  });
  if (!chunked) return "guarded";
  let count = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null || chunk === undefined) return push(chunk, encoding);
    count += (chunk as Buffer).length;
    if (count <= limit) return push(chunk, encoding);
    if (count - (chunk as Buffer).length <= limit) answerTooLarge(req, res, extraHeaders, limit);
    // Dropped, while the answer goes out and the client sees the connection end; reading on
    // (rather than pausing the socket) is how its close is noticed. Another limit's worth: stop.
    else if (count > 2 * limit) stopReading(req.socket);
    return true;
  };
  return "guarded";
}

/** 413 in the error envelope (unless an answer is already under way), then hang up. */
function answerTooLarge(req: IncomingMessage, res: ServerResponse, extraHeaders: [string, string][], limit: number): void {
  if (res.headersSent) {
    if (res.writableFinished) hangUp(req, limit);
    return; // else the finish listener hangs up
  }
  const body = JSON.stringify(errorEnvelope(bodyTooLarge(limit)));
  for (const [name, value] of extraHeaders) if (!res.hasHeader(name)) res.setHeader(name, value);
  res.writeHead(413, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close" });
  res.end(body, () => hangUp(req, limit));
}

/**
 * Closes the connection once the answer is flushed, and then fails the request stream with
 * the 413, so a route still waiting for the rest of the body (Next's reader, the fast
 * routes') stops waiting instead of holding its memory forever.
 */
const hungUp = new WeakSet<IncomingMessage>();

function hangUp(req: IncomingMessage, limit: number): void {
  if (hungUp.has(req)) return; // the answer's end and its finish event may both ask
  hungUp.add(req);
  const socket = req.socket;
  const wake = () => req.destroy(bodyTooLarge(limit));
  if (socket.destroyed) return queueMicrotask(wake);
  socket.once("close", wake);
  lingeringClose(socket);
}

/** How long a connection with body bytes still coming may stay half-closed after the answer. */
const LINGER_MS = 2_000;

/**
 * Node closes a `Connection: close` socket right after the answer is written; with body bytes
 * still unread, the kernel then sends a reset, and the client may lose the answer it had not
 * read yet (the 401 or 413 this is all about). Lingering instead: FIN after the answer, keep
 * reading (and discarding) until the client closes or a short while has passed.
 */
function lingerOnClose(socket: Socket): void {
  (socket as Socket & { destroySoon?: () => void }).destroySoon = () => lingeringClose(socket);
}

function lingeringClose(socket: Socket): void {
  if (socket.destroyed) return;
  socket.end();
  socket.resume();
  dropLater(socket);
  socket.once("end", () => socket.destroy());
}

/**
 * Past twice the limit: no more reading (the client's sends stall in its own buffers), and the
 * connection is dropped after LINGER_MS. Not at once: a reset while the answer still sits
 * unread on the client's side would discard it.
 */
function stopReading(socket: Socket): void {
  socket.pause();
  dropLater(socket);
}

const dropping = new WeakSet<Socket>();

function dropLater(socket: Socket): void {
  if (dropping.has(socket)) return;
  dropping.add(socket);
  const timer = setTimeout(() => socket.destroy(), LINGER_MS);
  timer.unref();
  socket.once("close", () => clearTimeout(timer));
}

/**
 * The whole body of a request (the fast routes read it themselves, after authentication),
 * refused past the limit. The guard above usually answers first; this stays correct
 * without it.
 */
export function readNodeBody(req: IncomingMessage, limit = maxBodyBytes()): Promise<string> {
  const declared = declaredLength(req.headers["content-length"]);
  if (declared !== null && declared > limit) return Promise.reject(bodyTooLarge(limit));
  if (req.complete && req.readableEnded) return Promise.resolve("");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const done = (error?: unknown) => {
      req.off("data", onData).off("end", onEnd).off("error", done).off("close", onClose);
      if (error === undefined) resolve(decode(chunks));
      else reject(unreadable(error));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return done(bodyTooLarge(limit));
      chunks.push(chunk);
    };
    const onEnd = () => done();
    // Closed before the end without an error event: the client went away.
    const onClose = () => done(new Error("request closed before its end"));
    req.on("data", onData).once("end", onEnd).once("error", done).once("close", onClose);
  });
}
