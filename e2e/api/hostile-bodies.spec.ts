import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { E2E, fuzzScale } from "../support/env";
import { bodyArb, segment, type FuzzRequest } from "../support/fuzz";
import { eachLimited, HostileRun, RSS_LIMIT_MB, watchMemory } from "../support/hostile-run";
import { v1Routes } from "../support/route-table";
import { pidListeningOn } from "../support/server-process";

// 10,000 fuzzed requests across every /v1 route and method the app exports (read from
// app/v1), with ids valid and invalid, hostile bodies (wrong types, huge numbers, deep
// nesting, prototype keys, not JSON, empty, over the body limit) and content types, sent
// with the admin key, a completions key, no key and a wrong one: never a 5xx, the server
// stays up, its memory under RSS_LIMIT_MB. Writes go to this test's own fixtures only; what
// the fuzz creates is deleted afterwards.

const REQUESTS = Math.round(10_000 * fuzzScale());
const CONCURRENCY = 8;
const SEED = Number(process.env.FUZZ_SEED || 1203);
type Json = Record<string, unknown>;

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${E2E.baseUrl}${path}`, {
    method,
    headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
}

const extraBodies = fc.constantFrom(
  "", "   ", "\u0000", "a=1&b=2", "<xml/>", "--x\r\ncontent-disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--",
  '{"__proto__":{"admin":true,"scope":"admin"},"constructor":{"prototype":{"polluted":1}}}',
  '{"variables":{"__proto__":{"a":1}},"stream":"yes"}', '{"variables":[]}', '{"variables":null}', "[1,2,3]",
  JSON.stringify({ string: "{{a}}", name: "\u0000" }), JSON.stringify({ name: "x".repeat(10_000) }),
);
// Over the 1 MiB default body limit, now and then: a 413, never a buffered megabyte per request.
const overLimit = fc.constant("[" + "1,".repeat(600_000) + "1]");

const hostileId = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom("%", "%%", "%zz", "%00", "@", "@@", "a@b@c", "undefined", "null", "0", "-1", "99999999999999999999", "a..b", "😀", "\u202e", "__proto__", "constructor", "x".repeat(3000)),
).filter((id) => id !== "." && id !== ".." && id !== "");

test(`${REQUESTS.toLocaleString("en")} fuzzed requests across every /v1 route: never a 5xx, the server alive and its memory bounded`, async () => {
  test.setTimeout(300_000);
  const tag = Date.now().toString(36);
  const created: [string, string][] = [];
  const own = async (path: string, body: Json) => {
    const made = await api("POST", path, body);
    expect(made.status, `${path}: ${JSON.stringify(made.body)}`).toBe(200);
    created.push([path, String(made.body.id)]);
    return made.body;
  };
  const folder = await own("/v1/collections", { name: `hostile bodies ${tag}` });
  try {
    const vk = await own("/v1/virtual-keys", { name: `hostile bodies ${tag}`, provider: "openai", key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` });
    const prompt = await own("/v1/prompts", { name: `hostile bodies ${tag}`, string: "Say {{word}}", model: "gpt-4o-mini", virtual_key: vk.slug, collection_id: folder.id, template_metadata: { template_type: "completion" } });
    const partial = await own("/v1/prompts/partials", { name: `hostile bodies ${tag}`, string: "partial {{word}}" });
    const label = await own("/v1/labels", { name: `hostile-${tag}` });
    const runner = await own("/v1/api-keys", { name: `hostile bodies ${tag}`, scope: "completions" });
    const logged = await api("POST", `/v1/prompts/${String(prompt.id)}/completions`, { variables: { word: "hi" } });
    expect(logged.status).toBe(200);
    const logs = await api("GET", `/v1/logs?prompt_id=${String(prompt.id)}`);
    const logId = String(((logs.body.data ?? logs.body) as Json[])[0]?.id ?? "none");
    const dataset = await own("/v1/datasets", { name: `hostile bodies ${tag}`, collection_id: folder.id, items: [{ variables: { word: "hi" }, expected: "hello" }] });
    const items = await api("GET", `/v1/datasets/${String(dataset.id)}/items`);
    const itemId = String((items.body.data as Json[])[0]?.id ?? "none");

    // Ids a request may use: reads may look at shared records too, writes touch this test's only.
    const own_: Record<string, string[]> = {
      prompts: [String(prompt.id), String(prompt.slug), `${String(prompt.id)}@latest`, `${String(prompt.slug)}@1`, `${String(prompt.id)}@${String(label.name)}`],
      partials: [String(partial.id), String(partial.slug)],
      labels: [String(label.id)],
      collections: [String(folder.id), String(folder.slug)],
      "virtual-keys": [String(vk.slug), String(vk.id)],
      versionId: [String(prompt.version_id), "1", "2"],
      logs: [logId],
      datasets: [String(dataset.id)],
      itemId: [itemId],
    };
    const shared: Record<string, string[]> = { labels: ["production", "staging"], collections: ["default"], prompts: [`${String(prompt.id)}@production`] };
    const keys = { admin: E2E.apiKey, run: String(runner.key) };

    const routes = v1Routes();
    expect(routes.length).toBeGreaterThan(40);
    const requestArb = fc
      .record({
        route: fc.constantFrom(...routes),
        picks: fc.array(fc.tuple(fc.nat(), fc.nat({ max: 9 }), hostileId, fc.boolean()), { minLength: 2, maxLength: 2 }),
        auth: fc.constantFrom("admin", "admin", "admin", "bearer", "run", "run", "none", "wrong"),
        contentType: fc.constantFrom("application/json", "application/json", "text/plain", "text/csv", "application/x-ndjson", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=latin1", "application/xml"),
        body: fc.oneof({ weight: 20, arbitrary: bodyArb }, { weight: 4, arbitrary: extraBodies }, { weight: 1, arbitrary: overLimit }),
        query: fc.dictionary(fc.constantFrom("current_page", "page_size", "search", "force", "collection_id", "prompt_id", "status", "from", "to", "x"), fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("-1", "1e400", "99999999999999999999", "true", "0", "%")), { maxKeys: 3 }),
      })
      .map(({ route, picks, auth, contentType, body, query }): FuzzRequest => {
        const write = route.method !== "GET";
        let i = 0;
        const path = route.template.replace(/\{([\w-]+)\}/g, (_, kind: string) => {
          const [n, weight, hostile, raw] = picks[i++];
          // Deletes address hostile ids only: deleting the fixtures would turn the rest into 404s.
          const pool = route.method === "DELETE" ? [] : [...(own_[kind] ?? []), ...(write ? [] : shared[kind] ?? [])];
          const id = pool.length > 0 && weight < 7 ? pool[n % pool.length] : kind === "rest" ? `${hostile}/${hostile}` : hostile;
          return kind === "rest" ? id.split("/").map((part) => segment(part, raw)).join("/") : segment(id, raw);
        });
        const headers: Record<string, string> = {};
        if (contentType) headers["content-type"] = contentType;
        if (auth === "admin") headers["x-portkey-api-key"] = keys.admin;
        if (auth === "bearer") headers.authorization = `Bearer ${keys.admin}`;
        if (auth === "run") headers["x-portkey-api-key"] = keys.run;
        if (auth === "wrong") headers["x-portkey-api-key"] = "pk-promptly-wrong";
        const search = route.method === "GET" || route.method === "DELETE" ? new URLSearchParams(query).toString() : "";
        return { method: route.method, path: search ? `${path}?${search}` : path, headers, body: route.method === "GET" ? undefined : body };
      });
    const requests = fc.sample(requestArb, { numRuns: REQUESTS, seed: SEED });

    const run = new HostileRun();
    const memory = watchMemory(pidListeningOn());
    const started = Date.now();
    await eachLimited(requests, CONCURRENCY, async (request) => {
      const answer = await run.send(request);
      // What the fuzz managed to create is deleted afterwards.
      if (answer?.status === 200 && request.method === "POST" && /^\/v1\/(prompts|prompts\/partials|labels|collections|virtual-keys|api-keys|datasets)$/.test(request.path)) {
        const id = (JSON.parse(answer.text) as Json).id;
        if (id) created.push([request.path, String(id)]);
      }
    });
    const { peakMb, alive } = memory.stop();
    console.log(`hostile bodies: ${run.sent} requests in ${Date.now() - started} ms, server peak RSS ${peakMb.toFixed(0)} MB, ${run.upstream} upstream failures passed on`);
    expect(alive, "the server process died").toBe(true);
    expect(run.offences.length, `${run.offences.length} requests answered 5xx or not at all (FUZZ_SEED=${SEED}):\n${run.report()}`).toBe(0);
    expect(peakMb, "server RSS").toBeLessThan(RSS_LIMIT_MB);
    expect(run.sent).toBe(REQUESTS);
    // Still standing, and still doing real work; and the run-only key still refused admin routes.
    // The fuzz may have archived the prompt (a legitimate write to its own prompt): restore it.
    expect((await api("POST", `/v1/prompts/${String(prompt.id)}/restore`, {})).status).toBe(200);
    const completion = await api("POST", `/v1/prompts/${String(prompt.id)}/completions`, { variables: { word: "still here" } });
    expect(completion.status).toBe(200);
    const refused = await fetch(`${E2E.baseUrl}/v1/api-keys`, { headers: { "x-portkey-api-key": keys.run } });
    expect(refused.status).toBe(403);
  } finally {
    for (const [path, id] of created.reverse()) {
      const force = /prompts|collections/.test(path) ? "?force=true" : "";
      await api("DELETE", `${path}/${encodeURIComponent(id)}${force}`).catch(() => null);
    }
  }
});
