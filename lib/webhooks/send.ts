import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { effectivePort, guardedLookup, refusalFor } from "@/lib/core/net/outbound";
import { RESPONSE_BODY_LIMIT } from "./config";

export interface SendResult {
  /** The receiver's status code; null when no answer came (refused, unreachable, timed out). */
  statusCode: number | null;
  error: string | null;
  body: string;
}

/**
 * One POST to a receiver under the outbound policy: a non-public address only when
 * allowlisted (PROMPTLY_ALLOWED_PROVIDER_HOSTS), checked against the addresses the socket
 * connects to. Redirects are not followed (a 3xx is a failed attempt); at most
 * RESPONSE_BODY_LIMIT bytes of the answer are read; the whole attempt has `timeoutMs`.
 */
export function sendWebhook(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<SendResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return Promise.resolve({ statusCode: null, error: "invalid URL", body: "" });
  }
  const transport = parsed.protocol === "https:" ? https : parsed.protocol === "http:" ? http : null;
  if (!transport) return Promise.resolve({ statusCode: null, error: "unsupported scheme", body: "" });
  const hostname = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
  const port = effectivePort(parsed);
  const literal = isIP(hostname) !== 0;
  const subject = `webhook host ${parsed.hostname}:${port}`;
  if (literal) {
    const refusal = refusalFor(subject, parsed.hostname, port, []);
    if (refusal) return Promise.resolve({ statusCode: null, error: refusal, body: "" });
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      {
        method: "POST",
        protocol: parsed.protocol,
        hostname,
        port: parsed.port || undefined,
        path: parsed.pathname + parsed.search,
        lookup: literal ? undefined : guardedLookup(parsed.hostname, port),
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        agent: false,
      },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const statusCode = response.statusCode ?? null;
          const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
          finish({ statusCode, error: ok ? null : `receiver answered ${statusCode}`, body: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_BODY_LIMIT) });
        };
        response.on("data", (chunk: Buffer) => {
          if (size >= RESPONSE_BODY_LIMIT) return;
          chunks.push(chunk.subarray(0, RESPONSE_BODY_LIMIT - size));
          size += chunk.length;
          // Enough read: the rest is not ours to wait for.
          if (size >= RESPONSE_BODY_LIMIT) {
            done();
            request.destroy();
          }
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: `no answer within ${timeoutMs} ms`, body: "" });
      request.destroy();
    }, timeoutMs);
    request.on("error", (error) => finish({ statusCode: null, error: error.message, body: "" }));
    request.end(body);
  });
}
