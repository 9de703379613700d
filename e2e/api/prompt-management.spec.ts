import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

// Prompt management beyond versions: rename, move, duplicate (with or without history),
// archive and restore, and who uses a partial (directly or through another one).

type Json = Record<string, unknown>;
const headers = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${E2E.baseUrl}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Json) : {} };
}

let virtualKey: string;

test.beforeAll(async () => {
  virtualKey = await mockVirtualKey(portkeyClient());
});

async function newPrompt(name: string, string = "Hello {{name}}", extra: Json = {}) {
  const created = await call("POST", "/prompts", { name, string, model: "gpt-4o-mini", virtual_key: virtualKey, template_metadata: { template_type: "completion" }, ...extra });
  expect(created.status).toBe(200);
  return created.json as { id: string; slug: string };
}

test("rename and move keep the prompt, its slug and its versions", async () => {
  const prompt = await newPrompt(uniqueName("Rename me"));
  const folder = await call("POST", "/collections", { name: uniqueName("Moved here") });
  expect((await call("PUT", `/prompts/${prompt.id}`, { name: "Renamed prompt", collection_id: folder.json.id })).status).toBe(200);
  const read = await call("GET", `/prompts/${prompt.slug}`);
  expect(read.json).toMatchObject({ name: "Renamed prompt", slug: prompt.slug, collection_id: folder.json.id, prompt_version: 1 });
  expect((await call("PUT", `/prompts/${prompt.id}`, { name: "" })).status).toBe(400);
});

test("duplicate without history: one published version copying the current template; with history: every version, no labels", async () => {
  const source = await newPrompt(uniqueName("Source"), "v1 {{name}}");
  await call("PUT", `/prompts/${source.id}`, { string: "v2 {{name}}", version_description: "second" });
  await call("PUT", `/prompts/${source.id}/makeDefault`, { version: 2 });
  await call("PUT", `/prompts/${source.id}`, { string: "v3 draft", version_description: "third" });
  const production = (await call("GET", "/labels")).json.data as { id: string; name: string }[];
  const label = production.find((l) => l.name === "production")!;
  expect((await call("PUT", `/prompts/${source.id}/versions/2`, { label_id: label.id })).status).toBe(200);

  const plain = await call("POST", `/prompts/${source.id}/duplicate`, {});
  expect(plain.status).toBe(200);
  expect(plain.json).toMatchObject({ versions: 1, object: "prompt" });
  expect(plain.json.slug).not.toBe(source.slug);
  const plainVersions = (await call("GET", `/prompts/${plain.json.id}/versions`)).json as unknown as Json[];
  expect(plainVersions).toHaveLength(1);
  expect(plainVersions[0]).toMatchObject({ prompt_version: 1, is_published: true, labels: [], prompt_template: expect.objectContaining({ string: "v2 {{name}}", model: "gpt-4o-mini", virtual_key: virtualKey }) });
  expect((await call("GET", `/prompts/${plain.json.id}`)).json.name).toMatch(/\(copy\)$/);

  const full = await call("POST", `/prompts/${source.slug}/duplicate`, { history: true, name: "Full copy" });
  expect(full.status).toBe(200);
  const fullVersions = (await call("GET", `/prompts/${full.json.id}/versions`)).json as unknown as Json[];
  expect(fullVersions.map((v) => [v.prompt_version, (v.prompt_template as Json).string, v.prompt_description, v.is_published, v.labels])).toEqual([
    [3, "v3 draft", "third", false, []],
    [2, "v2 {{name}}", "second", true, []],
    [1, "v1 {{name}}", null, false, []],
  ]);
  // The copy runs like the original.
  const rendered = await call("POST", `/prompts/${full.json.id}/render`, { variables: { name: "Ada" } });
  expect(rendered.json).toMatchObject({ success: true, data: { prompt: "v2 Ada" } });

  expect((await call("POST", `/prompts/${source.id}/duplicate`, { slug: source.slug })).status).toBe(409);
  expect((await call("POST", `/prompts/${source.id}/duplicate`, { history: "yes" })).status).toBe(400);
  expect((await call("POST", "/prompts/no-such-prompt/duplicate", {})).status).toBe(404);
});

test("archive hides a prompt from the list and refuses its runs with a 409 until restored", async () => {
  const name = uniqueName("Archivable");
  const prompt = await newPrompt(name);
  const listed = async (query = "") => ((await call("GET", `/prompts?search=${encodeURIComponent(name)}${query}`)).json.data as Json[]).map((row) => row.id);

  const archived = await call("POST", `/prompts/${prompt.id}/archive`);
  expect(archived.status).toBe(200);
  expect(archived.json.archived_at).toEqual(expect.any(String));
  expect(await listed()).toEqual([]);
  expect(await listed("&archived=true")).toEqual([prompt.id]);
  expect(await listed("&archived=all")).toEqual([prompt.id]);
  expect((await call("GET", `/prompts/${prompt.id}`)).json).toMatchObject({ status: "archived" });

  const refused = await call("POST", `/prompts/${prompt.id}/completions`, { variables: { name: "Ada" } });
  expect(refused.status).toBe(409);
  expect(refused.json).toMatchObject({ status: "failure", error: { code: "prompt_archived", type: "conflict_error" } });
  expect(String(refused.json.message)).toContain("restore");
  expect((await call("POST", `/prompts/${prompt.slug}/render`, { variables: { name: "Ada" } })).status).toBe(409);

  expect((await call("POST", `/prompts/${prompt.id}/restore`)).status).toBe(200);
  expect(await listed()).toEqual([prompt.id]);
  expect((await call("POST", `/prompts/${prompt.id}/render`, { variables: { name: "Ada" } })).status).toBe(200);
});

test("archiving a prompt a label points at needs force; both changes are audited", async () => {
  const prompt = await newPrompt(uniqueName("Labelled"));
  const labels = (await call("GET", "/labels")).json.data as { id: string; name: string }[];
  await call("PUT", `/prompts/${prompt.id}/versions/1`, { label_id: labels.find((l) => l.name === "staging")!.id });
  const refused = await call("POST", `/prompts/${prompt.id}/archive`);
  expect(refused.status).toBe(409);
  expect(refused.json).toMatchObject({ error: { code: "prompt_in_use" } });
  expect((await call("POST", `/prompts/${prompt.id}/archive?force=true`)).status).toBe(200);
  expect((await call("POST", `/prompts/${prompt.id}/restore`)).status).toBe(200);
  const audit = (await call("GET", `/audit-logs?target_id=${prompt.id}`)).json;
  const actions = ((audit.data ?? []) as Json[]).map((row) => row.action);
  expect(actions).toEqual(expect.arrayContaining(["prompt.archive", "prompt.restore"]));
});

test("a partial's usage lists the prompts that include it directly and through another partial", async () => {
  const tag = Date.now().toString(36);
  const inner = await call("POST", "/prompts/partials", { name: `inner ${tag}`, string: "inner text" });
  const innerSlug = String(inner.json.slug);
  const outer = await call("POST", "/prompts/partials", { name: `outer ${tag}`, string: `outer {{>${innerSlug}}}` });
  const outerSlug = String(outer.json.slug);
  const direct = await newPrompt(uniqueName("Direct"), `A {{>${innerSlug}}}`);
  const nested = await newPrompt(uniqueName("Nested"), `B {{>${outerSlug}}}`);
  const usage = await call("GET", `/prompts/partials/${innerSlug}/usage`);
  expect(usage.status).toBe(200);
  const users = (usage.json.prompts as Json[]).map((p) => [p.slug, p.via]);
  expect(users).toEqual(expect.arrayContaining([[direct.slug, []], [nested.slug, [outerSlug]]]));
  expect(users).toHaveLength(2);
  expect(usage.json.partials).toEqual([expect.objectContaining({ slug: outerSlug, via: [] })]);
  expect((await call("GET", "/prompts/partials/no-such-partial/usage")).status).toBe(404);
});
