import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startMockProvider, type MockProvider } from "./index";

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider({ port: 0 });
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const chatBody = (extra: Record<string, unknown> = {}) => ({
  model: "gpt-4o-mini",
  messages: [
    { role: "system", content: "Be brief." },
    { role: "user", content: "Hello world" },
  ],
  ...extra,
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(mock.url + path, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}

describe("mock provider: OpenAI non-stream", () => {
  it("answers a realistic chat.completion echoing the model and the last user message", async () => {
    const res = await post("/v1/chat/completions", chatBody(), { authorization: "Bearer sk-test" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("application/json");
    const json = await res.json();
    expect(json.id).toMatch(/^chatcmpl-mock-/);
    expect(json).toMatchObject({
      object: "chat.completion",
      model: "gpt-4o-mini",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Mock answer to: Hello world", refusal: null },
          logprobs: null,
          finish_reason: "stop",
        },
      ],
    });
    expect(typeof json.created).toBe("number");
    expect(json.usage.completion_tokens).toBe(5);
    expect(json.usage.total_tokens).toBe(json.usage.prompt_tokens + 5);

    const [recorded] = mock.requests;
    expect(recorded).toMatchObject({ seq: 1, method: "POST", path: "/v1/chat/completions", status: 200, closedEarly: false });
    expect(recorded.headers.authorization).toBe("Bearer sk-test");
    expect(recorded.body).toEqual(chatBody());
  });

  it("answers a text_completion on /v1/completions", async () => {
    const json = await (await post("/v1/completions", { model: "gpt-3.5-turbo-instruct", prompt: "Say hi" })).json();
    expect(json.id).toMatch(/^cmpl-mock-/);
    expect(json).toMatchObject({
      object: "text_completion",
      choices: [{ text: "Mock answer to: Say hi", index: 0, logprobs: null, finish_reason: "stop" }],
    });
  });

  it("truncates the echoed prompt to 60 characters", async () => {
    const long = "word ".repeat(40);
    const json = await (await post("/v1/chat/completions", chatBody({ messages: [{ role: "user", content: long }] }))).json();
    expect(json.choices[0].message.content).toBe(`Mock answer to: ${long.slice(0, 60).trim()}`);
  });

  it("accepts Azure deployment paths, taking the model from the deployment", async () => {
    const res = await post("/openai/deployments/mock-error-503/chat/completions?api-version=2024-10-21", {
      messages: [{ role: "user", content: "hi" }],
    });
    expect(res.status).toBe(503);
    const ok = await post("/openai/deployments/my-dep/completions?api-version=2024-10-21", { prompt: "x" });
    expect((await ok.json()).model).toBe("my-dep");
    expect(mock.requests[1].url).toBe("/openai/deployments/my-dep/completions?api-version=2024-10-21");
    expect(mock.count("/openai/deployments")).toBe(2);
  });

  it("honours content, exact tokens, token counts, n and finishReason", async () => {
    const withContent = await (await post("/v1/chat/completions", chatBody(), { "x-mock-behavior": '{"content":"Fixed reply"}' })).json();
    expect(withContent.choices[0].message.content).toBe("Fixed reply");
    const counted = await (await post("/v1/chat/completions", chatBody({ model: "mock-tokens-3" }))).json();
    expect(counted.choices[0].message.content).toBe("tok1 tok2 tok3");
    mock.enqueue({ tokens: ["a", "b"], finishReason: "length" });
    const exact = await (await post("/v1/chat/completions", chatBody({ n: 2 }))).json();
    expect(exact.choices).toHaveLength(2);
    expect(exact.choices[1]).toMatchObject({ index: 1, message: { content: "ab" }, finish_reason: "length" });
  });

  it("answers tool calls with finish_reason tool_calls", async () => {
    const json = await (await post("/v1/chat/completions", chatBody({ model: "mock-tools" }))).json();
    expect(json.choices[0].finish_reason).toBe("tool_calls");
    expect(json.choices[0].message.content).toBeNull();
    expect(json.choices[0].message.tool_calls).toEqual([
      { id: "call_mock_0", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
    ]);
  });

  it("answers the turn after its tool calls in text, echoing the tool's result", async () => {
    const messages = [
      { role: "user", content: "Weather?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_mock_0", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "call_mock_0", content: "18C and sunny" },
    ];
    const json = await (await post("/v1/chat/completions", chatBody({ model: "mock-tools", messages }))).json();
    expect(json.choices[0].finish_reason).toBe("stop");
    expect(json.choices[0].message.content).toBe("Mock answer to: tool result 18C and sunny");
  });

  it("validates like OpenAI does", async () => {
    const noModel = await post("/v1/chat/completions", { messages: [] });
    expect(noModel.status).toBe(400);
    expect((await noModel.json()).error.message).toMatch(/model/);
    expect((await post("/v1/chat/completions", { model: "m" })).status).toBe(400);
    const badHeader = await post("/v1/chat/completions", chatBody(), { "x-mock-behavior": "{nope" });
    expect(badHeader.status).toBe(400);
    const unknown = await post("/v1/unknown", {});
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.message).toContain("/v1/unknown");
    expect(mock.count()).toBe(4);
  });
});

describe("mock provider: errors", () => {
  it("answers an OpenAI-shaped error with retry-after from the header behaviour", async () => {
    const res = await post("/v1/chat/completions", chatBody(), {
      "x-mock-behavior": JSON.stringify({ status: 429, retryAfter: "7", errorMessage: "slow down" }),
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(await res.json()).toEqual({
      error: { message: "slow down", type: "requests", param: null, code: "rate_limit_exceeded" },
    });
  });

  it("selects errors by model name, and raw error bodies on request", async () => {
    const res = await post("/v1/chat/completions", chatBody({ model: "mock-error-500" }));
    expect(res.status).toBe(500);
    expect((await res.json()).error.type).toBe("server_error");
    const limited = await post("/v1/chat/completions", chatBody({ model: "openrouter/mock-error-429" }));
    expect(limited.headers.get("retry-after")).toBe("1");
    mock.enqueue({ status: 502, errorBody: "<html>Bad gateway</html>" });
    const raw = await post("/v1/chat/completions", chatBody());
    expect(raw.status).toBe(502);
    expect(await raw.text()).toBe("<html>Bad gateway</html>");
  });
});

describe("mock provider: behaviour sources", () => {
  it("consumes queued behaviours one per request, then falls back to the default", async () => {
    mock.setBehavior({ content: "default" });
    mock.enqueue({ content: "first" }, { content: "second" });
    const contents: string[] = [];
    for (let i = 0; i < 3; i++) {
      contents.push((await (await post("/v1/chat/completions", chatBody())).json()).choices[0].message.content);
    }
    expect(contents).toEqual(["first", "second", "default"]);
  });

  it("merges sources: model preset < default < queued < header", async () => {
    mock.setBehavior({ tokenDelayMs: 1, content: "d" });
    mock.enqueue({ content: "q", firstTokenDelayMs: 2 });
    await post("/v1/chat/completions", chatBody({ model: "mock-slow" }), { "x-mock-behavior": '{"content":"h"}' });
    expect(mock.requests[0].behavior).toEqual({ tokenDelayMs: 1, content: "h", firstTokenDelayMs: 2 });
  });
});

describe("mock provider: control endpoints", () => {
  it("lists, steers and resets over HTTP without recording itself", async () => {
    await post("/v1/chat/completions", chatBody());
    const listed = await (await fetch(`${mock.url}/__mock/requests`)).json();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ path: "/v1/chat/completions", closedEarly: false });
    expect(await (await fetch(`${mock.url}/__mock/requests?path=/v1/completions`)).json()).toEqual([]);

    expect((await post("/__mock/behavior", { content: "from control" })).status).toBe(200);
    expect((await post("/__mock/enqueue", [{ status: 418 }])).status).toBe(200);
    expect((await post("/v1/chat/completions", chatBody())).status).toBe(418);
    const steered = await (await post("/v1/chat/completions", chatBody())).json();
    expect(steered.choices[0].message.content).toBe("from control");
    expect((await post("/__mock/behavior", { stallMs: "soon" })).status).toBe(400);

    expect(mock.count()).toBe(3);
    expect((await post("/__mock/reset", {})).status).toBe(200);
    expect(mock.count()).toBe(0);
    const plain = await (await post("/v1/chat/completions", chatBody())).json();
    expect(plain.choices[0].message.content).toBe("Mock answer to: Hello world");
    expect((await fetch(`${mock.url}/__mock/health`)).status).toBe(200);
  });
});

describe("mock provider: hostile upstream behaviours", () => {
  it("redirects elsewhere with redirectTo", async () => {
    mock.enqueue({ redirectTo: "http://127.0.0.1:9/steal" });
    const res = await fetch(mock.url + "/v1/chat/completions", { method: "POST", body: JSON.stringify(chatBody()), redirect: "manual" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("http://127.0.0.1:9/steal");
  });

  it("sends a valid answer of hugeBodyBytes, and stops writing when the client leaves", async () => {
    mock.enqueue({ hugeBodyBytes: 300_000 });
    const text = await (await post("/v1/chat/completions", chatBody())).text();
    expect(text.length).toBe(300_000);
    expect(JSON.parse(text)).toMatchObject({ object: "chat.completion" });

    mock.enqueue({ hugeBodyBytes: 500 * 1024 * 1024 });
    const controller = new AbortController();
    const res = await fetch(mock.url + "/v1/chat/completions", { method: "POST", body: JSON.stringify(chatBody()), signal: controller.signal });
    await res.body!.getReader().read();
    controller.abort();
    const recorded = await mock.waitFor((r) => r.closedEarly);
    expect(recorded.bytesSent).toBeLessThan(500 * 1024 * 1024);
  });

  it("goes silent mid-stream with stallAfterTokens, the connection left open", async () => {
    mock.enqueue({ tokens: 5, stallAfterTokens: 2 });
    const res = await post("/v1/chat/completions", chatBody({ stream: true }));
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("tok2")) text += new TextDecoder().decode((await reader.read()).value);
    await mock.waitFor((r) => r.tokensSent === 2);
    expect(text).not.toContain("tok3");
    expect(mock.requests.at(-1)).toMatchObject({ closedEarly: false, tokensSent: 2 });
    await reader.cancel();
    await mock.waitFor((r) => r.closedEarly);
  });
});
