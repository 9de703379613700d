import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { acceptInvite, invite, signUp } from "../support/accounts";
import { E2E } from "../support/env";
import { startOwnServer, type OwnServer } from "../support/own-server";

// Access control, API side. On the shared server: every /v1 route refuses a missing,
// malformed, revoked or under-scoped key, and a key's own rate limit applies. On a server
// of this file's own (sessions need accounts, and the env limit needs its own start):
// cross-site writes with the session cookie, roles through the API, the env rate limit.
test.describe.configure({ mode: "serial" });

type Needs = "run" | "read" | "write" | "settings" | "owner";
// Every route and method, with what it needs (the README's table, route by route).
const ROUTES: [method: string, path: string, needs: Needs][] = [
  ["POST", "/v1/prompts/x/completions", "run"],
  ["POST", "/v1/prompts/x/render", "run"],
  ["GET", "/v1/providers", "run"],
  ["GET", "/v1/prompts", "read"],
  ["POST", "/v1/prompts", "write"],
  ["GET", "/v1/bundles/export", "read"],
  ["POST", "/v1/bundles/import", "write"],
  ["GET", "/v1/prompts/x", "read"],
  ["PUT", "/v1/prompts/x", "write"],
  ["DELETE", "/v1/prompts/x", "write"],
  ["POST", "/v1/prompts/x/duplicate", "write"],
  ["POST", "/v1/prompts/x/archive", "write"],
  ["POST", "/v1/prompts/x/restore", "write"],
  ["PUT", "/v1/prompts/x/makeDefault", "write"],
  ["GET", "/v1/prompts/x/versions", "read"],
  ["GET", "/v1/prompts/x/versions/y", "read"],
  ["PUT", "/v1/prompts/x/versions/y", "write"],
  ["GET", "/v1/prompts/x/variable-sets", "read"],
  ["POST", "/v1/prompts/x/variable-sets", "write"],
  ["PUT", "/v1/prompts/x/variable-sets/y", "write"],
  ["DELETE", "/v1/prompts/x/variable-sets/y", "write"],
  ["GET", "/v1/prompts/partials", "read"],
  ["POST", "/v1/prompts/partials", "write"],
  ["GET", "/v1/prompts/partials/x", "read"],
  ["PUT", "/v1/prompts/partials/x", "write"],
  ["DELETE", "/v1/prompts/partials/x", "write"],
  ["PUT", "/v1/prompts/partials/x/makeDefault", "write"],
  ["GET", "/v1/prompts/partials/x/versions", "read"],
  ["GET", "/v1/prompts/partials/x/usage", "read"],
  ["PUT", "/v1/prompts/partials/x/labels/y", "write"],
  ["DELETE", "/v1/prompts/partials/x/labels/y", "write"],
  ["GET", "/v1/collections", "read"],
  ["POST", "/v1/collections", "write"],
  ["GET", "/v1/collections/x", "read"],
  ["PUT", "/v1/collections/x", "write"],
  ["DELETE", "/v1/collections/x", "write"],
  ["GET", "/v1/webhooks", "settings"],
  ["POST", "/v1/webhooks", "settings"],
  ["GET", "/v1/webhooks/x", "settings"],
  ["PUT", "/v1/webhooks/x", "settings"],
  ["DELETE", "/v1/webhooks/x", "settings"],
  ["POST", "/v1/webhooks/x/rotate-secret", "settings"],
  ["POST", "/v1/webhooks/x/ping", "settings"],
  ["GET", "/v1/webhooks/x/deliveries", "settings"],
  ["POST", "/v1/webhooks/x/deliveries/y/redeliver", "settings"],
  ["GET", "/v1/audit-logs", "settings"],
  ["GET", "/v1/audit-logs/export", "settings"],
  ["GET", "/v1/scorers", "read"],
  ["POST", "/v1/scorers", "write"],
  ["GET", "/v1/scorers/x", "read"],
  ["PUT", "/v1/scorers/x", "write"],
  ["DELETE", "/v1/scorers/x", "write"],
  ["POST", "/v1/scorers/test", "read"],
  ["GET", "/v1/scorers/templates", "read"],
  ["POST", "/v1/scorers/templates", "write"],
  ["GET", "/v1/labels", "read"],
  ["POST", "/v1/labels", "write"],
  ["GET", "/v1/labels/x", "read"],
  ["PUT", "/v1/labels/x", "write"],
  ["DELETE", "/v1/labels/x", "write"],
  ["PUT", "/v1/labels/x/protection", "settings"],
  ["GET", "/v1/prompts/x/labels/y/history", "read"],
  ["POST", "/v1/prompts/x/labels/y/rollback", "write"],
  ["PUT", "/v1/prompts/x/labels/y/split", "write"],
  ["POST", "/v1/prompts/x/labels/y/split/promote", "write"],
  ["POST", "/v1/prompts/x/labels/y/split/abort", "write"],
  ["GET", "/v1/prompts/x/labels/y/gate", "read"],
  ["PUT", "/v1/prompts/x/labels/y/gate", "settings"],
  ["DELETE", "/v1/prompts/x/labels/y/gate", "settings"],
  ["GET", "/v1/release-requests", "read"],
  ["POST", "/v1/release-requests", "write"],
  ["GET", "/v1/release-requests/x", "read"],
  ["POST", "/v1/release-requests/x/reviews", "write"],
  ["POST", "/v1/release-requests/x/merge", "write"],
  ["POST", "/v1/release-requests/x/close", "write"],
  ["GET", "/v1/logs", "read"],
  ["GET", "/v1/logs/x", "read"],
  ["POST", "/v1/logs", "write"],
  ["GET", "/v1/logs/exports", "read"],
  ["POST", "/v1/logs/exports", "read"],
  ["GET", "/v1/logs/exports/x", "read"],
  ["PUT", "/v1/logs/exports/x", "read"],
  ["POST", "/v1/logs/exports/x/start", "read"],
  ["POST", "/v1/logs/exports/x/cancel", "read"],
  ["GET", "/v1/logs/exports/x/download", "read"],
  ["POST", "/v1/feedback", "run"],
  ["PUT", "/v1/feedback/x", "run"],
  ["GET", "/v1/settings/logs", "read"],
  ["PUT", "/v1/settings/logs", "settings"],
  ["GET", "/v1/analytics/graphs/requests", "read"],
  ["GET", "/v1/analytics/graphs/errors/status-codes", "read"],
  ["GET", "/v1/analytics/groups/ai-models", "read"],
  ["GET", "/v1/analytics/groups/metadata/env", "read"],
  ["GET", "/v1/analytics/summary", "read"],
  ["GET", "/v1/analytics/summary/cache", "read"],
  ["GET", "/v1/experiments", "read"],
  ["POST", "/v1/experiments", "write"],
  ["GET", "/v1/experiments/x", "read"],
  ["GET", "/v1/experiments/x/results", "read"],
  ["POST", "/v1/experiments/x/cancel", "write"],
  ["GET", "/v1/experiments/x/compare", "read"],
  ["GET", "/v1/datasets", "read"],
  ["POST", "/v1/datasets", "write"],
  ["GET", "/v1/datasets/x", "read"],
  ["PUT", "/v1/datasets/x", "write"],
  ["DELETE", "/v1/datasets/x", "write"],
  ["GET", "/v1/datasets/x/items", "read"],
  ["POST", "/v1/datasets/x/items", "write"],
  ["PUT", "/v1/datasets/x/items/y", "write"],
  ["DELETE", "/v1/datasets/x/items/y", "write"],
  ["GET", "/v1/datasets/x/versions", "read"],
  ["GET", "/v1/datasets/x/export", "read"],
  ["GET", "/v1/virtual-keys", "read"],
  ["POST", "/v1/virtual-keys", "settings"],
  ["GET", "/v1/virtual-keys/x", "read"],
  ["PUT", "/v1/virtual-keys/x", "settings"],
  ["DELETE", "/v1/virtual-keys/x", "settings"],
  ["GET", "/v1/model-prices", "read"],
  ["PUT", "/v1/model-prices", "settings"],
  ["DELETE", "/v1/model-prices", "settings"],
  ["POST", "/v1/model-prices/recompute", "settings"],
  ["GET", "/v1/api-keys", "settings"],
  ["POST", "/v1/api-keys", "settings"],
  ["DELETE", "/v1/api-keys/x", "settings"],
  ["GET", "/v1/members", "owner"],
  ["PUT", "/v1/members/x", "owner"],
  ["DELETE", "/v1/members/x", "owner"],
  ["GET", "/v1/invites", "owner"],
  ["POST", "/v1/invites", "owner"],
  ["DELETE", "/v1/invites/x", "owner"],
];

async function send(method: string, url: string, headers: Record<string, string>, body: unknown = method === "GET" || method === "DELETE" ? undefined : {}) {
  return fetch(url, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The status and the error envelope's fields; fails unless the body is the envelope. */
async function refusal(response: Response | APIResponse) {
  const status = "status" in response && typeof response.status === "number" ? response.status : (response as APIResponse).status();
  const body = (await response.json()) as { status?: string; message?: string; error?: { message?: string; type?: string; code?: string | null } };
  expect(body.status, JSON.stringify(body)).toBe("failure");
  expect(typeof body.message).toBe("string");
  expect(body.error?.message).toBe(body.message);
  return { status, type: body.error?.type, code: body.error?.code, message: body.message as string };
}

const admin = { "x-portkey-api-key": E2E.apiKey };

async function newKey(scope: "admin" | "completions", extra: Record<string, unknown> = {}, baseUrl = E2E.baseUrl, auth: Record<string, string> = admin) {
  const response = await send("POST", `${baseUrl}/v1/api-keys`, auth, { name: `access ${scope} ${Date.now()}`, scope, ...extra });
  expect(response.status).toBe(200);
  return (await response.json()) as { id: string; key: string };
}

test("every /v1 route refuses a missing, malformed, revoked or under-scoped key in the error envelope", async () => {
  // Some nine hundred requests, one after another: a minute is too short on a busy machine.
  test.setTimeout(180_000);
  const completionsKey = (await newKey("completions")).key;
  const revoked = await newKey("admin");
  expect((await send("DELETE", `${E2E.baseUrl}/v1/api-keys/${revoked.id}`, admin)).status).toBe(200);

  const cases: [string, Record<string, string>, number][] = [
    ["missing", {}, 401],
    ["malformed", { "x-portkey-api-key": "not a key \u00e9" }, 401],
    ["malformed bearer", { authorization: "Bearer pk-promptly-nope" }, 401],
    ["unknown", { "x-portkey-api-key": "pk-promptly-0000000000000000000000000000" }, 401],
    ["revoked", { "x-portkey-api-key": revoked.key }, 401],
  ];
  let checked = 0;
  for (const [method, route, needs] of ROUTES) {
    for (const [what, headers, expected] of cases) {
      const answer = await refusal(await send(method, `${E2E.baseUrl}${route}`, headers));
      expect(answer.status, `${what} key on ${method} ${route}`).toBe(expected);
      expect(answer.type).toBe("authentication_error");
      checked++;
    }
    // Under-scoped: a completions key beyond running; any key on members and invitations.
    const underScoped = needs === "owner" ? [completionsKey, E2E.apiKey] : needs === "run" ? [] : [completionsKey];
    for (const key of underScoped) {
      const answer = await refusal(await send(method, `${E2E.baseUrl}${route}`, { "x-portkey-api-key": key }));
      expect(answer.status, `${key === E2E.apiKey ? "admin" : "completions"} key on ${method} ${route}`).toBe(403);
      expect(answer.type).toBe("permission_error");
      checked++;
    }
  }
  expect(checked).toBeGreaterThan(ROUTES.length * cases.length);
});

test("a revoked key is refused on the very next call: the fast path, render and admin routes alike", async () => {
  const vk = await send("POST", `${E2E.baseUrl}/v1/virtual-keys`, admin, { name: `revoke ${Date.now()}`, provider: "openai", key: "sk-revoke-test-key-123456", custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status).toBe(200);
  const prompt = await send("POST", `${E2E.baseUrl}/v1/prompts`, admin, { name: `revoke ${Date.now()}`, string: JSON.stringify([{ role: "user", content: "Hi" }]), parameters: { model: "gpt-4o-mini" }, virtual_key: ((await vk.json()) as { slug: string }).slug });
  expect(prompt.status).toBe(200);
  const promptId = ((await prompt.json()) as { id: string }).id;
  const { id, key } = await newKey("admin");
  const calls: [method: string, route: string, body?: unknown][] = [
    ["POST", `/v1/prompts/${promptId}/completions`, { variables: {} }], // fast path (custom server)
    ["POST", `/v1/prompts/${promptId}/render`, { variables: {} }], // fast path
    ["GET", "/v1/prompts"], // Next
  ];
  // In use, hence cached by both copies of lib/: the fast routes' bundle and Next's.
  for (const [method, route, body] of calls) {
    const response = await send(method, `${E2E.baseUrl}${route}`, { "x-portkey-api-key": key }, body);
    expect(response.status, `${method} ${route} before revoking`).toBe(200);
    await response.text();
  }
  // Revoked through Next's copy; the very next call on each path is refused.
  expect((await send("DELETE", `${E2E.baseUrl}/v1/api-keys/${id}`, admin)).status).toBe(200);
  for (const [method, route, body] of calls) {
    for (const headers of [{ "x-portkey-api-key": key }, { authorization: `Bearer ${key}` }] as Record<string, string>[]) {
      const answer = await refusal(await send(method, `${E2E.baseUrl}${route}`, headers, body));
      expect(answer.status, `${method} ${route} after revoking`).toBe(401);
      expect(answer.type).toBe("authentication_error");
    }
  }
});

test("a key revoked by `npm run apikey -- revoke` in another process is refused by the running server at once", async () => {
  const { id, key } = await newKey("admin");
  const calls: [method: string, route: string][] = [
    ["POST", "/v1/prompts/undefined/render"], // fast path: answers 404, but only after the key passed
    ["GET", "/v1/prompts"], // Next
  ];
  // In use, hence in the lookup caches of both copies of lib/.
  for (const [method, route] of calls) {
    const response = await send(method, `${E2E.baseUrl}${route}`, { "x-portkey-api-key": key });
    expect(response.status, `${method} ${route} before revoking`).not.toBe(401);
    await response.text();
  }
  // The CLI is its own process: on SQLite its write reaches the server through the database
  // file's signal file, on PostgreSQL through NOTIFY.
  const cli = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/apikey.ts", "revoke", id], {
    env: { ...process.env, ...E2E.serverEnv },
    encoding: "utf8",
    timeout: 60_000,
  });
  expect(cli.stdout, cli.stderr).toContain("Revoked.");
  for (const [method, route] of calls) {
    const answer = await refusal(await send(method, `${E2E.baseUrl}${route}`, { "x-portkey-api-key": key }));
    expect(answer.status, `${method} ${route} after the CLI revoked the key`).toBe(401);
  }
});

test("a key's own rate limit: with 5 per minute, the sixth completion is a 429 with retry-after", async () => {
  const { key } = await newKey("completions", { rate_limit_per_minute: 5 });
  const statuses: number[] = [];
  let last: Response | null = null;
  for (let i = 0; i < 6; i++) {
    last = await send("POST", `${E2E.baseUrl}/v1/prompts/no-such-prompt/completions`, { "x-portkey-api-key": key }, { variables: {} });
    statuses.push(last.status);
    if (i < 5) await last.body?.cancel();
  }
  expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  const answer = await refusal(last!);
  expect(answer).toMatchObject({ status: 429, type: "rate_limit_error", code: "rate_limit_exceeded" });
  expect(answer.message).toMatch(/5 completions per minute/);
  // Other routes and other keys are not limited.
  expect((await send("POST", `${E2E.baseUrl}/v1/prompts/no-such-prompt/render`, { "x-portkey-api-key": key }, { variables: {} })).status).toBe(404);
});

test.describe("on a server of its own, with PROMPTLY_RATE_LIMIT_PER_MINUTE=5", () => {
  let server: OwnServer;
  let owner: APIRequestContext;
  let promptId: string;
  const url = (route: string) => `${server.baseUrl}${route}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    process.env.PROMPTLY_RATE_LIMIT_PER_MINUTE = "5";
    try {
      server = await startOwnServer(E2E.port + 31, path.join(E2E.dataDir, `access-own-${Date.now()}`));
    } finally {
      delete process.env.PROMPTLY_RATE_LIMIT_PER_MINUTE;
    }
    const created = await signUp(server.baseUrl, { name: "Own Owner", email: "owner@own.test", password: "owner-password-123" });
    expect(created.status).toBe(200);
    owner = created.context;
    const vk = await send("POST", url("/v1/virtual-keys"), admin, { name: "mock", provider: "openai", key: "sk-own-server-key-123456", custom_host: `${E2E.mockUrl}/v1` });
    const vkSlug = ((await vk.json()) as { slug: string }).slug;
    const prompt = await send("POST", url("/v1/prompts"), admin, { name: "Own", string: JSON.stringify([{ role: "user", content: "Hi" }]), parameters: { model: "gpt-4o-mini" }, virtual_key: vkSlug });
    promptId = ((await prompt.json()) as { id: string }).id;
  });

  test.afterAll(async () => {
    await owner?.dispose();
    await server?.stop("SIGTERM");
  });

  test("a cross-site write with the session cookie is refused; the same request from the app's origin works", async () => {
    const body = { name: "from elsewhere", string: "x", parameters: {} };
    const crossSite: Record<string, string>[] = [{ origin: "https://evil.example", "sec-fetch-site": "cross-site" }, { origin: "https://evil.example" }, { "sec-fetch-site": "same-site" }];
    for (const headers of crossSite) {
      const answer = await refusal(await owner.post("/v1/prompts", { data: body, headers }));
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.message).toMatch(/Cross-site/);
    }
    expect((await owner.delete(`/v1/prompts/${promptId}`, { headers: { origin: "https://evil.example" } })).status()).toBe(403);
    // Reading is not a write; from the app itself, writing works.
    expect((await owner.get("/v1/prompts", { headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" } })).status()).toBe(200);
    const same = await owner.post("/v1/prompts", { data: { ...body, name: "same origin" }, headers: { origin: server.baseUrl, "sec-fetch-site": "same-origin" } });
    expect(same.status()).toBe(200);
  });

  test("roles through the API: the editor edits but has no settings; the viewer reads and runs but can't write", async () => {
    const editor = await acceptInvite(server.baseUrl, (await invite(owner, { role: "editor" })).token, "editor@own.test");
    const viewer = await acceptInvite(server.baseUrl, (await invite(owner, { role: "viewer", email: "viewer@own.test" })).token, "viewer@own.test");

    const edited = await editor.put(`/v1/prompts/${promptId}`, { data: { string: JSON.stringify([{ role: "user", content: "Hi again" }]), parameters: { model: "gpt-4o-mini" } } });
    expect(edited.status()).toBe(200);
    expect((await editor.post("/v1/labels", { data: { name: `ed-${Date.now().toString(36)}` } })).status()).toBe(200);
    expect((await editor.get("/v1/virtual-keys")).status()).toBe(200);
    for (const [method, route] of [["POST", "/v1/virtual-keys"], ["GET", "/v1/api-keys"], ["GET", "/v1/members"], ["POST", "/v1/invites"]] as const) {
      const answer = await refusal(await editor.fetch(route, { method, data: method === "POST" ? {} : undefined }));
      expect(answer.status, `editor ${method} ${route}`).toBe(403);
    }

    expect((await viewer.get(`/v1/prompts/${promptId}`)).status()).toBe(200);
    expect((await viewer.get("/v1/logs")).status()).toBe(200);
    // Bundles: a viewer exports (it reads everything in one anyway) but never imports; an editor imports.
    const emptyBundle = { format: "promptly-bundle", format_version: 1 };
    expect((await viewer.get("/v1/bundles/export")).status()).toBe(200);
    const viewerImport = await refusal(await viewer.post("/v1/bundles/import", { data: emptyBundle }));
    expect(viewerImport.status).toBe(403);
    expect((await editor.post("/v1/bundles/import", { data: emptyBundle })).status()).toBe(200);
    // Exporting logs is reading them: a viewer may (run-only keys may not, see ROUTES).
    expect((await viewer.post("/v1/logs/exports", { data: { filters: {} } })).status()).toBe(200);
    const run = await viewer.post(`/v1/prompts/${promptId}/completions`, { data: { variables: {} } });
    expect(run.status()).toBe(200);
    const save = await refusal(await viewer.put(`/v1/prompts/${promptId}`, { data: { string: "nope", parameters: {} } }));
    expect(save.status).toBe(403);
    expect(save.message).toMatch(/viewer/);
    expect((await viewer.post("/v1/prompts", { data: { name: "nope", string: "x", parameters: {} } })).status()).toBe(403);
    expect((await viewer.get("/v1/api-keys")).status()).toBe(403);
    // Model prices: everyone reads them; only the owner (settings) sets them.
    expect((await viewer.get("/v1/model-prices")).status()).toBe(200);
    const price = { provider: "openai", model: "gpt-4o", input_per_mtok: 0, output_per_mtok: 0 };
    expect((await viewer.put("/v1/model-prices", { data: price })).status()).toBe(403);
    expect((await editor.put("/v1/model-prices", { data: price })).status()).toBe(403);
    // Log settings: everyone reads them; only the owner changes retention. External logs need write;
    // feedback is anyone's who may run.
    expect((await viewer.get("/v1/settings/logs")).status()).toBe(200);
    expect((await viewer.put("/v1/settings/logs", { data: { retention_days: 1 } })).status()).toBe(403);
    expect((await editor.put("/v1/settings/logs", { data: { retention_days: 1 } })).status()).toBe(403);
    const external = { request: { url: "https://api.example.com/v1/chat", body: {} }, response: { status: 200, body: {} } };
    expect((await viewer.post("/v1/logs", { data: external })).status()).toBe(403);
    expect((await editor.post("/v1/logs", { data: external })).status()).toBe(200);
    expect((await viewer.post("/v1/feedback", { data: { trace_id: "viewer-trace", value: 1 } })).status()).toBe(200);
    // Scorers: viewers read and try them, editors save them.
    const scorer = { name: `exact ${Date.now().toString(36)}`, definition: { type: "exact_match" } };
    expect((await viewer.post("/v1/scorers", { data: scorer })).status()).toBe(403);
    expect((await editor.post("/v1/scorers", { data: scorer })).status()).toBe(200);
    expect((await viewer.get("/v1/scorers")).status()).toBe(200);
    expect((await viewer.post("/v1/scorers/test", { data: { scorer, output: "a", expected: "a" } })).status()).toBe(200);
    // Judge templates: viewers list them, only editors create a judge from one.
    expect((await viewer.get("/v1/scorers/templates")).status()).toBe(200);
    const judge = { template: "correctness", name: `Judge ${Date.now().toString(36)}`, model: "gpt-4o-mini" };
    expect((await refusal(await viewer.post("/v1/scorers/templates", { data: judge }))).status).toBe(403);
    expect((await editor.post("/v1/scorers/templates", { data: judge })).status()).toBe(200);
    // Datasets: the editor creates, the viewer reads but can't change them.
    const dataset = await editor.post("/v1/datasets", { data: { name: "Editor's set", items: [{ variables: { q: "1" } }] } });
    expect(dataset.status()).toBe(200);
    const datasetId = ((await dataset.json()) as { id: string }).id;
    expect((await viewer.get(`/v1/datasets/${datasetId}/items`)).status()).toBe(200);
    for (const [method, route] of [["POST", "/v1/datasets"], ["POST", `/v1/datasets/${datasetId}/items`], ["PUT", `/v1/datasets/${datasetId}`], ["DELETE", `/v1/datasets/${datasetId}`]] as const) {
      const answer = await refusal(await viewer.fetch(route, { method, data: method === "DELETE" ? undefined : { name: "nope", variables: {} } }));
      expect(answer.status, `viewer ${method} ${route}`).toBe(403);
    }
    // Experiments: the editor starts one, the viewer reads it but can neither start nor cancel one.
    const experiment = await editor.post("/v1/experiments", { data: { dataset_id: datasetId, targets: [{ prompt: promptId }] } });
    expect(experiment.status()).toBe(200);
    const experimentId = ((await experiment.json()) as { id: string }).id;
    expect((await viewer.get(`/v1/experiments/${experimentId}`)).status()).toBe(200);
    expect((await viewer.get(`/v1/experiments/${experimentId}/results`)).status()).toBe(200);
    expect((await refusal(await viewer.post("/v1/experiments", { data: { dataset_id: datasetId, targets: [{ prompt: promptId }] } }))).status).toBe(403);
    expect((await refusal(await viewer.post(`/v1/experiments/${experimentId}/cancel`))).status).toBe(403);

    // A canary on a protected label is a move of it: the editor is refused, the owner starts it;
    // an evaluation gate is a setting.
    expect((await owner.put(`/v1/prompts/${promptId}/versions/1`, { data: { label_id: "production" } })).status()).toBe(200);
    const split = { candidate_version: 2, weight: 10 };
    const splitRefused = await refusal(await editor.put(`/v1/prompts/${promptId}/labels/production/split`, { data: split }));
    expect([splitRefused.status, splitRefused.code]).toEqual([403, "label_protected"]);
    expect((await refusal(await editor.put(`/v1/prompts/${promptId}/labels/production/gate`, { data: { dataset_id: datasetId, scorers: [], min_pass_rate: 1 } }))).status).toBe(403);
    expect((await owner.put(`/v1/prompts/${promptId}/labels/production/split`, { data: split })).status()).toBe(200);
    expect((await refusal(await editor.post(`/v1/prompts/${promptId}/labels/production/split/abort`))).status).toBe(403);

    // The owner demotes the editor: the next request already has the new role.
    const members = (await (await owner.get("/v1/members")).json()) as { data: { id: string; email: string; role: string }[] };
    const editorId = members.data.find((m) => m.email === "editor@own.test")!.id;
    expect((await owner.put(`/v1/members/${editorId}`, { data: { role: "viewer" } })).status()).toBe(200);
    expect((await editor.put(`/v1/prompts/${promptId}`, { data: { string: "x", parameters: {} } })).status()).toBe(403);
    // Removed: signed out at once.
    expect((await owner.delete(`/v1/members/${editorId}`)).status()).toBe(200);
    expect((await editor.get("/v1/prompts")).status()).toBe(401);
    await Promise.all([editor.dispose(), viewer.dispose()]);
  });

  test("an owner who steps down loses their API keys on the very next call", async () => {
    test.setTimeout(90_000); // better-auth's sign-up rate limit may make this test wait
    const coOwner = await acceptInvite(server.baseUrl, (await invite(owner, { role: "editor" })).token, "co-owner@own.test");
    const members = (await (await owner.get("/v1/members")).json()) as { data: { id: string; email: string }[] };
    const coOwnerId = members.data.find((m) => m.email === "co-owner@own.test")!.id;
    expect((await owner.put(`/v1/members/${coOwnerId}`, { data: { role: "owner" } })).status()).toBe(200);
    const created = await coOwner.post("/v1/api-keys", { data: { name: "co-owner's", scope: "completions" } });
    expect(created.status()).toBe(200);
    const { key } = (await created.json()) as { key: string };
    const run = () => send("POST", url(`/v1/prompts/${promptId}/completions`), { "x-portkey-api-key": key }, { variables: {} });
    const before = await run(); // cached from here on
    expect(before.status).toBe(200);
    await before.text();
    expect((await owner.put(`/v1/members/${coOwnerId}`, { data: { role: "editor" } })).status()).toBe(200);
    const answer = await refusal(await run());
    expect(answer).toMatchObject({ status: 401, type: "authentication_error" });
    await coOwner.dispose();
  });

  test("invitations: a used, expired, revoked or made-up one is refused with a clear message", async () => {
    test.setTimeout(120_000); // better-auth's sign-up rate limit makes this test wait
    const used = await invite(owner, { role: "viewer" });
    await (await acceptInvite(server.baseUrl, used.token, "once@own.test")).dispose();
    const expired = await invite(owner, { role: "editor", expires_in_seconds: 1 });
    const revoked = await invite(owner, { role: "editor" });
    expect((await owner.delete(`/v1/invites/${revoked.id}`)).status()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const [token, message] of [[used.token, /already been used/], [expired.token, /expired/], [revoked.token, /revoked/], ["made-up", /not valid/], [undefined, /Sign-up is closed/]] as const) {
      const answer = await signUp(server.baseUrl, { name: "Late", email: `late-${Date.now()}@own.test`, password: "late-password-123" }, token);
      expect(answer.status, String(token)).toBe(403);
      expect(String(answer.body.message)).toMatch(message);
      await answer.context.dispose();
    }
    const list = (await (await owner.get("/v1/invites")).json()) as { data: { id: string; status: string }[] };
    expect(list.data.find((i) => i.id === used.id)?.status).toBe("used");
    expect(list.data.find((i) => i.id === expired.id)?.status).toBe("expired");
    expect(list.data.find((i) => i.id === revoked.id)?.status).toBe("revoked");
    expect(JSON.stringify(list)).not.toContain(used.token);
  });

  test("the env limit: the sixth completion of a minute is a 429 with retry-after, per key", async () => {
    const first = await newKey("completions", {}, server.baseUrl);
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 6; i++) {
      last = await send("POST", url(`/v1/prompts/${promptId}/completions`), { "x-portkey-api-key": first.key }, { variables: {} });
      statuses.push(last.status);
      if (i < 5) await last.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const retryAfter = Number(last!.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refusal(last!)).toMatchObject({ status: 429, type: "rate_limit_error" });
    // Another key has its own budget; a key set to 0 has none; the playground (session) isn't limited.
    const second = await newKey("completions", {}, server.baseUrl);
    expect((await send("POST", url(`/v1/prompts/${promptId}/completions`), { "x-portkey-api-key": second.key }, { variables: {} })).status).toBe(200);
    const unlimited = await newKey("completions", { rate_limit_per_minute: 0 }, server.baseUrl);
    for (let i = 0; i < 7; i++) {
      expect((await send("POST", url(`/v1/prompts/${promptId}/render`), { "x-portkey-api-key": unlimited.key }, { variables: {} })).status).toBe(200);
      expect((await send("POST", url(`/v1/prompts/no-such/completions`), { "x-portkey-api-key": unlimited.key }, { variables: {} })).status).toBe(404);
    }
    for (let i = 0; i < 6; i++) expect((await owner.post(`/v1/prompts/${promptId}/completions`, { data: { variables: {} } })).status()).toBe(200);
  });
});
