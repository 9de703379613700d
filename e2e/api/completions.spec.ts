import { expect, test } from "@playwright/test";
import type { Portkey } from "portkey-ai";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

// The official portkey-ai SDK against a running server and the mock.
test.describe.configure({ mode: "serial" });

const TEMPLATE = [
  { role: "system", content: "You are a {{persona}}." },
  { role: "user", content: "Tell me about {{topic}}" },
];

let portkey: Portkey;
let virtualKey: string;
let prompt: { id: string; slug: string };

test.beforeAll(async () => {
  portkey = portkeyClient();
  virtualKey = await mockVirtualKey(portkey);
  prompt = (await createPrompt(portkey, {
    name: uniqueName("Completions"),
    string: JSON.stringify(TEMPLATE),
    parameters: { model: "gpt-4o-mini", temperature: 0.3, max_tokens: 50 },
    virtual_key: virtualKey,
  })) as { id: string; slug: string };
});

test.beforeEach(async () => {
  await mock.reset();
});

test("a completion renders the template and merges stored parameters with overrides", async () => {
  const completion = await portkey.prompts.completions.create({
    promptID: prompt.id,
    variables: { persona: "pirate", topic: 'the "seven" seas\nand\\more' },
    max_tokens: 7,
  });
  expect(completion.object).toBe("chat.completion");
  expect(completion.choices[0].message?.content).toMatch(/^Mock answer to:/);
  expect(completion.usage?.total_tokens).toBeGreaterThan(0);

  const requests = await mock.requests();
  expect(requests).toHaveLength(1);
  const [upstream] = requests;
  expect(upstream.path).toBe("/v1/chat/completions");
  expect(upstream.headers.authorization).toBe("Bearer sk-mock-secret-for-tests");
  expect(upstream.body).toMatchObject({
    model: "gpt-4o-mini",
    temperature: 0.3,
    max_tokens: 7,
    stream: false,
    messages: [
      { role: "system", content: "You are a pirate." },
      { role: "user", content: 'Tell me about the "seven" seas\nand\\more' },
    ],
  });
  for (const key of ["variables", "prompt_id", "promptID"]) expect(upstream.body).not.toHaveProperty(key);
});

test("stream: true yields the chunks in order, the first before the mock sent its last", async () => {
  await mock.enqueue({ tokenDelayMs: 50, tokens: 8 });
  const stream = await portkey.prompts.completions.create({ promptID: prompt.id, variables: { persona: "poet", topic: "rain" }, stream: true });
  let firstChunkAt = 0;
  let text = "";
  let finish: string | null = null;
  for await (const chunk of stream as AsyncIterable<{ object: string; choices: { delta: { content?: string }; finish_reason: string | null }[] }>) {
    firstChunkAt ||= Date.now();
    expect(chunk.object).toBe("chat.completion.chunk");
    text += chunk.choices[0]?.delta.content ?? "";
    finish = chunk.choices[0]?.finish_reason ?? finish;
  }
  expect(text.trim().split(/\s+/)).toEqual(["tok1", "tok2", "tok3", "tok4", "tok5", "tok6", "tok7", "tok8"]);
  expect(finish).toBe("stop");
  const [upstream] = await mock.requests();
  expect(upstream.body.stream).toBe(true);
  expect(upstream.finishedAt).toBeDefined();
  // The first chunk reached us while the mock was still producing (8 tokens × 50 ms).
  expect(firstChunkAt).toBeLessThan(upstream.finishedAt! - 100);
});

test("versions: update, publish, @N, @latest, @label and the SDK's NotFound", async () => {
  const render = async (promptID: string) => {
    const result = (await portkey.prompts.render({ promptID, variables: { persona: "x", topic: "y" } })) as {
      data: { messages: { content: string }[] };
    };
    return result.data.messages[1].content;
  };
  const v2Template = [TEMPLATE[0], { role: "user", content: "V2 about {{topic}}" }];
  await portkey.prompts.update(prompt.id, { string: JSON.stringify(v2Template), version_description: "second" });

  expect(await render(prompt.id)).toBe("Tell me about y"); // still the published v1
  expect(await render(`${prompt.id}@2`)).toBe("V2 about y");
  expect(await render(`${prompt.slug}@latest`)).toBe("V2 about y");
  expect(await render(`${prompt.slug}@1`)).toBe("Tell me about y");

  await portkey.prompts.publish(prompt.id, { version: 2 });
  expect(await render(prompt.id)).toBe("V2 about y");

  const labels = (await portkey.labels.list()) as { data: { id: string; name: string }[] };
  const staging = labels.data.find((label) => label.name === "staging")!;
  const versions = Object.values((await portkey.prompts.versions.list(prompt.id)) as Record<string, unknown>).filter(
    (value): value is { id: string; prompt_version: number } => typeof value === "object" && value !== null && "prompt_version" in value,
  );
  const v1 = versions.find((version) => version.prompt_version === 1)!;
  await portkey.prompts.versions.update(prompt.id, v1.id, { label_id: staging.id });
  expect(await render(`${prompt.id}@staging`)).toBe("Tell me about y");

  // `@` percent-encoded, as some HTTP clients send it.
  const encoded = await fetch(`${E2E.baseUrl}/v1/prompts/${prompt.slug}%40staging/render`, {
    method: "POST",
    headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
    body: JSON.stringify({ variables: { topic: "z" } }),
  });
  expect(((await encoded.json()) as { data: { messages: { content: string }[] } }).data.messages[1].content).toBe("Tell me about z");

  for (const [ref, named] of [
    ["pp-no-such-prompt-000000", "pp-no-such-prompt-000000"],
    [`${prompt.id}@99`, "99"],
    [`${prompt.id}@production`, "production"],
  ]) {
    const error = await portkey.prompts.render({ promptID: ref, variables: {} }).catch((caught: unknown) => caught);
    expect((error as { constructor: { name: string } }).constructor.name).toBe("NotFoundError");
    expect((error as { status: number }).status).toBe(404);
    expect(String((error as Error).message)).toContain(named);
  }
});

test("the SDK's promptId quirk (path 'undefined', prompt_id in the body) addresses the prompt", async () => {
  const completion = await portkey.prompts.completions.create({ promptId: prompt.slug, variables: { persona: "a", topic: "b" } } as never);
  expect((completion as unknown as { object: string }).object).toBe("chat.completion");
  const [upstream] = await mock.requests();
  expect(upstream.body).not.toHaveProperty("prompt_id");
});

test("render answers {success, data} with rendered messages and merged parameters", async () => {
  const rendered = (await portkey.prompts.render({
    promptID: `${prompt.id}@1`,
    variables: { persona: "chef", topic: "bread" },
    temperature: 0.9,
  })) as { success: boolean; data: Record<string, unknown> };
  expect(rendered.success).toBe(true);
  expect(rendered.data).toMatchObject({
    model: "gpt-4o-mini",
    temperature: 0.9,
    max_tokens: 50,
    messages: [
      { role: "system", content: "You are a chef." },
      { role: "user", content: "Tell me about bread" },
    ],
  });
  for (const key of ["variables", "prompt_id", "stream"]) expect(rendered.data).not.toHaveProperty(key);
  expect(await mock.requests()).toHaveLength(0);
});

test("partials render by published version and by pinned version", async () => {
  const partial = (await portkey.prompts.partials.create({ name: uniqueName("tone"), string: "P-one {{topic}}" })) as unknown as { slug: string };
  await portkey.prompts.partials.update(partial.slug, { string: "P-two {{topic}}" });
  await portkey.prompts.partials.publish(partial.slug, { version: 2 });
  const withPartials = (await createPrompt(portkey, {
    name: uniqueName("Partials"),
    string: JSON.stringify([{ role: "user", content: `A {{>${partial.slug}}} B {{>${partial.slug}@1}}` }]),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: virtualKey,
  })) as { id: string };
  const rendered = (await portkey.prompts.render({ promptID: withPartials.id, variables: { topic: "t" } })) as {
    data: { messages: { content: string }[] };
  };
  expect(rendered.data.messages[0].content).toBe("A P-two t B P-one t");
});

test("errors: no key 401, bad body 400, upstream 429 kept, upstream 500 called once", async () => {
  const url = `${E2E.baseUrl}/v1/prompts/${prompt.id}/completions`;
  const post = (body: string, headers: Record<string, string> = { "x-portkey-api-key": E2E.apiKey }) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  const noKey = await post("{}", {});
  expect(noKey.status).toBe(401);
  const envelope = (await noKey.json()) as { status: string; message: string; error: { message: string; type: string; code: string } };
  expect(envelope.status).toBe("failure");
  expect(envelope.error.message).toBe(envelope.message);
  expect(noKey.headers.get("x-portkey-trace-id")).toBeTruthy();

  const wrongKey = await post("{}", { authorization: "Bearer pk-promptly-not-a-key" });
  expect(wrongKey.status).toBe(401);

  const badType = await post(JSON.stringify({ temperature: "hot" }));
  expect(badType.status).toBe(400);
  expect(((await badType.json()) as { message: string }).message).toContain("temperature");
  const badJson = await post("{not json");
  expect(badJson.status).toBe(400);
  expect(((await badJson.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");

  await mock.enqueue({ status: 429, retryAfter: "7" });
  const limited = await post(JSON.stringify({ variables: {} }));
  expect(limited.status).toBe(429);
  expect(limited.headers.get("retry-after")).toBe("7");
  expect(((await limited.json()) as { message: string }).message).toMatch(/OpenAI/);

  await mock.reset();
  await mock.enqueue({ status: 500 }, { status: 500 });
  const error = await portkey.prompts.completions.create({ promptID: prompt.id, variables: {} }).catch((caught: unknown) => caught);
  expect((error as { status: number }).status).toBeGreaterThanOrEqual(500);
  expect(String((error as Error).message)).toMatch(/OpenAI/);
  // The SDK retries a 5xx once unless the trace header is present: one upstream call.
  expect(await mock.requests()).toHaveLength(1);
});

test("a completion template answers a text_completion", async () => {
  const created = (await createPrompt(portkey, {
    name: uniqueName("Completion template"),
    string: "Complete this: {{start}}",
    template_metadata: { template_type: "completion" },
    parameters: { model: "gpt-3.5-turbo-instruct", max_tokens: 20 },
    virtual_key: virtualKey,
  })) as { id: string };
  const completion = (await portkey.prompts.completions.create({ promptID: created.id, variables: { start: "once upon" } })) as unknown as {
    object: string;
    choices: { text: string }[];
  };
  expect(completion.object).toBe("text_completion");
  expect(typeof completion.choices[0].text).toBe("string");
  const [upstream] = await mock.requests();
  expect(upstream.path).toBe("/v1/completions");
  expect(upstream.body.prompt).toBe("Complete this: once upon");
});

type Envelope = { status: string; message: string; error: { message: string; code: string; param: string | null } };

/** A raw completions call, for what the SDK can't send: custom headers, and reading them back. */
function postCompletion(id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return fetch(`${E2E.baseUrl}/v1/prompts/${id}/completions`, {
    method: "POST",
    headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

test("strict variables by header: a missing variable is a 400 naming it, and the provider is never called", async () => {
  const strict = await postCompletion(prompt.id, { variables: { persona: "pirate" } }, { "x-promptly-strict-variables": "true" });
  expect(strict.status).toBe(400);
  const envelope = (await strict.json()) as Envelope;
  expect(envelope).toMatchObject({ status: "failure", error: { code: "missing_variables", type: "invalid_request_error" } });
  expect(envelope.message).toContain("topic");
  expect(envelope.message).not.toContain("persona");
  expect(await mock.requests()).toHaveLength(0);

  // Without the header the prompt's default (lenient) applies: the absent variable renders empty.
  const lenient = await postCompletion(prompt.id, { variables: { persona: "pirate" } });
  expect(lenient.status).toBe(200);
  const [upstream] = await mock.requests();
  // (The published version by now is the versions test's v2: "V2 about {{topic}}".)
  expect((upstream.body.messages as { content: string }[])[1].content).toMatch(/ about $/);
});

test("strict variables by prompt setting: set on create, shown on retrieve, switched off by update", async () => {
  const created = await createPrompt(portkey, {
    name: uniqueName("Strict prompt"),
    string: JSON.stringify(TEMPLATE),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: virtualKey,
    strict_variables: true,
  });
  const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };
  const retrieved = await fetch(`${E2E.baseUrl}/v1/prompts/${created.id}`, { headers: admin });
  expect(await retrieved.json()).toMatchObject({ strict_variables: true });

  const refused = await postCompletion(created.id, { variables: {} });
  expect(refused.status).toBe(400);
  const envelope = (await refused.json()) as Envelope;
  expect(envelope.error.code).toBe("missing_variables");
  expect(envelope.message).toMatch(/persona/);
  expect(envelope.message).toMatch(/topic/);
  expect(await mock.requests()).toHaveLength(0);

  // A prompt-level change: no new version, and the next call sees it (the cache is refreshed).
  const update = await fetch(`${E2E.baseUrl}/v1/prompts/${created.id}`, { method: "PUT", headers: admin, body: JSON.stringify({ strict_variables: false }) });
  expect(update.status).toBe(200);
  expect(((await update.json()) as { prompt_version_id: string }).prompt_version_id).toBe(created.version_id);
  expect((await postCompletion(created.id, { variables: {} })).status).toBe(200);

  const badType = await fetch(`${E2E.baseUrl}/v1/prompts/${created.id}`, { method: "PUT", headers: admin, body: JSON.stringify({ strict_variables: "yes" }) });
  expect(badType.status).toBe(400);
  expect(((await badType.json()) as Envelope).message).toContain("strict_variables");
});

test("x-portkey-trace-id is echoed by completions and by admin routes", async () => {
  const traced = { "x-portkey-trace-id": "t-123" };
  const completion = await postCompletion(prompt.id, { variables: { persona: "a", topic: "b" } }, traced);
  expect(completion.status).toBe(200);
  expect(completion.headers.get("x-portkey-trace-id")).toBe("t-123");
  const admin = await fetch(`${E2E.baseUrl}/v1/prompts/${prompt.id}`, { headers: { "x-portkey-api-key": E2E.apiKey, ...traced } });
  expect(admin.status).toBe(200);
  expect(admin.headers.get("x-portkey-trace-id")).toBe("t-123");
  // A failure carries it too: the SDKs read it to decide not to retry.
  const failed = await postCompletion(prompt.id, { temperature: "hot" }, traced);
  expect(failed.status).toBe(400);
  expect(failed.headers.get("x-portkey-trace-id")).toBe("t-123");
});
