import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

/**
 * Saved scorers through the API: kept per folder, checked at save (a regex that does not
 * compile, a schema that is not one, a judge prompt that does not exist are 400s naming the
 * field), tried on one answer without saving, and refused to a run-only key.
 */

const headers = { "content-type": "application/json", "x-portkey-api-key": E2E.apiKey };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function api(method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}) {
  const response = await fetch(`${E2E.baseUrl}/v1${path}`, { method, headers: { ...headers, ...extraHeaders }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null };
}

test("create, read, list by folder, update and delete a scorer", async () => {
  const folder = await api("POST", "/collections", { name: `Scorers ${stamp()}` });
  expect(folder.status).toBe(200);
  const name = `Mentions Paris ${stamp()}`;
  const created = await api("POST", "/scorers", { name, collection_id: folder.json.id, definition: { type: "contains", values: ["Paris"], ignore_case: true } });
  expect(created.status).toBe(200);
  expect(created.json).toMatchObject({ name, collection_id: folder.json.id, definition: { type: "contains", values: ["Paris"], ignore_case: true }, threshold: null });

  expect((await api("GET", `/scorers/${created.json.id}`)).json.name).toBe(name);
  const listed = await api("GET", `/scorers?collection_id=${folder.json.id}`);
  expect(listed.json).toMatchObject({ total: 1, data: [{ id: created.json.id }] });
  // Names are unique within a folder.
  expect((await api("POST", "/scorers", { name, collection_id: folder.json.id, definition: { type: "json_valid" } })).status).toBe(409);

  const updated = await api("PUT", `/scorers/${created.json.id}`, { threshold: 0.5, definition: { type: "regex", pattern: "paris", flags: "i" } });
  expect(updated.json).toMatchObject({ threshold: 0.5, definition: { type: "regex", pattern: "paris", flags: "i" } });
  // A folder with a scorer in it is not empty.
  expect((await api("DELETE", `/collections/${folder.json.id}`)).status).toBe(409);
  expect((await api("DELETE", `/scorers/${created.json.id}`)).status).toBe(200);
  expect((await api("GET", `/scorers/${created.json.id}`)).status).toBe(404);
});

test("what would only fail at run time is refused at save, naming the field", async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ type: "regex", pattern: "(unclosed" }, "definition.pattern"],
    [{ type: "json_schema", schema: { type: "bogus" } }, "definition.schema"],
    [{ type: "llm_judge", prompt: "no-such-judge-prompt" }, "definition.prompt"],
  ];
  for (const [definition, param] of cases) {
    const answer = await api("POST", "/scorers", { name: `bad ${stamp()}`, definition });
    expect(answer.status, JSON.stringify(definition)).toBe(400);
    expect(answer.json.error).toMatchObject({ param, code: "invalid_scorer" });
  }
  const unknownKind = await api("POST", "/scorers", { name: "x", definition: { type: "vibes" } });
  expect(unknownKind.status).toBe(400);
  expect(unknownKind.json.status).toBe("failure");
});

test("a judge scorer names an existing prompt, at a label or version", async () => {
  const judge = await api("POST", "/prompts", { name: `Judge ${stamp()}`, string: "Rate {{output}} against {{expected}}" });
  expect(judge.status).toBe(200);
  const saved = await api("POST", "/scorers", { name: `judge ${stamp()}`, definition: { type: "llm_judge", prompt: `${judge.json.id}@1`, choice_scores: { pass: 1, fail: 0 } } });
  expect(saved.status).toBe(200);
  expect(saved.json.definition).toMatchObject({ type: "llm_judge", choice_scores: { pass: 1, fail: 0 } });
});

test("trying a scorer scores one answer without saving it", async () => {
  const tried = await api("POST", "/scorers/test", { scorer: { name: "similar", definition: { type: "similarity" } }, output: "The capital is Paris", expected: "The capital is Paris." });
  expect(tried.status).toBe(200);
  expect(tried.json).toMatchObject({ passed: true, score: expect.any(Number) });
  const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"] };
  const failed = await api("POST", "/scorers/test", { scorer: { name: "schema", definition: { type: "json_schema", schema } }, output: '{"town": "Paris"}' });
  expect(failed.json).toMatchObject({ score: 0, passed: false, reason: expect.stringContaining("city") });
  // A hostile pattern ends with a reason, not a stalled server.
  const slow = await api("POST", "/scorers/test", { scorer: { name: "slow", definition: { type: "regex", pattern: "^(a+)+$" } }, output: "a".repeat(40) + "!" });
  expect(slow.json).toMatchObject({ passed: false, reason: "the pattern took too long on this answer" });
});

test("a run-only key can neither read nor save scorers", async () => {
  const key = await api("POST", "/api-keys", { name: `run only ${stamp()}`, scope: "completions" });
  expect(key.status).toBe(200);
  const runOnly = { "x-portkey-api-key": key.json.key };
  expect((await api("GET", "/scorers", undefined, runOnly)).status).toBe(403);
  expect((await api("POST", "/scorers", { name: "x", definition: { type: "json_valid" } }, runOnly)).status).toBe(403);
});
