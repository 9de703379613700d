// The `streams2k` client: thousands of concurrent, long, paced streams through one target.
// The mock stamps every token with the time it wrote it (`stampTokens`, epoch ms on the
// machine's one clock); this client notes when each arrived, so the difference is the delay
// every hop on the way added to every chunk. One connection per stream (no pooling on the
// client side: a stream holds its connection for its whole life anyway), opened over 5 s
// (400 a second for 2,000) so no server's accept queue overflows.
import http from "node:http";

const epochNow = () => performance.timeOrigin + performance.now();
const STAMP = /"content":"@(\d+(?:\.\d+)?) "/g;

/**
 * `streams` concurrent streams, each expected to carry `tokens` stamped tokens. Bounded by
 * `maxMs` (every stream still open then is destroyed and counted as failed).
 */
export async function manyStreamsRun(target, body, { streams, tokens, maxMs, rampMs = 5_000 }) {
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  const delays = new Float64Array(streams * tokens + streams);
  let samples = 0;
  const durations = [];
  // Request sent → response headers, and → first token: a stream that starts late is not
  // seen in the per-chunk delay (its chunks are stamped when the mock finally sends them).
  const heads = [];
  const firsts = [];
  let completed = 0;
  let errors = 0;
  let firstError = null;
  let tokensSeen = 0;
  const open = new Set();
  const fail = (message) => {
    errors++;
    firstError ??= message;
  };

  const one = () =>
    new Promise((resolve) => {
      const t0 = performance.now();
      let carry = "";
      let done = false;
      let got = 0;
      const req = http.request(
        { agent, host: "127.0.0.1", port: target.port, path: target.path, method: "POST", headers: { ...target.headers, "content-length": Buffer.byteLength(body) } },
        (res) => {
          heads.push(performance.now() - t0);
          res.setEncoding("utf8");
          res.on("data", (text) => {
            const at = epochNow();
            carry += text;
            const cut = carry.lastIndexOf("\n\n");
            if (cut === -1) return;
            const complete = carry.slice(0, cut);
            carry = carry.slice(cut + 2);
            if (got === 0) firsts.push(performance.now() - t0);
            for (const match of complete.matchAll(STAMP)) {
              if (samples < delays.length) delays[samples++] = at - Number(match[1]);
              got++;
            }
            if (complete.includes("data: [DONE]")) done = true;
          });
          res.on("end", () => {
            open.delete(req);
            tokensSeen += got;
            if (res.statusCode === 200 && done && got === tokens) {
              completed++;
              durations.push(performance.now() - t0);
            } else fail(`HTTP ${res.statusCode}, ${got}/${tokens} tokens, [DONE] ${done ? "seen" : "missing"}`);
            resolve();
          });
          res.on("error", (error) => {
            open.delete(req);
            fail(error.message);
            resolve();
          });
        },
      );
      open.add(req);
      req.on("error", (error) => {
        open.delete(req);
        fail(error.code ?? error.message);
        resolve();
      });
      req.end(body);
    });

  const started = performance.now();
  const deadline = setTimeout(() => {
    for (const req of open) req.destroy(new Error(`still open after ${maxMs / 1000} s`));
  }, maxMs);
  const all = [];
  const batches = Math.max(1, Math.ceil(rampMs / 50));
  const perBatch = Math.ceil(streams / batches);
  for (let i = 0; i < streams; i += perBatch) {
    for (let j = i; j < Math.min(streams, i + perBatch); j++) all.push(one());
    await new Promise((r) => setTimeout(r, 50));
  }
  await Promise.all(all);
  clearTimeout(deadline);
  agent.destroy();
  const wallMs = performance.now() - started;
  const sorted = delays.subarray(0, samples).sort();
  const pct = (p) => (samples ? sorted[Math.min(samples - 1, Math.floor((p / 100) * (samples - 1)))] : null);
  durations.sort((a, b) => a - b);
  heads.sort((a, b) => a - b);
  firsts.sort((a, b) => a - b);
  const at = (list, p) => (list.length ? list[Math.min(list.length - 1, Math.floor((p / 100) * (list.length - 1)))] : null);
  return {
    streams,
    completed,
    errors,
    firstError,
    tokensExpected: streams * tokens,
    tokensSeen,
    wallMs,
    chunkDelayP50: pct(50),
    chunkDelayP90: pct(90),
    chunkDelayP99: pct(99),
    chunkDelayMax: samples ? sorted[samples - 1] : null,
    durationP50: durations.length ? durations[Math.floor(durations.length / 2)] : null,
    durationMax: durations.length ? durations[durations.length - 1] : null,
    headersP50: at(heads, 50),
    headersP99: at(heads, 99),
    headersMax: at(heads, 100),
    firstTokenP50: at(firsts, 50),
    firstTokenP99: at(firsts, 99),
    firstTokenMax: at(firsts, 100),
  };
}
