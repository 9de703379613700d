import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { pidListeningOn, rssMb } from "../support/server-process";
import { headOnly, pushBody, type PushResult } from "../support/raw-socket";

// Request bodies: the key is checked from the headers before any body byte is read, every
// route refuses a body over PROMPTLY_MAX_BODY_BYTES (1 MiB by default) with a 413 as soon
// as the declared length or the streamed count says so, and the connection is then closed.

const MB = 1024 * 1024;
const ADMIN = { "x-portkey-api-key": E2E.apiKey };
// Far more than any answer needs to arrive, far less than a server reading it all would take.
const BOUND = 32 * MB;

let promptId = "";

test.beforeAll(async () => {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${E2E.baseUrl}${path}`, { method: "POST", headers: { ...ADMIN, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect(response.status, path).toBe(200);
    return (await response.json()) as Record<string, string>;
  };
  const vk = await post("/v1/virtual-keys", { name: `body limits ${Date.now()}`, provider: "openai", key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` });
  const prompt = await post("/v1/prompts", { name: `body limits ${Date.now()}`, string: "Say {{word}}", model: "gpt-4o-mini", virtual_key: vk.slug, template_metadata: { template_type: "completion" } });
  promptId = prompt.id;
});

test.afterAll(async () => {
  if (promptId) await fetch(`${E2E.baseUrl}/v1/prompts/${promptId}?force=true`, { method: "DELETE", headers: ADMIN });
});

function expectTooLarge(result: PushResult) {
  expect(result.status, `answer: ${result.body.slice(0, 300)}`).toBe(413);
  const body = JSON.parse(result.body) as { status: string; error: { code: string; message: string } };
  expect(body).toMatchObject({ status: "failure", error: { code: "body_too_large" } });
  expect(body.error.message).toContain("PROMPTLY_MAX_BODY_BYTES");
  expect(body.error.message).toContain(String(MB));
  expect(result.headers.connection).toBe("close");
  // The server hung up instead of reading the rest.
  expect(result.sentAtClose, "connection left open").not.toBeNull();
}

test("an unauthenticated 500 MB upload to completions is answered 401 at once and the connection closed, unread", async () => {
  const result = await pushBody({ path: `/v1/prompts/${promptId}/completions`, contentLength: 500 * MB, maxBytes: BOUND, prefix: '{"variables":{"word":"' });
  expect(result.status).toBe(401);
  expect(result.sentAtAnswer, "answered only after reading the body").toBeLessThan(BOUND);
  expect(result.sentAtClose, "the server kept reading").not.toBeNull();
  expect(result.sentAtClose!).toBeLessThan(BOUND);
});

test("many unauthenticated uploads at once leave the server's memory flat", async () => {
  const pid = pidListeningOn();
  const before = rssMb(pid)!;
  let peak = before;
  const sample = (sent: number) => {
    if (sent % (4 * MB) === 0) peak = Math.max(peak, rssMb(pid) ?? Infinity);
  };
  // 8 × 64 MB: a server that buffered them would hold 512 MB.
  const uploads = Array.from({ length: 8 }, (_, i) =>
    pushBody({ path: i % 2 ? `/v1/prompts/${promptId}/render` : "/v1/labels", contentLength: 500 * MB, maxBytes: 64 * MB, onProgress: sample }),
  );
  const results = await Promise.all(uploads);
  peak = Math.max(peak, rssMb(pid) ?? Infinity);
  expect(peak, `RSS went from ${before.toFixed(0)} MB to ${peak.toFixed(0)} MB`).toBeLessThan(Math.min(400, before + 100));
  expect(results.map((r) => r.status)).toEqual(Array(8).fill(401));
});

test("an authenticated request declaring 2 MB is refused with 413 before any body byte is sent", async () => {
  for (const path of [`/v1/prompts/${promptId}/completions`, `/v1/prompts/${promptId}/render`, "/v1/labels", `/v1/prompts/${promptId}`]) {
    const result = await headOnly({ method: path === `/v1/prompts/${promptId}` ? "PUT" : "POST", path, headers: ADMIN, contentLength: 2 * MB });
    expectTooLarge(result);
  }
});

test("an authenticated chunked 2 MB body is refused with 413 once the count passes the limit, and the connection closed", async () => {
  const targets: [string, string, string][] = [
    ["POST", `/v1/prompts/${promptId}/completions`, '{"variables":{"word":"'],
    ["POST", `/v1/prompts/${promptId}/render`, '{"variables":{"word":"'],
    ["PUT", `/v1/prompts/${promptId}`, '{"string":"'],
    ["POST", "/v1/labels", '{"name":"'],
  ];
  for (const [method, path, prefix] of targets) {
    const result = await pushBody({ method, path, headers: ADMIN, maxBytes: 2 * MB, prefix });
    expectTooLarge(result);
  }
});

test("a body just under the limit gets through the body limit, chunked or not", async () => {
  const word = "a".repeat(MB - 100);
  for (const chunked of [false, true]) {
    const body = JSON.stringify({ variables: { word } });
    const result = await pushBody({
      path: `/v1/prompts/${promptId}/render`,
      headers: ADMIN,
      contentLength: chunked ? undefined : body.length,
      maxBytes: body.length,
      chunkSize: body.length,
      prefix: body,
      waitForClose: false,
    });
    // Through the body limit; narrower limits (the variables' own) may still refuse it, in their own words.
    expect(result.status, result.body.slice(0, 300)).not.toBe(413);
    expect(result.status).toBeLessThan(500);
    if (result.status !== 200) expect(result.body).not.toContain("body_too_large");
  }
});

test("sign-in and sign-up refuse a 2 MB body with 413, declared or chunked", async () => {
  for (const path of ["/api/auth/sign-in/email", "/api/auth/sign-up/email"]) {
    expectTooLarge(await headOnly({ path, headers: { origin: E2E.baseUrl }, contentLength: 2 * MB }));
    expectTooLarge(await pushBody({ path, headers: { origin: E2E.baseUrl }, maxBytes: 2 * MB, prefix: '{"email":"a@b.c","password":"' }));
  }
});

test("a page request with a 2 MB body is refused too, or answered and the connection closed once the drain passes the limit", async () => {
  expectTooLarge(await headOnly({ path: "/sign-in", contentLength: 2 * MB }));
  // A page answers without reading a body: node drains it, up to the limit.
  const chunked = await pushBody({ path: "/sign-in", maxBytes: BOUND });
  expect(chunked.status).not.toBeNull();
  expect(chunked.sentAtClose, "the server kept reading").not.toBeNull();
  expect(chunked.sentAtClose!).toBeLessThan(BOUND);
});
