import http from "node:http";
import { E2E } from "./env";
import type { FuzzRequest } from "./fuzz";

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** node:http rather than fetch: the path goes out byte for byte (fetch would normalise `..`). */
export function send(request: FuzzRequest, port = E2E.port, via: http.Agent | false = agent): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = { ...request.headers, ...(request.body !== undefined ? { "content-length": String(Buffer.byteLength(request.body)) } : {}) };
    // maxHeaderSize: Next answers a path with `\` by a 308 whose Location and Refresh
    // headers repeat the (long) path, past Node's default 16 kB limit for a response.
    const options = { host: "127.0.0.1", port, method: request.method, path: request.path, headers, agent: via, maxHeaderSize: 1 << 20 };
    const req = http.request(options, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.on("error", reject);
    req.end(request.body);
  });
}

/** Throws, naming the request, unless the answer is below 500 and every 4xx is the error envelope. */
export function checkAnswer(request: FuzzRequest, answer: { status: number; type: string; text: string }) {
  const where = `${request.method} ${request.path.slice(0, 300)} body=${String(request.body).slice(0, 300)} headers=${JSON.stringify(request.headers)}`;
  if (answer.status >= 500) throw new Error(`${answer.status} for ${where}: ${answer.text.slice(0, 500)}`);
  if (answer.status < 400) return;
  if (!answer.type.includes("application/json")) throw new Error(`${answer.status} with content-type '${answer.type}' for ${where}`);
  const body = JSON.parse(answer.text) as { status?: unknown; message?: unknown; error?: Record<string, unknown> };
  const error = body.error ?? {};
  const envelope =
    body.status === "failure" && typeof body.message === "string" && typeof error.message === "string" && typeof error.type === "string" &&
    "param" in error && "code" in error && (error.param === null || typeof error.param === "string") && (error.code === null || typeof error.code === "string");
  if (!envelope) throw new Error(`${answer.status} without the error envelope for ${where}: ${answer.text.slice(0, 500)}`);
}
