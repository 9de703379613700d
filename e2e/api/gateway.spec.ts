import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";
import { expectCutStream } from "../support/sse";

// Retries, fallbacks, timeouts and cancellation, against the mock provider.
test.describe.configure({ mode: "serial" });

let promptId: string;
let primaryKey: string;
let backupKey: string;

test.beforeAll(async () => {
  const portkey = portkeyClient();
  primaryKey = await mockVirtualKey(portkey);
  backupKey = await mockVirtualKey(portkey);
  promptId = (await createPrompt(portkey, {
    name: uniqueName("Gateway"),
    string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: primaryKey,
  })).id;
});

test.beforeEach(async () => {
  await mock.reset();
});

function complete(body: Record<string, unknown>, config?: unknown, signal?: AbortSignal, id = promptId) {
  return fetch(`${E2E.baseUrl}/v1/prompts/${id}/completions`, {
    method: "POST",
    headers: {
      "x-portkey-api-key": E2E.apiKey,
      "content-type": "application/json",
      ...(config ? { "x-portkey-config": JSON.stringify(config) } : {}),
    },
    body: JSON.stringify({ variables: { name: "gateway" }, ...body }),
    signal,
  });
}

test("retry: two 503s then an answer → 200 after 2 retries, 3 upstream calls", async () => {
  await mock.enqueue({ status: 503 }, { status: 503 });
  const response = await complete({}, { retry: { attempts: 3, on_status_codes: [503] } });
  expect(response.status).toBe(200);
  expect(response.headers.get("x-portkey-retry-attempt-count")).toBe("2");
  expect((await response.json()).object).toBe("chat.completion");
  expect(await mock.requests()).toHaveLength(3);
});

test("retry as a stored prompt setting: no header, two 503s then an answer → 200 after 2 retries", async () => {
  const portkey = portkeyClient();
  const settings = { retry: { attempts: 2, on_status_codes: [503] }, request_timeout: 30_000 };
  const stored = await createPrompt(portkey, {
    name: uniqueName("Gateway stored retry"),
    string: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: primaryKey,
    settings,
  });
  const retrieved = await fetch(`${E2E.baseUrl}/v1/prompts/${stored.id}`, { headers: { "x-portkey-api-key": E2E.apiKey } });
  expect(await retrieved.json()).toMatchObject({ settings });

  await mock.enqueue({ status: 503 }, { status: 503 });
  const response = await complete({}, undefined, undefined, stored.id);
  expect(response.status).toBe(200);
  expect(response.headers.get("x-portkey-retry-attempt-count")).toBe("2");
  expect((await response.json()).object).toBe("chat.completion");
  expect(await mock.requests()).toHaveLength(3);
});

test("stored settings are validated by the gateway config's rules: a bad one is a 400, nothing stored", async () => {
  const put = (settings: unknown) =>
    fetch(`${E2E.baseUrl}/v1/prompts/${promptId}`, {
      method: "PUT",
      headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
      body: JSON.stringify({ settings }),
    });
  for (const bad of [{ retry: { attempts: "many" } }, { retry: { attempts: 99 } }, { request_timeout: -1 }, { retries: 2 }, "often"]) {
    const response = await put(bad);
    expect(response.status, JSON.stringify(bad)).toBe(400);
    expect(await response.json()).toMatchObject({ status: "failure", error: { type: "invalid_request_error" } });
  }
  const retrieved = await fetch(`${E2E.baseUrl}/v1/prompts/${promptId}`, { headers: { "x-portkey-api-key": E2E.apiKey } });
  expect(await retrieved.json()).toMatchObject({ settings: null });
});

test("retries off: one upstream call and a 503 envelope", async () => {
  await mock.enqueue({ status: 503 });
  const response = await complete({});
  expect(response.status).toBe(503);
  const body = await response.json();
  expect(body).toMatchObject({ status: "failure", error: { type: "upstream_error" } });
  expect(body.message).toContain("OpenAI");
  expect(response.headers.get("x-portkey-retry-attempt-count")).toBe("0");
  expect(await mock.requests()).toHaveLength(1);
});

test("no retry after the first streamed byte: a stream cut mid-way ends with an SSE error, one upstream call", async () => {
  await mock.enqueue({ tokens: 10, tokenDelayMs: 5, cutAfterTokens: 3 });
  await expectCutStream(await complete({ stream: true }, { retry: { attempts: 3 } }));
  // Give a (wrong) retry the time to reach the mock before counting.
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(await mock.requests()).toHaveLength(1);
});

test("fallback: the first target 500s, the second answers", async () => {
  await mock.enqueue({ status: 500 });
  const config = {
    strategy: { mode: "fallback" },
    targets: [{ virtual_key: primaryKey }, { virtual_key: backupKey, override_params: { model: "gpt-4o" } }],
  };
  const response = await complete({}, config);
  expect(response.status).toBe(200);
  expect(response.headers.get("x-portkey-last-used-option-index")).toBe("1");
  const requests = await mock.requests();
  expect(requests.map((request) => request.body.model)).toEqual(["gpt-4o-mini", "gpt-4o"]);
});

test("fallback only on the configured statuses", async () => {
  await mock.enqueue({ status: 400 });
  const config = { strategy: { mode: "fallback", on_status_codes: [500, 503] }, targets: [{ virtual_key: primaryKey }, { virtual_key: backupKey }] };
  const response = await complete({}, config);
  expect(response.status).toBe(400);
  expect(response.headers.get("x-portkey-last-used-option-index")).toBe("0");
  expect(await mock.requests()).toHaveLength(1);
});

test("timeout: a stalled upstream is aborted at the configured timeout → 504", async () => {
  await mock.enqueue({ stallMs: 10_000 });
  const started = Date.now();
  const response = await complete({}, { request_timeout: 400 });
  expect(response.status).toBe(504);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect((await response.json()).error.code).toBe("upstream_timeout");
  await expect.poll(async () => (await mock.requests())[0]?.closedEarly, { timeout: 2_000 }).toBe(true);
});

test("cancellation: a client leaving a slow stream after 2 chunks closes the upstream and logs cancelled", async () => {
  await mock.enqueue({ tokens: 40, tokenDelayMs: 150 });
  const client = new AbortController();
  const response = await complete({ stream: true }, undefined, client.signal);
  const reader = response.body!.getReader();
  let events = 0;
  while (events < 2) {
    const { value } = await reader.read();
    events += new TextDecoder().decode(value).split("data: ").length - 1;
  }
  const abortedAt = Date.now();
  client.abort();
  await expect
    .poll(async () => (await mock.requests())[0]?.closedEarly, { timeout: 3_000, intervals: [50] })
    .toBe(true);
  const [upstream] = await mock.requests();
  expect(upstream.closedAt! - abortedAt).toBeLessThan(1_000);
  expect(upstream.tokensSent).toBeLessThan(40);

  await expect
    .poll(
      async () => {
        const logs = await fetch(`${E2E.baseUrl}/v1/logs?prompt=${promptId}&status=cancelled`, { headers: { "x-portkey-api-key": E2E.apiKey } });
        return ((await logs.json()) as { data: unknown[] }).data.length;
      },
      { timeout: 5_000 },
    )
    .toBeGreaterThan(0);
});

test("a malformed x-portkey-config is a 400 naming the header", async () => {
  const response = await complete({}, "not-json-config");
  expect(response.status).toBe(400);
  expect((await response.json()).message).toContain("x-portkey-config");
  expect(await mock.requests()).toHaveLength(0);
});
