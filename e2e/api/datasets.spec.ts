import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { RSS_LIMIT_MB, watchMemory } from "../support/hostile-run";
import { pushBody } from "../support/raw-socket";
import { pidListeningOn } from "../support/server-process";

// The datasets API, every route, on whichever database the suite runs on (E2E_DATABASE_URL).
test.describe.configure({ mode: "serial" });

const admin = { "x-portkey-api-key": E2E.apiKey };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = admin) {
  const raw = typeof body === "string";
  const response = await fetch(`${E2E.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: Json = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    json = { text };
  }
  return { status: response.status, json, text, headers: response.headers };
}

const importBody = (path: string, body: string, type: "text/csv" | "application/x-ndjson") => call("POST", path, body, { ...admin, "content-type": type });

async function newDataset(name: string, extra: Json = {}) {
  const created = await call("POST", "/v1/datasets", { name: `${name} ${Date.now().toString(36)}`, ...extra });
  expect(created.status, created.text).toBe(200);
  return created.json as { id: string; current_version: number; item_count: number };
}

async function allItems(id: string, query = "") {
  const items: Json[] = [];
  let cursor: string | null = null;
  do {
    const page = await call("GET", `/v1/datasets/${id}/items?limit=2${query}${cursor ? `&cursor=${cursor}` : ""}`);
    expect(page.status, page.text).toBe(200);
    items.push(...page.json.data);
    cursor = page.json.next_cursor;
  } while (cursor);
  return items;
}

test("datasets: create in a folder, list, get, update, delete", async () => {
  const folder = await call("POST", "/v1/collections", { name: `Evals ${Date.now().toString(36)}` });
  const created = await newDataset("Support", { description: "Refund questions", collection_id: folder.json.id });
  expect(created).toMatchObject({ current_version: 1, item_count: 0, collection_id: folder.json.id, description: "Refund questions" });

  const listed = await call("GET", `/v1/datasets?collection_id=${folder.json.id}`);
  expect(listed.json).toMatchObject({ total: 1, data: [{ id: created.id }] });
  const updated = await call("PUT", `/v1/datasets/${created.id}`, { name: "Renamed", description: null });
  expect(updated.json).toMatchObject({ name: "Renamed", description: null, current_version: 1 });
  expect((await call("GET", `/v1/datasets/${created.id}`)).json.name).toBe("Renamed");
  // A folder holding a dataset is not empty.
  expect((await call("DELETE", `/v1/collections/${folder.json.id}`)).status).toBe(409);

  expect((await call("POST", "/v1/datasets", { name: "" })).status).toBe(400);
  expect((await call("POST", "/v1/datasets", { name: "x", collection_id: "no-such-folder" })).status).toBe(400);

  expect((await call("DELETE", `/v1/datasets/${created.id}`)).status).toBe(200);
  const gone = await call("GET", `/v1/datasets/${created.id}`);
  expect(gone.status).toBe(404);
  expect(gone.json).toMatchObject({ status: "failure", error: { type: "not_found_error" } });
  expect((await call("GET", `/v1/datasets?collection_id=${folder.json.id}`)).json.total).toBe(0);
  expect((await call("DELETE", `/v1/collections/${folder.json.id}`)).status).toBe(200);
});

test("items: add one and many, page by cursor, edit and delete as new versions; old versions stay readable", async () => {
  const dataset = await newDataset("Items");
  const one = await call("POST", `/v1/datasets/${dataset.id}/items`, { variables: { q: "a" }, expected: "A" });
  expect(one.json).toMatchObject({ version: 2, added: 1, item_count: 1 });
  const many = await call("POST", `/v1/datasets/${dataset.id}/items`, {
    items: [{ variables: { q: "b" }, expected: { json: true } }, { variables: { q: "c" }, metadata: { tag: "x" } }, { variables: { q: "d" } }],
  });
  expect(many.json).toMatchObject({ version: 3, added: 3, item_count: 4 });
  expect((await call("POST", `/v1/datasets/${dataset.id}/items`, { variables: "nope" })).status).toBe(400);

  const items = await allItems(dataset.id);
  expect(items.map((item) => [item.variables.q, item.expected, item.metadata])).toEqual([
    ["a", "A", null],
    ["b", { json: true }, null],
    ["c", null, { tag: "x" }],
    ["d", null, null],
  ]);

  const edited = await call("PUT", `/v1/datasets/${dataset.id}/items/${items[0].id}`, { expected: "A, better" });
  expect(edited.json).toMatchObject({ version: 4, item: { id: items[0].id, variables: { q: "a" }, expected: "A, better" } });
  expect((await call("DELETE", `/v1/datasets/${dataset.id}/items/${items[3].id}`)).json).toMatchObject({ version: 5, item_count: 3 });
  expect((await call("DELETE", `/v1/datasets/${dataset.id}/items/${items[3].id}`)).status).toBe(404);
  expect((await call("PUT", `/v1/datasets/${dataset.id}/items/${items[1].id}`, {})).status).toBe(400);

  expect((await allItems(dataset.id)).map((item) => [item.id, item.expected])).toEqual([
    [items[0].id, "A, better"],
    [items[1].id, { json: true }],
    [items[2].id, null],
  ]);
  expect((await allItems(dataset.id, "&version=3")).map((item) => item.expected)).toEqual(["A", { json: true }, null, null]);
  expect((await call("GET", `/v1/datasets/${dataset.id}/items?version=9`)).status).toBe(404);

  const versions = await call("GET", `/v1/datasets/${dataset.id}/versions`);
  expect(versions.json.data.map((v: Json) => [v.version, v.description, v.item_count])).toEqual([
    [5, "delete item", 3],
    [4, "edit item", 4],
    [3, "add 3 items", 4],
    [2, "add 1 item", 1],
    [1, "create", 0],
  ]);
  expect((await call("GET", `/v1/datasets/${dataset.id}`)).json).toMatchObject({ current_version: 5, item_count: 3 });
});

test("imports: CSV with quotes and a column mapping, JSON Lines; export of a version reads back the same", async () => {
  const dataset = await newDataset("Import");
  const csv = '\uFEFFquestion,answer,metadata.source,skip\r\n"Refund, please?","Sure — ""within"" 30 days",web,x\r\n"two\nlines",,mail,y\r\n';
  const mapping = encodeURIComponent(JSON.stringify({ answer: "expected", skip: "ignore" }));
  const imported = await importBody(`/v1/datasets/${dataset.id}/items?mapping=${mapping}`, csv, "text/csv");
  expect(imported.status, imported.text).toBe(200);
  expect(imported.json).toMatchObject({ version: 2, added: 2, item_count: 2 });
  const jsonl = '{"variables":{"question":"json?"},"expected":{"ok":true},"metadata":{"source":"api"}}\n\n{"variables":{"question":"bare"}}';
  expect((await importBody(`/v1/datasets/${dataset.id}/items`, jsonl, "application/x-ndjson")).json).toMatchObject({ version: 3, added: 2, item_count: 4 });

  expect((await allItems(dataset.id)).map((item) => [item.variables, item.expected, item.metadata])).toEqual([
    [{ question: "Refund, please?" }, 'Sure — "within" 30 days', { source: "web" }],
    [{ question: "two\nlines" }, null, { source: "mail" }],
    [{ question: "json?" }, { ok: true }, { source: "api" }],
    [{ question: "bare" }, null, null],
  ]);

  const csvExport = await call("GET", `/v1/datasets/${dataset.id}/export?format=csv&version=2`);
  expect(csvExport.status).toBe(200);
  expect(csvExport.headers.get("content-type")).toMatch(/^text\/csv/);
  expect(csvExport.text).toBe('question,expected,metadata.source\r\n"Refund, please?","Sure — ""within"" 30 days",web\r\n"two\nlines",,mail\r\n');
  const jsonlExport = await call("GET", `/v1/datasets/${dataset.id}/export?format=jsonl`);
  expect(jsonlExport.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
  const lines = jsonlExport.text.trim().split("\n").map((line) => JSON.parse(line));
  expect(lines.map((line) => line.expected)).toEqual(['Sure — "within" 30 days', null, { ok: true }, null]);

  // Round trip: the exports import into a new dataset as the same items.
  const copy = await newDataset("Copy");
  expect((await importBody(`/v1/datasets/${copy.id}/items`, csvExport.text, "text/csv")).json.added).toBe(2);
  expect((await importBody(`/v1/datasets/${copy.id}/items`, jsonlExport.text, "application/x-ndjson")).json.added).toBe(4);
  expect((await allItems(copy.id)).slice(2).map((item) => [item.variables, item.expected])).toEqual(lines.map((line) => [line.variables, line.expected]));
});

test("a bad CSV row or JSON Lines line: a 400 naming the line, and nothing of that import is stored", async () => {
  const dataset = await newDataset("Bad");
  const cases: [body: string, type: "text/csv" | "application/x-ndjson", message: RegExp, line: number][] = [
    ["q,expected\na,1\nb,2\nc,3,extra\nd,4\n", "text/csv", /^line 4: expected 2 fields \(as in the header row\), found 3$/, 4],
    ['q\nok\n"never closed\nmore\n', "text/csv", /^line 3: unterminated quoted field$/, 3],
    ['{"variables":{"q":1}}\n{"variables":{"q":2}}\n{"variables":\n', "application/x-ndjson", /^line 3: not valid JSON$/, 3],
    ['{"variables":{"q":1}}\n{"variables":[1]}\n', "application/x-ndjson", /^line 2: variables: /, 2],
  ];
  for (const [body, type, message, line] of cases) {
    const refused = await importBody(`/v1/datasets/${dataset.id}/items`, body, type);
    expect(refused.status, body).toBe(400);
    expect(refused.json.status).toBe("failure");
    expect(refused.json.error.message).toMatch(message);
    expect(refused.json.error.param).toBe(`line ${line}`);
  }
  expect((await call("GET", `/v1/datasets/${dataset.id}`)).json).toMatchObject({ current_version: 1, item_count: 0 });
  expect((await call("GET", `/v1/datasets/${dataset.id}/versions`)).json.data).toHaveLength(1);
  expect((await importBody(`/v1/datasets/${dataset.id}/items?mapping=${encodeURIComponent('{"nope":"expected"}')}`, "q\n1\n", "text/csv")).status).toBe(400);
});

test("an import larger than the JSON body limit streams through its own limit", async () => {
  const dataset = await newDataset("Large");
  // About 2.5 MB, over the 1 MiB limit of other bodies; sent without a declared length too.
  const rows = Array.from({ length: 25_000 }, (_, i) => `question number ${i} with some padding text,answer ${i} ${"x".repeat(60)}`);
  const body = `q,expected\n${rows.join("\n")}\n`;
  expect(body.length).toBeGreaterThan(2 * 1_048_576);
  const imported = await importBody(`/v1/datasets/${dataset.id}/items`, body, "text/csv");
  expect(imported.status, imported.text.slice(0, 300)).toBe(200);
  expect(imported.json).toMatchObject({ version: 2, added: 25_000, item_count: 25_000 });
  const page = await call("GET", `/v1/datasets/${dataset.id}/items?limit=1`);
  expect(page.json.data[0].variables.q).toBe("question number 0 with some padding text");
  // JSON bodies keep the ordinary limit.
  const json = await call("POST", `/v1/datasets/${dataset.id}/items`, { variables: { big: "y".repeat(1_100_000) } });
  expect(json.status).toBe(413);
});

test("an unauthenticated import is answered 401 at once and the connection closed, its body unread", async () => {
  const MB = 1024 * 1024;
  // Under the import limit (64 MiB), over the ordinary one: declared, then chunked.
  for (const contentLength of [40 * MB, undefined]) {
    const result = await pushBody({ path: "/v1/datasets/x/items", headers: { "content-type": "text/csv" }, contentLength, maxBytes: 40 * MB, prefix: "q,expected\n" });
    expect(result.status).toBe(401);
    expect(result.sentAtAnswer, "answered only after reading the body").toBeLessThan(8 * MB);
    expect(result.sentAtClose, "the server kept reading").not.toBeNull();
    expect(result.sentAtClose!).toBeLessThan(40 * MB);
  }
});

test("100,000 rows (about 45 MB) import with the server's memory bounded: streamed, never held whole", async () => {
  test.setTimeout(300_000);
  const dataset = await newDataset("Huge");
  const padding = "p".repeat(400);
  const rows = Array.from({ length: 100_000 }, (_, i) => `q${i},${padding},a${i}`);
  const body = `q,padding,expected\n${rows.join("\n")}\n`;
  expect(body.length).toBeGreaterThan(40_000_000);
  const memory = watchMemory(pidListeningOn());
  const imported = await importBody(`/v1/datasets/${dataset.id}/items`, body, "text/csv");
  const { peakMb, alive } = memory.stop();
  expect(imported.status, imported.text.slice(0, 300)).toBe(200);
  expect(imported.json).toMatchObject({ version: 2, added: 100_000, item_count: 100_000 });
  expect(alive).toBe(true);
  expect(peakMb, "server RSS").toBeLessThan(RSS_LIMIT_MB);
  // The last row, straight away: the cursor is the last position seen (white-box, positions count from 0).
  const last = await call("GET", `/v1/datasets/${dataset.id}/items?limit=1&cursor=${Buffer.from("99998").toString("base64url")}`);
  expect(last.json.data[0]).toMatchObject({ variables: { q: "q99999", padding }, expected: "a99999" });
});

test("a backtest set from logs: by ids, and by prompt, version, label, status and sample", async () => {
  const vk = await call("POST", "/v1/virtual-keys", { name: `bt ${Date.now()}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await call("POST", "/v1/prompts", {
    name: `Backtest ${Date.now().toString(36)}`,
    string: JSON.stringify([{ role: "user", content: "Define {{word}}" }]),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: vk.json.slug,
  });
  expect(prompt.status, prompt.text).toBe(200);
  const answers = new Map<string, string>();
  for (const word of ["alpha", "beta", "gamma"]) {
    const run = await call("POST", `/v1/prompts/${prompt.json.id}/completions`, { variables: { word } });
    expect(run.status, run.text).toBe(200);
    answers.set(word, run.json.choices[0].message.content);
  }
  // Version 2, pointed at by the staging label, answers once more.
  const v2 = await call("PUT", `/v1/prompts/${prompt.json.id}`, { string: JSON.stringify([{ role: "user", content: "Explain {{word}}" }]), patch: true });
  expect((await call("PUT", `/v1/prompts/${prompt.json.id}/versions/${v2.json.prompt_version_id}`, { label_id: "staging" })).status).toBe(200);
  const run2 = await call("POST", `/v1/prompts/${prompt.json.id}@staging/completions`, { variables: { word: "delta" } });
  expect(run2.status, run2.text).toBe(200);

  // Log rows are written in batches: wait until all four are there.
  let logs: Json[] = [];
  await expect.poll(async () => (logs = (await call("GET", `/v1/logs?prompt=${prompt.json.id}`)).json.data).length).toBe(4);

  const dataset = await newDataset("Backtest");
  const byIds = await call("POST", `/v1/datasets/${dataset.id}/items`, { from_logs: { log_ids: logs.map((log) => log.id) } });
  expect(byIds.status, byIds.text).toBe(200);
  expect(byIds.json).toMatchObject({ added: 4, version: 2 });
  const items = await allItems(dataset.id);
  expect(items.map((item) => [item.variables.word, item.expected])).toEqual([
    ["alpha", answers.get("alpha")],
    ["beta", answers.get("beta")],
    ["gamma", answers.get("gamma")],
    ["delta", run2.json.choices[0].message.content],
  ]);
  expect(items[0].metadata).toMatchObject({ source: "log", log_id: expect.any(String) });

  const byVersion = await call("POST", `/v1/datasets/${dataset.id}/items`, { from_logs: { prompt: prompt.json.id, version: 1, status: "success" } });
  expect(byVersion.json).toMatchObject({ added: 3, version: 3 });
  const byLabel = await call("POST", `/v1/datasets/${dataset.id}/items`, { from_logs: { prompt: prompt.json.id, label: "staging" } });
  expect(byLabel.json).toMatchObject({ added: 1, version: 4 });
  const sampled = await call("POST", `/v1/datasets/${dataset.id}/items`, { from_logs: { prompt: prompt.json.id, sample: 2, since: new Date(Date.now() - 3_600_000).toISOString() } });
  expect(sampled.json).toMatchObject({ added: 2, version: 5, item_count: 10 });
  const none = await call("POST", `/v1/datasets/${dataset.id}/items`, { from_logs: { prompt: prompt.json.id, status: "error" } });
  expect(none.status).toBe(400);
  expect((await call("POST", `/v1/datasets/${dataset.id}/items`, { from_logs: { label: "staging" } })).status).toBe(400);
});

test("run-only (completions) API keys can't read or change datasets; unknown keys get a 401", async () => {
  const key = await call("POST", "/v1/api-keys", { name: `run-only ${Date.now()}`, scope: "completions" });
  expect(key.status).toBe(200);
  const dataset = await newDataset("Guarded");
  const runOnly = { "x-portkey-api-key": key.json.key };
  const routes: [string, string, unknown?][] = [
    ["GET", "/v1/datasets"],
    ["POST", "/v1/datasets", { name: "nope" }],
    ["GET", `/v1/datasets/${dataset.id}`],
    ["PUT", `/v1/datasets/${dataset.id}`, { name: "nope" }],
    ["DELETE", `/v1/datasets/${dataset.id}`],
    ["GET", `/v1/datasets/${dataset.id}/items`],
    ["POST", `/v1/datasets/${dataset.id}/items`, { variables: {} }],
    ["PUT", `/v1/datasets/${dataset.id}/items/x`, { expected: "x" }],
    ["DELETE", `/v1/datasets/${dataset.id}/items/x`],
    ["GET", `/v1/datasets/${dataset.id}/versions`],
    ["GET", `/v1/datasets/${dataset.id}/export`],
  ];
  for (const [method, path, body] of routes) {
    const refused = await call(method, path, body, runOnly);
    expect(refused.status, `${method} ${path}`).toBe(403);
    expect(refused.json.error.type).toBe("permission_error");
    expect((await call(method, path, body, {})).status, `${method} ${path} without a key`).toBe(401);
  }
  // A CSV import with a run-only key is refused before its body is read.
  expect((await importBody(`/v1/datasets/${dataset.id}/items`, "q\n1\n", "text/csv").then((r) => r)).status).toBe(200);
  expect((await call("POST", `/v1/datasets/${dataset.id}/items`, "q\n1\n", { ...runOnly, "content-type": "text/csv" })).status).toBe(403);
  expect((await call("GET", `/v1/datasets/${dataset.id}`)).json).toMatchObject({ current_version: 2, item_count: 1 });
});
