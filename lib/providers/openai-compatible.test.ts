import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { isChunkSource } from "@/lib/core/http/chunk-source";
import { jsonChunks, readSseEvents, startMockProvider, type MockProvider } from "@/tests/mock-provider";
import { getProvider } from "./registry";
import type { Provider, ProviderRequest, ProviderResponse } from "./types";

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ port: 0 });
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const openai = getProvider("openai") as Provider;
const body = (extra: Record<string, unknown> = {}) => ({
  model: "gpt-4o-mini",
  messages: [{ role: "user", content: "Hello world" }],
  temperature: 0.2,
  ...extra,
});
const request = (extra: Partial<ProviderRequest> = {}): ProviderRequest => ({
  kind: "chat",
  body: body(),
  credentials: { apiKey: "sk-test", customHost: mock.openaiBaseUrl },
  ...extra,
});

function expectFailure(result: ProviderResponse) {
  if (result.ok) throw new Error(`expected a failure, got ${result.status}`);
  return result;
}

describe("openai-compatible base: success", () => {
  it("posts the body as is with a bearer key and returns the parsed JSON", async () => {
    const result = await openai.send(request());
    if (!result.ok || result.stream) throw new Error("expected a JSON answer");
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({ object: "chat.completion", model: "gpt-4o-mini" });
    expect((result.body.choices as Array<{ message: { content: string } }>)[0].message.content).toBe("Mock answer to: Hello world");
    const [sent] = mock.requests;
    expect(sent.path).toBe("/v1/chat/completions");
    expect(sent.body).toEqual(body());
    expect(sent.headers.authorization).toBe("Bearer sk-test");
    expect(sent.headers["content-type"]).toBe("application/json");
  });

  it("sends completion templates to /completions and trims the custom host's trailing slash", async () => {
    const result = await openai.send(
      request({ kind: "completion", body: { model: "m", prompt: "Hi" }, credentials: { apiKey: "k", customHost: `${mock.openaiBaseUrl}//` } }),
    );
    expect(result).toMatchObject({ ok: true, stream: false, body: { object: "text_completion" } });
    expect(mock.requests[0].path).toBe("/v1/completions");
  });

  it("passes a stream through: chunks in order, the first before the last is produced", async () => {
    mock.enqueue({ tokens: 5, tokenDelayMs: 50 });
    const result = await openai.send(request({ body: body({ stream: true }) }));
    if (!result.ok || !result.stream) throw new Error("expected a stream");
    // The provider's bytes as they come, for the engine to relay without a web stream per layer.
    expect(isChunkSource(result.body)).toBe(true);
    let sentWhenFirstArrived = -1;
    const events = await readSseEvents(result.body, (e) => {
      if (sentWhenFirstArrived < 0 && e.data.includes("tok1")) sentWhenFirstArrived = mock.requests[0].tokensSent;
    });
    expect(sentWhenFirstArrived).toBeLessThan(5);
    const tokens = jsonChunks(events).map((c) => c.choices[0]?.delta?.content).filter(Boolean);
    expect(tokens).toEqual(["tok1 ", "tok2 ", "tok3 ", "tok4 ", "tok5"]);
    expect(events.at(-1)?.data).toBe("[DONE]");
    expect(mock.requests[0].headers.accept).toBe("text/event-stream");
  });

  it("omits Authorization when there is no key (Ollama)", async () => {
    const ollama = getProvider("ollama") as Provider;
    const result = await ollama.send(request({ credentials: { apiKey: "", customHost: mock.openaiBaseUrl } }));
    expect(result.ok).toBe(true);
    expect(mock.requests[0].headers.authorization).toBeUndefined();
  });

  it("adds OpenRouter's attribution header next to the key", async () => {
    await (getProvider("openrouter") as Provider).send(request());
    expect(mock.requests[0].headers).toMatchObject({ authorization: "Bearer sk-test", "x-title": "Promptly" });
  });
});

describe("openai-compatible base: failures", () => {
  it("keeps a 429 with its retry-after, message and code", async () => {
    mock.enqueue({ status: 429, retryAfter: "7", errorMessage: "Rate limit reached" });
    const failure = expectFailure(await openai.send(request()));
    expect(failure).toEqual({ ok: false, status: 429, message: "Rate limit reached", code: "rate_limit_exceeded", retryAfter: "7" });
  });

  it("keeps 500 and 401 statuses", async () => {
    mock.enqueue({ status: 500 }, { status: 401, errorMessage: "Incorrect API key provided" });
    expect(expectFailure(await openai.send(request()))).toMatchObject({ status: 500, code: "server_error" });
    const unauthorized = expectFailure(await openai.send(request()));
    expect(unauthorized).toMatchObject({ status: 401, message: "Incorrect API key provided", code: "invalid_api_key" });
    expect(unauthorized.retryAfter).toBeUndefined();
  });

  it("reads plain-text and non-OpenAI JSON error bodies", async () => {
    mock.enqueue({ status: 503, errorBody: "upstream overloaded" }, { status: 404, errorBody: { error: "model 'llama9' not found" } });
    expect(expectFailure(await openai.send(request()))).toMatchObject({ status: 503, message: "upstream overloaded", code: null });
    expect(expectFailure(await openai.send(request()))).toMatchObject({ status: 404, message: "model 'llama9' not found" });
  });

  it("answers an error as a failure even when a stream was asked for", async () => {
    mock.enqueue({ status: 500 });
    expect(await openai.send(request({ body: body({ stream: true }) }))).toMatchObject({ ok: false, status: 500 });
  });

  it("turns a refused connection into a 502 naming the provider", async () => {
    const failure = expectFailure(await openai.send(request({ credentials: { apiKey: "k", customHost: `http://127.0.0.1:${await freePort()}/v1` } })));
    expect(failure.status).toBe(502);
    expect(failure.message).toMatch(/^could not reach OpenAI: .*ECONNREFUSED/);
  });

  it("turns a 2xx that is not JSON into a 502", async () => {
    const server = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end("<html>"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    const failure = expectFailure(await openai.send(request({ credentials: { apiKey: "k", customHost: `http://127.0.0.1:${port}` } })));
    await new Promise((resolve) => server.close(resolve));
    expect(failure).toMatchObject({ status: 502, code: "provider_bad_response" });
  });

  it("refuses a template kind the provider lacks, and a generic provider without a host", async () => {
    const mistral = getProvider("mistral-ai") as Provider;
    expect(await mistral.send(request({ kind: "completion", body: { model: "m", prompt: "x" } }))).toMatchObject({ ok: false, status: 400 });
    const generic = getProvider("openai-compatible") as Provider;
    const failure = expectFailure(await generic.send(request({ credentials: { apiKey: "k" } })));
    expect(failure).toMatchObject({ status: 400, code: "provider_misconfigured" });
    expect(failure.message).toMatch(/custom host/);
    expect(mock.count()).toBe(0);
  });
});

describe("openai-compatible base: cancellation", () => {
  it("re-throws the abort when the client cancels while the provider stalls", async () => {
    const controller = new AbortController();
    const call = openai.send(request({ body: body({ model: "mock-stall" }), signal: controller.signal }));
    await mock.waitFor(() => true);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect((await mock.waitFor((r) => r.closedEarly)).path).toBe("/v1/chat/completions");
  });

  it("re-throws a timeout signal's reason and a signal aborted up front", async () => {
    const call = openai.send(request({ body: body({ model: "mock-stall" }), signal: AbortSignal.timeout(50) }));
    await expect(call).rejects.toMatchObject({ name: "TimeoutError" });
    await expect(openai.send(request({ signal: AbortSignal.abort() }))).rejects.toMatchObject({ name: "AbortError" });
  });

  it("cancels the upstream stream when the signal fires mid-stream", async () => {
    const controller = new AbortController();
    // Paced by the model's name, not a queued behaviour: a keep-alive socket the previous
    // test's abort left half-closed can swallow a queued one before the retry (post-upstream.ts).
    const result = await openai.send(request({ body: body({ stream: true, model: "mock-slow-50" }), signal: controller.signal }));
    if (!result.ok || !result.stream) throw new Error("expected a stream");
    setTimeout(() => controller.abort(), 60);
    await expect(readSseEvents(result.body)).rejects.toMatchObject({ name: "AbortError" });
    expect((await mock.waitFor((r) => r.closedEarly)).tokensSent).toBeLessThan(100);
  });
});

/** A port nothing listens on: bind one, then release it. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}
