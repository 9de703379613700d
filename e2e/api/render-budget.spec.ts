import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { pidListeningOn, rssMb } from "../support/server-process";

// A run-only key once took the server down (V8 heap) with a ~300-byte template of nested
// sections over a list. Rendering now has a budget, and run-only keys run released versions
// of saved prompts with their own virtual keys unless the key says otherwise.
test.describe.configure({ mode: "serial" });

const admin = { "x-portkey-api-key": E2E.apiKey };
const BOMB = "{{#a}}{{#a}}{{#a}}{{#a}}xxxxxxxxxx{{/a}}{{/a}}{{/a}}{{/a}}";
const LIST = { a: Array.from({ length: 100 }, (_, i) => i) };

type Envelope = { status: string; message: string; error: { message: string; type: string; code: string | null; param: string | null } };

async function send(method: string, route: string, headers: Record<string, string>, body?: unknown) {
  return fetch(`${E2E.baseUrl}${route}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function json<T>(response: Response, status = 200): Promise<T> {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as T;
}

async function newKey(extra: Record<string, unknown> = {}) {
  const created = await json<{ key: string }>(await send("POST", "/v1/api-keys", admin, { name: `budget ${Date.now()}`, scope: "completions", ...extra }));
  return { "x-portkey-api-key": created.key };
}

async function newVirtualKey(name: string) {
  const body = { name: `${name} ${Date.now()}`, provider: "openai", key: "sk-render-budget-key-123456", custom_host: `${E2E.mockUrl}/v1` };
  return (await json<{ slug: string }>(await send("POST", "/v1/virtual-keys", admin, body))).slug;
}

async function newPrompt(name: string, template: string, virtualKey: string) {
  const body = { name: `${name} ${Date.now()}`, string: template, template_metadata: { template_type: "completion" }, parameters: { model: "gpt-3.5-turbo-instruct" }, virtual_key: virtualKey };
  return (await json<{ id: string; slug: string }>(await send("POST", "/v1/prompts", admin, body))).id;
}

async function expectHealthy() {
  expect((await fetch(`${E2E.baseUrl}/api/health`)).status).toBe(200);
}

let ownKey: string;
let otherKey: string;
let bombId: string;
let plainId: string;

test.beforeAll(async () => {
  ownKey = await newVirtualKey("budget own");
  otherKey = await newVirtualKey("budget other");
  bombId = await newPrompt("Bomb", BOMB, ownKey);
  plainId = await newPrompt("Plain", "Hello {{name}}", ownKey);
});

test("the nested-sections bomb answers 422 template_too_large through render, completions (both kinds) and a draft; the server stays up", async () => {
  const runOnly = await newKey();
  const calls: [route: string, headers: Record<string, string>, body: Record<string, unknown>][] = [
    [`/v1/prompts/${bombId}/render`, runOnly, { variables: LIST }],
    [`/v1/prompts/${bombId}/completions`, runOnly, { variables: LIST }],
    [`/v1/prompts/${bombId}/completions`, runOnly, { variables: LIST, stream: true }],
    // The same bomb as a draft, from a caller allowed to run drafts.
    [`/v1/prompts/${plainId}/render`, admin, { variables: LIST, template: BOMB, template_type: "completion" }],
    [`/v1/prompts/${plainId}/completions`, admin, { variables: LIST, template: BOMB, template_type: "completion", stream: true }],
  ];
  for (const [route, headers, body] of calls) {
    const answer = await json<Envelope>(await send("POST", route, headers, body), 422);
    expect(answer.error.code, route).toBe("template_too_large");
    expect(answer.message).toContain("PROMPTLY_MAX_RENDER_BYTES");
    await expectHealthy();
  }
});

test("a run-only key runs published and labelled versions only, and no drafts", async () => {
  const runOnly = await newKey();
  const draft = await json<Envelope>(await send("POST", `/v1/prompts/${plainId}/render`, runOnly, { template: "Anything {{name}}", template_type: "completion" }), 403);
  expect(draft.error).toMatchObject({ type: "permission_error", param: "template" });
  expect(draft.message).toMatch(/allow_drafts/);
  expect((await send("POST", `/v1/prompts/${plainId}/completions`, runOnly, { template: "x" })).status).toBe(403);

  // v2 saved but not published: refused by number and as @latest; v1 (published) runs.
  await json(await send("PUT", `/v1/prompts/${plainId}`, admin, { string: "Unreleased {{name}}" }));
  for (const ref of [`${plainId}@2`, `${plainId}@latest`]) {
    const refused = await json<Envelope>(await send("POST", `/v1/prompts/${ref}/render`, runOnly, { variables: { name: "x" } }), 403);
    expect(refused.message).toMatch(/neither published nor labelled/);
    expect((await send("POST", `/v1/prompts/${ref}/completions`, runOnly, { variables: { name: "x" } })).status).toBe(403);
  }
  const published = await json<{ data: { prompt: string } }>(await send("POST", `/v1/prompts/${plainId}/render`, runOnly, { variables: { name: "Ada" } }));
  expect(published.data.prompt).toBe("Hello Ada");
  expect((await send("POST", `/v1/prompts/${plainId}@1/completions`, runOnly, { variables: { name: "Ada" } })).status).toBe(200);

  // A label makes v2 runnable.
  await json(await send("PUT", `/v1/prompts/${plainId}/versions/2`, admin, { label_id: "staging" }));
  const labelled = await json<{ data: { prompt: string } }>(await send("POST", `/v1/prompts/${plainId}@staging/render`, runOnly, { variables: { name: "Ada" } }));
  expect(labelled.data.prompt).toBe("Unreleased Ada");
  expect((await send("POST", `/v1/prompts/${plainId}@2/completions`, runOnly, { variables: { name: "Ada" } })).status).toBe(200);

  // A key created with allow_drafts runs drafts and any saved version.
  await json(await send("PUT", `/v1/prompts/${plainId}`, admin, { string: "Third {{name}}" }));
  const playground = await newKey({ allow_drafts: true });
  const drafted = await json<{ data: { prompt: string } }>(await send("POST", `/v1/prompts/${plainId}/render`, playground, { variables: { name: "Ada" }, template: "Draft {{name}}", template_type: "completion" }));
  expect(drafted.data.prompt).toBe("Draft Ada");
  expect((await send("POST", `/v1/prompts/${plainId}@3/render`, playground, { variables: { name: "Ada" } })).status).toBe(200);
  expect((await send("POST", `/v1/prompts/${plainId}@3/render`, runOnly, { variables: { name: "Ada" } })).status).toBe(403);
});

test("a run-only key uses its prompts' own virtual keys, or those listed on it", async () => {
  const runOnly = await newKey({ allow_drafts: true });
  for (const ref of [otherKey, "no-such-virtual-key"]) {
    const refused = await json<Envelope>(await send("POST", `/v1/prompts/${plainId}/completions`, runOnly, { variables: { name: "x" }, virtual_key: ref }), 403);
    expect(refused.error).toMatchObject({ type: "permission_error", param: "virtual_key" });
  }
  // Through a gateway config target too.
  const config = JSON.stringify({ strategy: { mode: "fallback" }, targets: [{ virtual_key: otherKey }] });
  expect((await send("POST", `/v1/prompts/${plainId}/completions`, { ...runOnly, "x-portkey-config": config }, { variables: { name: "x" } })).status).toBe(403);
  expect((await send("POST", `/v1/prompts/${plainId}/completions`, runOnly, { variables: { name: "x" }, virtual_key: ownKey })).status).toBe(200);

  const listed = await newKey({ virtual_keys: [otherKey] });
  expect((await send("POST", `/v1/prompts/${plainId}/completions`, listed, { variables: { name: "x" }, virtual_key: otherKey })).status).toBe(200);
  // Admin keys keep running anything.
  expect((await send("POST", `/v1/prompts/${plainId}/completions`, admin, { variables: { name: "x" }, virtual_key: otherKey })).status).toBe(200);
  // The options are for completions keys only; an unknown virtual key is a 400.
  expect((await send("POST", "/v1/api-keys", admin, { name: "x", scope: "admin", allow_drafts: true })).status).toBe(400);
  expect((await send("POST", "/v1/api-keys", admin, { name: "x", scope: "completions", virtual_keys: ["no-such-virtual-key"] })).status).toBe(400);
});

test("/render is rate-limited per key like completions, on its own counter", async () => {
  const limited = await newKey({ rate_limit_per_minute: 3 });
  const statuses: number[] = [];
  let last: Response | null = null;
  for (let i = 0; i < 4; i++) {
    last = await send("POST", `/v1/prompts/${plainId}/render`, limited, { variables: { name: "x" } });
    statuses.push(last.status);
    if (i < 3) await last.text();
  }
  expect(statuses).toEqual([200, 200, 200, 429]);
  expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  const answer = await json<Envelope>(last!, 429);
  expect(answer.error.code).toBe("rate_limit_exceeded");
  expect(answer.message).toMatch(/render 3 prompts per minute/);
  // Completions have their own budget.
  expect((await send("POST", `/v1/prompts/${plainId}/completions`, limited, { variables: { name: "x" } })).status).toBe(200);
});

test("oversized templates and variables are refused with the limit and its variable named", async () => {
  const big = "x".repeat(262_145);
  const save = await json<Envelope>(await send("POST", "/v1/prompts", admin, { name: `Too big ${Date.now()}`, string: big }), 400);
  expect(save.message).toContain("PROMPTLY_MAX_TEMPLATE_BYTES");
  const partial = await json<Envelope>(await send("POST", "/v1/prompts/partials", admin, { name: `Too big ${Date.now()}`, string: big }), 400);
  expect(partial.message).toContain("PROMPTLY_MAX_TEMPLATE_BYTES");
  const variables = await json<Envelope>(await send("POST", `/v1/prompts/${plainId}/render`, admin, { variables: { name: "y".repeat(262_145) } }), 400);
  expect(variables.message).toContain("PROMPTLY_MAX_VARIABLES_BYTES");
  await expectHealthy();
});

// mustache.js builds a text token one character at a time: kept as built, a cached 200 kB
// template holds a 6 MB rope of 32-byte string nodes, twenty of them (what the parse cache's
// byte budget admits) outgrow the heap, and each parse holds ~25 MB of per-character arrays
// while it runs. The built server must cache each run of text as one flat string.
test("long plain-text templates are cached flat: 40 distinct 200 kB drafts leave the server's memory about where it was", async () => {
  test.setTimeout(120_000);
  const pid = pidListeningOn();
  const before = rssMb(pid) ?? 0;
  let peak = before;
  for (let i = 0; i < 40; i++) {
    const template = `${i} ${Date.now()} ${"lorem ipsum ".repeat(16_000)}{{name}}`;
    const rendered = await send("POST", `/v1/prompts/${plainId}/render`, admin, { variables: { name: "x" }, template, template_type: "completion" });
    expect(rendered.status, await rendered.text()).toBe(200);
    peak = Math.max(peak, rssMb(pid) ?? Infinity);
  }
  await expectHealthy();
  expect(peak - before, `server RSS ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at peak`).toBeLessThan(90);
});
