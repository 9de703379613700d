import { limitValue, MAX_BODY_BYTES, MAX_BUNDLE_BYTES, MAX_IMPORT_BYTES, type Limit } from "@/lib/core/limits/content-limits";
import type { ApiRequest } from "./api-request";
import { ApiError, errorEnvelope } from "./errors";

/**
 * The request body limit: one number for every route (the /v1 API, sign-in and sign-up,
 * pages). Enforced where bodies are read (readBodyText below, the web Request side) and by
 * the production server before any route runs (node-body-guard.ts), so an oversized body is
 * refused as soon as its declared length or the streamed count says so, never buffered.
 */
/** PROMPTLY_MAX_BODY_BYTES, or 1 MiB when unset or not a positive whole number. */
export const maxBodyBytes = (): number => limitValue(MAX_BODY_BYTES);

/**
 * Bulk imports (CSV, JSON Lines) are read as a stream by the routes that take them, never
 * buffered whole, so they get a larger limit of their own: PROMPTLY_MAX_IMPORT_BYTES.
 * Any other route reading such a body still caps it at the ordinary limit (readBodyText).
 */
export const IMPORT_CONTENT_TYPES = ["text/csv", "application/x-ndjson", "application/jsonl"] as const;

export function isImportContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return (IMPORT_CONTENT_TYPES as readonly string[]).includes(type);
}

export const maxImportBytes = (): number => limitValue(MAX_IMPORT_BYTES);

/** A bundle import (POST /v1/bundles/import) moves a whole workspace: PROMPTLY_MAX_BUNDLE_BYTES. */
export const BUNDLE_IMPORT_PATH = "/v1/bundles/import";
export const maxBundleBytes = (): number => limitValue(MAX_BUNDLE_BYTES);
const isBundleImport = (url: string) => url === BUNDLE_IMPORT_PATH || url.startsWith(`${BUNDLE_IMPORT_PATH}?`);

/** The limit the production server enforces for a request before any route runs. */
export function bodyLimitFor(method: string | undefined, url: string | undefined, contentType: string | null | undefined): number {
  if (method === "POST" && (url ?? "").startsWith("/v1/") && isImportContentType(contentType)) return Math.max(maxImportBytes(), maxBodyBytes());
  if (method === "POST" && isBundleImport(url ?? "")) return Math.max(maxBundleBytes(), maxBodyBytes());
  return maxBodyBytes();
}

export function bodyTooLarge(limit = maxBodyBytes(), which: Limit = limitNamed(limit)): ApiError {
  return new ApiError(
    413,
    `Request body is larger than the limit of ${limit} bytes (set ${which.env} to change it)`,
    "invalid_request_error",
    "body_too_large",
  );
}

// The variable a message names: the larger limit a route took, or the ordinary one.
function limitNamed(limit: number): Limit {
  if (limit === maxBodyBytes()) return MAX_BODY_BYTES;
  if (limit === maxImportBytes()) return MAX_IMPORT_BYTES;
  if (limit === maxBundleBytes()) return MAX_BUNDLE_BYTES;
  return MAX_BODY_BYTES;
}

/** The declared content-length, when there is a valid one. */
export function declaredLength(value: string | null | undefined): number | null {
  if (value == null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value);
}

type BodySource = Pick<ApiRequest, "headers" | "body" | "text">;

/**
 * A request's body as text, refused with a 413 once it passes the limit: before reading
 * anything when the declared length says so, else as soon as the streamed count does (a
 * chunked body has no declared length). A body the client stopped sending is a 400.
 * A request without a `body` stream (the fast routes' light request) caps its own text().
 */
export async function readBodyText(request: BodySource, limit = maxBodyBytes()): Promise<string> {
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > limit) throw bodyTooLarge(limit);
  if (request.body === undefined) return request.text();
  if (request.body === null) return "";
  return decode(await readCapped(request.body, limit));
}

/**
 * A request's body as text pieces, as they arrive (for imports: memory stays flat whatever
 * the size), refused with a 413 once the count passes `limit`. UTF-8; a BOM is left in place.
 */
export async function* streamBodyText(request: BodySource, limit: number): AsyncGenerator<string> {
  const declared = declaredLength(request.headers.get("content-length"));
  if (declared !== null && declared > limit) throw bodyTooLarge(limit);
  if (request.body === undefined) {
    yield await request.text();
    return;
  }
  if (request.body === null) return;
  const reader = request.body.getReader();
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  let total = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        throw unreadable(error);
      }
      if (chunk.done) break;
      total += chunk.value.byteLength;
      if (total > limit) throw bodyTooLarge(limit);
      const text = decoder.decode(chunk.value, { stream: true });
      if (text) yield text;
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    // Stopped early (a bad line, the limit): the rest is not wanted.
    void reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

async function readCapped(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return chunks;
      total += value.byteLength;
      if (total > limit) {
        void reader.cancel().catch(() => undefined);
        throw bodyTooLarge(limit);
      }
      chunks.push(value);
    }
  } catch (error) {
    throw unreadable(error);
  } finally {
    reader.releaseLock();
  }
}

/** A failure while reading a body: our own 413 as is, the client going away as a 400 (never a 500). */
export function unreadable(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(400, "The request body could not be read (the client closed the connection?)", "invalid_request_error", "body_unreadable");
}

const decoder = new TextDecoder();

/** As Request.text() decodes: UTF-8, a leading byte order mark dropped, bad bytes replaced. */
export function decode(chunks: Uint8Array[]): string {
  if (chunks.length === 1) return decoder.decode(chunks[0]);
  return decoder.decode(Buffer.concat(chunks));
}

/**
 * For a handler that reads the body itself (better-auth's sign-in and sign-up): the body is
 * read here within the limit and handed on in a new Request. The production server refuses
 * oversized bodies before any route runs; this makes the limit hold under `next dev` too.
 */
export function withBodyLimit(handler: (request: Request) => Promise<Response>) {
  return async (request: Request): Promise<Response> => {
    let text: string;
    try {
      text = await readBodyText(request);
    } catch (error) {
      const problem = unreadable(error);
      return Response.json(errorEnvelope(problem), { status: problem.status, headers: { connection: "close" } });
    }
    return handler(new Request(request.url, { method: request.method, headers: request.headers, body: text, signal: request.signal }));
  };
}
