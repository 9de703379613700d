import { expect, test } from "@playwright/test";
import { Portkey } from "portkey-ai";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

// The log explorer's API: text search and filters on GET /v1/logs, Portkey's logs exports
// through the official SDK (create, start, retrieve, download, then the streamed file), and
// time to first token as a client sees it.
test.describe.configure({ mode: "serial" });

const admin = { "x-portkey-api-key": E2E.apiKey };
const run = Date.now().toString(36);
let virtualKey: string;

interface LogRow {
  id: string;
  trace_id: string;
  ttft_ms: number | null;
  model: string | null;
  prompt_version: number | null;
  label: string | null;
}

async function logs(query: string): Promise<LogRow[]> {
  const response = await fetch(`${E2E.baseUrl}/v1/logs?${query}`, { headers: admin });
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: LogRow[] }).data;
}

/** The rows of a query once the writer's batch is in (rows are written off the request path). */
async function eventually(query: string, count: number): Promise<LogRow[]> {
  let rows: LogRow[] = [];
  await expect.poll(async () => (rows = await logs(query)).length).toBe(count);
  return rows;
}

async function prompt(model: string, template = "Say {{word}}") {
  return createPrompt(portkeyClient(), {
    name: uniqueName("Explorer"),
    string: JSON.stringify([{ role: "user", content: template }]),
    parameters: { model },
    virtual_key: virtualKey,
  });
}

test.beforeAll(async () => {
  virtualKey = await mockVirtualKey(portkeyClient());
  await mock.reset();
});

test("search finds a row by a word of its output, and no other row", async () => {
  const { id } = await prompt("gpt-4o-mini");
  const word = `quokka${run}`;
  const traceID = `search-${run}`;
  const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1`, traceID });
  // The answer holds a word the request doesn't: found by its output.
  await mock.enqueue({ content: `A ${word} smiles` });
  await portkey.prompts.completions.create({ promptID: id, variables: { word: "hello" } });
  await portkey.prompts.completions.create({ promptID: id, variables: { word: "goodbye" } });
  await eventually(`trace_id=${traceID}`, 2);
  const found = await logs(`q=${encodeURIComponent(word.toUpperCase())}`);
  expect(found).toHaveLength(1);
  expect(found[0].trace_id).toBe(traceID);
  // A word of the rendered input finds its own row only.
  expect(await logs(`q=goodbye&trace_id=${traceID}`)).toHaveLength(1);
  expect(await logs(`q=${word}&prompt=${id}&version=2`)).toHaveLength(0);
  expect(await logs(`q=${word}&prompt=${id}&version=1&model=gpt-4o-mini&provider=openai`)).toHaveLength(1);
});

test("the SDK's logs.exports: create, start, retrieve, download; the file holds exactly the filtered rows", async () => {
  const traceID = `export-${run}`;
  const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1`, traceID, metadata: { run, team: "export" } });
  const { id } = await prompt("gpt-4o-mini");
  for (const word of ["one", "two", "three"]) await portkey.prompts.completions.create({ promptID: id, variables: { word } });
  // Same trace, other metadata: not exported.
  await new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1`, traceID, metadata: { run, team: "other" } }).prompts.completions.create({ promptID: id, variables: { word: "four" } });
  const expected = await eventually(`metadata.run=${run}&metadata.team=export`, 3);

  const sdk = portkeyClient();
  const created = await sdk.logs.exports.create({ filters: { trace_id: traceID, metadata: { team: "export" } }, requestedData: ["id", "trace_id", "ai_model", "metadata", "response"], description: "explorer test" });
  expect(created).toMatchObject({ object: "export", total: 3 });
  const exportId = created.id as string;
  expect(await sdk.logs.exports.retrieve({ exportId })).toMatchObject({ id: exportId, status: "draft", requested_data: ["id", "trace_id", "ai_model", "metadata", "response"], object: "export" });
  expect(await sdk.logs.exports.start({ exportId })).toMatchObject({ message: "Export started", object: "export" });
  await expect.poll(async () => (await sdk.logs.exports.retrieve({ exportId })).status).toBe("success");
  expect((await sdk.logs.exports.list({})).data?.some((item) => item.id === exportId)).toBe(true);

  const { signed_url } = await sdk.logs.exports.download({ exportId });
  // Like Portkey's signed URL: fetched without credentials, it streams the rows.
  const file = await fetch(signed_url as string);
  expect(file.status).toBe(200);
  expect(file.headers.get("content-type")).toContain("application/x-ndjson");
  const records = (await file.text()).trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
  expect(records.map((record) => record.id)).toEqual(expected.map((row) => row.id));
  expect(records[0]).toMatchObject({ trace_id: traceID, ai_model: "gpt-4o-mini", metadata: { run, team: "export" } });
  expect(Object.keys(records[0])).toEqual(["id", "trace_id", "ai_model", "metadata", "response"]);

  // A tampered link is refused; cancel stops the export.
  expect((await fetch(`${signed_url}x`)).status).toBe(403);
  expect(await sdk.logs.exports.cancel({ exportId })).toMatchObject({ object: "export" });
  expect((await sdk.logs.exports.retrieve({ exportId })).status).toBe("stopped");
});

test("an export can be CSV, and a filter it can't apply is refused rather than ignored", async () => {
  const response = await fetch(`${E2E.baseUrl}/v1/logs/exports`, {
    method: "POST",
    headers: { ...admin, "content-type": "application/json" },
    body: JSON.stringify({ filters: { metadata: { run, team: "export" } }, requested_data: ["id", "is_success"], format: "csv" }),
  });
  const { id } = (await response.json()) as { id: string };
  await fetch(`${E2E.baseUrl}/v1/logs/exports/${id}/start`, { method: "POST", headers: admin });
  const { signed_url } = (await (await fetch(`${E2E.baseUrl}/v1/logs/exports/${id}/download`, { headers: admin })).json()) as { signed_url: string };
  const csv = await (await fetch(signed_url)).text();
  expect(csv.split("\r\n").filter(Boolean)).toHaveLength(4);
  expect(csv.startsWith("id,is_success\r\n")).toBe(true);

  const refused = await fetch(`${E2E.baseUrl}/v1/logs/exports`, { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ filters: { weighted_feedback_min: 1 } }) });
  expect(refused.status).toBe(400);
  expect(((await refused.json()) as { message: string }).message).toContain("weighted_feedback_min");
});

test("TTFT counts from the first chunk with content: an empty first chunk, then a 300 ms wait", async () => {
  const { id } = await prompt("mock-ttft-300");
  const traceID = `ttft-${run}`;
  const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1`, traceID });
  const stream = await portkey.prompts.completions.create({ promptID: id, variables: { word: "hi" }, stream: true });
  let text = "";
  for await (const chunk of stream as unknown as AsyncIterable<{ choices: { delta?: { content?: string } }[] }>) text += chunk.choices[0]?.delta?.content ?? "";
  expect(text).toContain("Mock answer to");
  const [row] = await eventually(`trace_id=${traceID}`, 1);
  expect(row.ttft_ms).not.toBeNull();
  expect(row.ttft_ms as number).toBeGreaterThanOrEqual(300);
});

test("the log detail has the upstream time and the retries a call took", async () => {
  const { id } = await prompt("gpt-4o-mini");
  const traceID = `retry-${run}`;
  const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1`, traceID, config: { retry: { attempts: 2, on_status_codes: [503] } } });
  await mock.enqueue({ status: 503 });
  await portkey.prompts.completions.create({ promptID: id, variables: { word: "again" } });
  const [row] = await eventually(`trace_id=${traceID}`, 1);
  const detail = (await (await fetch(`${E2E.baseUrl}/v1/logs/${row.id}`, { headers: admin })).json()) as { retries: number; upstream_ms: number; latency_ms: number };
  expect(detail.retries).toBe(1);
  expect(detail.upstream_ms).toBeGreaterThanOrEqual(0);
  expect(detail.upstream_ms).toBeLessThanOrEqual(detail.latency_ms);
});
