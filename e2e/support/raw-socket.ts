import net from "node:net";
import { E2E } from "./env";

/**
 * An HTTP/1.1 request written byte by byte on a plain socket, for the tests about what the
 * server does while a body is still arriving (answers before reading it, refuses it, hangs
 * up): an HTTP client library would insist on sending the whole body first.
 */
export interface PushResult {
  status: number | null;
  headers: Record<string, string>;
  /** The answer's body as far as it arrived before the socket closed or the wait ended. */
  body: string;
  /** Body bytes written when the answer's status line arrived (null: no answer). */
  sentAtAnswer: number | null;
  /** Body bytes written when the server closed the connection (null: still open). */
  sentAtClose: number | null;
  sent: number;
}

export interface PushOptions {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Declared content-length; omitted: the body is sent chunked. */
  contentLength?: number;
  /** Stop writing after this many body bytes (the test's bound: never an endless loop). */
  maxBytes: number;
  /** Body bytes: a JSON prefix, then this filler repeated; chunk size of each write. */
  prefix?: string;
  chunkSize?: number;
  /** Called after every write (sampling the server's memory, for one). */
  onProgress?: (sent: number) => void;
  /** false: done once the whole answer arrived, on a connection the server may keep open. */
  waitForClose?: boolean;
  port?: number;
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

export async function pushBody(options: PushOptions): Promise<PushResult> {
  const socket = net.connect({ host: "127.0.0.1", port: options.port ?? E2E.port });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const result: PushResult = { status: null, headers: {}, body: "", sentAtAnswer: null, sentAtClose: null, sent: 0 };
  let received = Buffer.alloc(0);
  let closed = false;
  let closedResolve!: () => void;
  const closedPromise = new Promise<void>((resolve) => (closedResolve = resolve));
  let answeredResolve!: () => void;
  const answeredPromise = new Promise<void>((resolve) => (answeredResolve = resolve));
  socket.on("data", (chunk: Buffer) => {
    received = Buffer.concat([received, chunk]);
    if (result.status === null) {
      const end = received.indexOf("\r\n\r\n");
      if (end === -1) return;
      const [statusLine, ...lines] = received.subarray(0, end).toString("latin1").split("\r\n");
      result.status = Number(statusLine.split(" ")[1]);
      for (const line of lines) {
        const colon = line.indexOf(":");
        result.headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      result.sentAtAnswer = result.sent;
      received = received.subarray(end + 4);
    }
    if (result.headers["transfer-encoding"] === "chunked") {
      const { text, complete } = unchunk(received);
      result.body = text;
      if (complete) answeredResolve();
      return;
    }
    result.body = received.toString("utf8");
    const length = Number(result.headers["content-length"]);
    if (Number.isFinite(length) && received.length >= length) answeredResolve();
  });
  const onClose = () => {
    if (closed) return;
    closed = true;
    result.sentAtClose = result.sent;
    closedResolve();
  };
  socket.on("close", onClose);
  socket.on("end", onClose);
  socket.on("error", onClose); // a reset after the answer is one way of hanging up

  const chunked = options.contentLength === undefined;
  const headers = {
    host: `127.0.0.1:${options.port ?? E2E.port}`,
    "content-type": "application/json",
    ...options.headers,
    ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(options.contentLength) }),
  };
  const head = `${options.method ?? "POST"} ${options.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n`;
  socket.write(head);

  const size = options.chunkSize ?? 64 * 1024;
  const filler = Buffer.alloc(size, "a");
  let first = Buffer.from(options.prefix ?? "");
  while (!closed && result.sent < options.maxBytes) {
    const data = first.length ? Buffer.concat([first, filler.subarray(first.length)]) : filler;
    first = Buffer.alloc(0);
    const framed = chunked ? Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from("\r\n")]) : data;
    const flushed = socket.write(framed);
    result.sent += data.length;
    options.onProgress?.(result.sent);
    // Let the answer (and a close) be read between writes; wait while the kernel's buffers are full.
    if (!flushed) await Promise.race([new Promise((resolve) => socket.once("drain", resolve)), closedPromise]);
    else await settle();
  }
  // A whole chunked body ends with an empty chunk (the tests over the limit never get there).
  if (chunked && !closed && result.sent >= options.maxBytes && options.waitForClose === false) socket.write("0\r\n\r\n");
  // The bound reached or the server hung up: give its answer and its close a moment to arrive.
  const done = options.waitForClose === false ? Promise.race([closedPromise, answeredPromise]) : closedPromise;
  if (!closed) await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  socket.destroy();
  return result;
}

/** Sends the head only (with a declared length) and waits for the answer or a close. */
export function headOnly(options: Omit<PushOptions, "maxBytes">): Promise<PushResult> {
  return pushBody({ ...options, maxBytes: 0 });
}

/** A chunked answer's body so far, and whether its last (empty) chunk arrived. */
function unchunk(data: Buffer): { text: string; complete: boolean } {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf("\r\n", at);
    if (lineEnd === -1) break;
    const size = parseInt(data.subarray(at, lineEnd).toString("latin1"), 16);
    if (!Number.isFinite(size)) break;
    if (size === 0) return { text: Buffer.concat(parts).toString("utf8"), complete: true };
    if (data.length < lineEnd + 2 + size) break;
    parts.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return { text: Buffer.concat(parts).toString("utf8"), complete: false };
}
