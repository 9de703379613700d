import { afterEach, describe, expect, it, vi } from "vitest";
import { supportedBody } from "@/lib/completions/capabilities";
import { ApiError, errorEnvelope, upstreamError } from "@/lib/core/http/errors";
import { readTranslated, streamOf } from "@/tests/fixtures/native-streams";
import { errorBodies, textMessage, textStream } from "@/tests/fixtures/anthropic";
import { anthropic } from "./index";
import { upstream } from "../http/post-upstream";

afterEach(() => vi.restoreAllMocks());

const body = { model: "claude-sonnet-4-5", messages: [{ role: "system", content: "S" }, { role: "user", content: "Hi" }], stream: false };
const credentials = { apiKey: "sk-ant-test" };

function mockFetch(response: () => Response) {
  return vi.spyOn(upstream, "post").mockImplementation(async () => response());
}

describe("Anthropic adapter: the call", () => {
  it("POSTs the Messages body to /v1/messages with x-api-key and anthropic-version", async () => {
    const spy = mockFetch(() => Response.json(textMessage));
    const result = await anthropic.send({ kind: "chat", body, credentials });
    expect(result).toMatchObject({ ok: true, stream: false, body: { object: "chat.completion" } });
    const [url, init] = spy.mock.calls[0];
    expect(url).toBe("https://api.anthropic.com/v1/messages");
    expect(init?.headers).toMatchObject({ "x-api-key": "sk-ant-test", "anthropic-version": "2023-06-01", "content-type": "application/json" });
    expect(JSON.parse(String(init?.body))).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 4096,
      system: "S",
      messages: [{ role: "user", content: "Hi" }],
      stream: false,
    });
  });

  it.each(["http://127.0.0.1:4010", "http://127.0.0.1:4010/", "http://127.0.0.1:4010/v1", "http://127.0.0.1:4010/v1/"])(
    "uses a custom host %s with or without /v1",
    async (customHost) => {
      const spy = mockFetch(() => Response.json(textMessage));
      await anthropic.send({ kind: "chat", body, credentials: { ...credentials, customHost } });
      expect(spy.mock.calls[0][0]).toBe("http://127.0.0.1:4010/v1/messages");
    },
  );

  it("translates a streamed answer into OpenAI chunks", async () => {
    mockFetch(() => new Response(streamOf(textStream, 7), { headers: { "content-type": "text/event-stream" } }));
    const result = await anthropic.send({ kind: "chat", body: { ...body, stream: true }, credentials });
    if (!result.ok || !result.stream) throw new Error("expected a stream");
    const { chunks, error } = await readTranslated(result.body);
    expect(error).toBeNull();
    expect(chunks.map((c) => c.choices[0].delta.content).join("")).toBe("Hello! How can I help?");
  });
});

describe("Anthropic adapter: failures", () => {
  it.each([
    [401, "invalid x-api-key", "authentication_error"],
    [429, "Number of request tokens has exceeded your per-minute rate limit", "rate_limit_error"],
    [529, "Overloaded", "overloaded_error"],
  ] as const)("keeps status %i and the provider's message and type", async (status, message, code) => {
    mockFetch(() => Response.json(errorBodies[status], { status, headers: status === 429 ? { "retry-after": "12" } : {} }));
    const result = await anthropic.send({ kind: "chat", body, credentials });
    expect(result).toEqual({ ok: false, status, message, code, ...(status === 429 ? { retryAfter: "12" } : {}) });
    // What the engine makes of it: the envelope names the provider and keeps the status.
    if (result.ok) return;
    const failure = upstreamError(anthropic.displayName, result.status, result.message, result.code);
    expect(failure.status).toBe(status);
    expect(errorEnvelope(failure)).toEqual({
      status: "failure",
      message: `Anthropic error: ${message}`,
      error: { message: `Anthropic error: ${message}`, type: status === 401 ? "authentication_error" : "upstream_error", param: null, code },
    });
  });

  it("reports a non-JSON error page with its status", async () => {
    mockFetch(() => new Response("<html>Bad gateway</html>", { status: 503, statusText: "Service Unavailable" }));
    expect(await anthropic.send({ kind: "chat", body, credentials })).toMatchObject({ ok: false, status: 503, message: "<html>Bad gateway</html>" });
  });

  it("is a 502 when unreachable, and lets an abort propagate", async () => {
    vi.spyOn(upstream, "post").mockRejectedValueOnce(new TypeError("fetch failed", { cause: new Error("connect ECONNREFUSED") }));
    expect(await anthropic.send({ kind: "chat", body, credentials })).toMatchObject({ ok: false, status: 502, message: "could not reach Anthropic: connect ECONNREFUSED" });
    const controller = new AbortController();
    controller.abort();
    vi.spyOn(upstream, "post").mockRejectedValueOnce(new DOMException("aborted", "AbortError"));
    await expect(anthropic.send({ kind: "chat", body, credentials, signal: controller.signal })).rejects.toThrow("aborted");
  });

  it("refuses without calling out: completion templates and parameters it cannot honour", async () => {
    const spy = mockFetch(() => Response.json(textMessage));
    expect(await anthropic.send({ kind: "completion", body: { model: "m", prompt: "x" }, credentials })).toMatchObject({ ok: false, status: 400 });
    expect(await anthropic.send({ kind: "chat", body: { ...body, seed: 7 }, credentials })).toEqual({
      ok: false,
      status: 400,
      message: "parameter 'seed' is not supported by Anthropic model 'claude-sonnet-4-5'",
      code: "unsupported_parameter",
      param: "seed",
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it("declares its capabilities so the engine refuses n > 1, JSON formats, logprobs and completions with a 400", () => {
    const refused = (extra: Record<string, unknown>, kind: "chat" | "completion" = "chat") => {
      try {
        supportedBody(anthropic, kind, { ...body, ...extra }, false);
      } catch (error) {
        return error as ApiError;
      }
      return null;
    };
    expect(refused({ n: 2 })).toMatchObject({ status: 400, param: "n", message: "parameter 'n' is not supported by Anthropic model 'claude-sonnet-4-5'" });
    // Structured output came with Claude 4.1/4.5 (output_config.format); Claude 3 has none.
    expect(refused({ model: "claude-3-5-haiku-latest", response_format: { type: "json_schema" } })).toMatchObject({ status: 400, param: "response_format" });
    expect(refused({ model: "claude-3-5-haiku-latest", response_format: { type: "json_object" } })).toMatchObject({ status: 400, param: "response_format" });
    expect(refused({ response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } } })).toBeNull();
    expect(refused({ logprobs: true })).toMatchObject({ status: 400, param: "logprobs" });
    expect(refused({}, "completion")).toMatchObject({ status: 400, param: "template_type" });
    expect(refused({ tools: [{ type: "function", function: { name: "f" } }] })).toBeNull();
  });
});
