// A small precise client for the concurrency-1 scenarios: one keep-alive connection,
// high-resolution timestamps, every response checked, bounded in count and in time.
import http from "node:http";

const now = () => Number(process.hrtime.bigint()) / 1e6; // ms

/** One request; `onData(chunk, t)` sees every socket read of the body. */
function request(agent, target, body, onData) {
  return new Promise((resolve, reject) => {
    const t0 = now();
    let headersAt = null;
    const req = http.request(
      {
        agent,
        host: "127.0.0.1",
        port: target.port,
        path: target.path,
        method: "POST",
        headers: { ...target.headers, "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        headersAt = now();
        res.on("data", (chunk) => onData(chunk, now()));
        res.on("end", () => resolve({ status: res.statusCode, t0, headersAt, endAt: now() }));
        res.on("error", reject);
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error("request timed out after 10 s")));
    req.on("error", reject);
    req.end(body);
  });
}

function newAgent() {
  return new http.Agent({ keepAlive: true, maxSockets: 1, keepAliveMsecs: 10_000 });
}

/** Non-stream requests one after the other: latency samples (ms). */
export async function latencyRun(target, body, { count, maxMs }) {
  const agent = newAgent();
  const samples = [];
  let errors = 0;
  let firstError = null;
  const until = now() + maxMs;
  try {
    for (let i = 0; i < count && now() < until; i++) {
      const parts = [];
      try {
        const r = await request(agent, target, body, (chunk) => parts.push(chunk));
        const text = Buffer.concat(parts).toString("utf8");
        if (r.status !== 200 || !text.includes('"choices"')) throw new Error(`HTTP ${r.status}: ${text.slice(0, 300)}`);
        samples.push(r.endAt - r.t0);
      } catch (error) {
        errors++;
        firstError ??= error.message;
      }
    }
  } finally {
    agent.destroy();
  }
  return { samples, errors, firstError };
}

/**
 * Streams one after the other. Per stream: time to the response headers (TTFB), to the first
 * `data:` event carrying content (TTFT), to the end; and when each content token reached
 * the client (socket reads), to show whether tokens arrive paced or in one burst.
 */
export async function streamRun(target, body, { count, maxMs }) {
  const agent = newAgent();
  const streams = [];
  let errors = 0;
  let firstError = null;
  const until = now() + maxMs;
  try {
    for (let i = 0; i < count && now() < until; i++) {
      let buffer = "";
      let tokens = 0;
      let done = false;
      let firstTokenAt = null;
      let lastTokenAt = null;
      let reads = 0;
      let maxBurst = 0;
      const onData = (chunk, t) => {
        buffer += chunk.toString("utf8").replace(/\r\n/g, "\n");
        let inThisRead = 0;
        let cut;
        while ((cut = buffer.indexOf("\n\n")) >= 0) {
          const event = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          for (const line of event.split("\n")) {
            if (!line.startsWith("data:")) continue;
            const data = line.slice(5).trim();
            if (data === "[DONE]") {
              done = true;
              continue;
            }
            try {
              const content = JSON.parse(data).choices?.[0]?.delta?.content;
              if (typeof content === "string" && content.length > 0) inThisRead++;
            } catch {
              // not JSON: not a token
            }
          }
        }
        if (inThisRead > 0) {
          tokens += inThisRead;
          reads++;
          maxBurst = Math.max(maxBurst, inThisRead);
          firstTokenAt ??= t;
          lastTokenAt = t;
        }
      };
      try {
        const r = await request(agent, target, body, onData);
        if (r.status !== 200 || !done || tokens === 0) throw new Error(`HTTP ${r.status}, ${tokens} tokens, [DONE] ${done ? "seen" : "missing"}`);
        streams.push({
          ttfb: r.headersAt - r.t0,
          ttft: firstTokenAt - r.t0,
          total: r.endAt - r.t0,
          spread: lastTokenAt - firstTokenAt,
          tokens,
          reads,
          maxBurst,
        });
      } catch (error) {
        errors++;
        firstError ??= error.message;
      }
    }
  } finally {
    agent.destroy();
  }
  return { streams, errors, firstError };
}
