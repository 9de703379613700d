import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

// Saved variable sets per prompt (/v1/prompts/:id/variable-sets), on whichever database the
// suite runs on (E2E_DATABASE_URL). Roles per route are in lib/auth/route-access.test.ts.
test.describe.configure({ mode: "serial" });

const admin = { "x-portkey-api-key": E2E.apiKey };
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = admin) {
  const response = await fetch(`${E2E.baseUrl}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : {}) as Json, text };
}

async function newPrompt(name: string) {
  const created = await call("POST", "/v1/prompts", { name: `${name} ${Date.now().toString(36)}`, string: JSON.stringify([{ role: "user", content: "Hi {{name}}, {{order}}" }]), parameters: { model: "gpt-4o-mini" } });
  expect(created.status, created.text).toBe(200);
  return created.json as { id: string; slug: string };
}

async function newKey(scope: "editor" | "completions") {
  const created = await call("POST", "/v1/api-keys", { name: `variable sets ${scope} ${Date.now()}`, scope });
  expect(created.status, created.text).toBe(200);
  return { "x-portkey-api-key": (created.json as { key: string }).key };
}

test("create, list, update, rename and delete a prompt's variable sets, by id or slug", async () => {
  const prompt = await newPrompt("Sets");
  const base = `/v1/prompts/${prompt.id}/variable-sets`;
  expect((await call("GET", base)).json).toEqual({ data: [] });

  const values = { name: "Ada", order: '{"id": 42, "items": ["tea"]}' };
  const created = await call("POST", base, { name: "  VIP customer ", variables: values });
  expect(created.status, created.text).toBe(200);
  expect(created.json).toMatchObject({ prompt_id: prompt.id, name: "VIP customer", variables: values });
  const id = created.json.id as string;
  await call("POST", base, { name: "Another", variables: { name: "Bob" } });

  // By slug too, sorted by name; each value kept exactly as typed (JSON text included).
  const listed = await call("GET", `/v1/prompts/${prompt.slug}/variable-sets`);
  expect(listed.json.data.map((s: Json) => s.name)).toEqual(["Another", "VIP customer"]);
  expect(listed.json.data[1].variables).toEqual(values);

  const updated = await call("PUT", `${base}/${id}`, { variables: { ...values, name: "Grace" } });
  expect(updated.status, updated.text).toBe(200);
  expect(updated.json).toMatchObject({ name: "VIP customer", variables: { name: "Grace", order: values.order } });
  const renamed = await call("PUT", `${base}/${id}`, { name: "Regular" });
  expect(renamed.json).toMatchObject({ name: "Regular", variables: { name: "Grace" } });

  const taken = await call("PUT", `${base}/${id}`, { name: "Another" });
  expect(taken.status).toBe(409);
  expect(taken.json.error.type).toBe("conflict_error");
  expect((await call("POST", base, { name: "Another", variables: {} })).status).toBe(409);

  expect((await call("DELETE", `${base}/${id}`)).status).toBe(200);
  expect((await call("DELETE", `${base}/${id}`)).status).toBe(404);
  expect((await call("GET", base)).json.data.map((s: Json) => s.name)).toEqual(["Another"]);

  // Every change is in the audit log.
  const audit = await call("GET", `/v1/audit-logs?target_type=variable_set&target_id=${id}`);
  expect(audit.json.data.map((row: Json) => row.action).sort()).toEqual(["variable_set.create", "variable_set.delete", "variable_set.update", "variable_set.update"]);
});

test("bodies are checked with the schema, and a set belongs to its prompt only", async () => {
  const [a, b] = [await newPrompt("Sets A"), await newPrompt("Sets B")];
  const base = `/v1/prompts/${a.id}/variable-sets`;
  for (const body of [{ name: "", variables: {} }, { name: "x" }, { name: "x", variables: { n: 1 } }, { name: "x", variables: {}, extra: true }, { name: "x".repeat(101), variables: {} }]) {
    const refused = await call("POST", base, body);
    expect(refused.status, JSON.stringify(body)).toBe(400);
    expect(refused.json).toMatchObject({ status: "failure", error: { type: "invalid_request_error" } });
  }
  const created = await call("POST", base, { name: "Mine", variables: {} });
  // Reached through another prompt, the set does not exist.
  expect((await call("PUT", `/v1/prompts/${b.id}/variable-sets/${created.json.id}`, { name: "Stolen" })).status).toBe(404);
  expect((await call("DELETE", `/v1/prompts/${b.id}/variable-sets/${created.json.id}`)).status).toBe(404);
  expect((await call("GET", "/v1/prompts/no-such-prompt/variable-sets")).status).toBe(404);
  // Deleting the prompt takes its sets with it.
  expect((await call("DELETE", `/v1/prompts/${a.id}`)).status).toBe(200);
  expect((await call("GET", base)).status).toBe(404);
});

test("an editor key writes sets; a run-only key can neither read nor write them", async () => {
  const prompt = await newPrompt("Sets keys");
  const base = `/v1/prompts/${prompt.id}/variable-sets`;
  const editor = await newKey("editor");
  const created = await call("POST", base, { name: "From CI", variables: { name: "Ada" } }, editor);
  expect(created.status, created.text).toBe(200);
  expect((await call("GET", base, undefined, editor)).json.data).toHaveLength(1);
  const runOnly = await newKey("completions");
  for (const [method, path, body] of [["GET", base], ["POST", base, { name: "x", variables: {} }], ["PUT", `${base}/${created.json.id}`, { name: "y" }], ["DELETE", `${base}/${created.json.id}`]] as const) {
    const refused = await call(method, path, body, runOnly);
    expect(refused.status, `${method} ${path}`).toBe(403);
    expect(refused.json.error.type).toBe("permission_error");
  }
});
