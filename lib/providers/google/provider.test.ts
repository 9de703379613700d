import { afterEach, describe, expect, it, vi } from "vitest";
import { supportedBody } from "@/lib/completions/capabilities";
import { errorEnvelope, upstreamError } from "@/lib/core/http/errors";
import { readTranslated, streamOf } from "@/tests/fixtures/native-streams";
import { errorBodies, textResponse, textStream } from "@/tests/fixtures/google";
import { google } from "./index";
import { upstream } from "../http/post-upstream";

afterEach(() => vi.restoreAllMocks());

const body = { model: "gemini-2.0-flash", messages: [{ role: "system", content: "S" }, { role: "user", content: "Hi" }], stream: false };
const credentials = { apiKey: "AIza-test" };
const mockFetch = (response: () => Response) => vi.spyOn(upstream, "post").mockImplementation(async () => response());

describe("Gemini adapter: the call", () => {
  it("POSTs to models/{model}:generateContent with the key in x-goog-api-key", async () => {
    const spy = mockFetch(() => Response.json(textResponse));
    const result = await google.send({ kind: "chat", body, credentials });
    expect(result).toMatchObject({ ok: true, stream: false, body: { object: "chat.completion", choices: [{ message: { content: "Hello there!" } }] } });
    const [url, init] = spy.mock.calls[0];
    expect(url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent");
    expect(init?.headers).toMatchObject({ "x-goog-api-key": "AIza-test", "content-type": "application/json" });
    expect(JSON.parse(String(init?.body))).toEqual({ contents: [{ role: "user", parts: [{ text: "Hi" }] }], systemInstruction: { parts: [{ text: "S" }] } });
  });

  it.each([
    ["http://127.0.0.1:4010", "gemini-2.0-flash", "http://127.0.0.1:4010/v1beta/models/gemini-2.0-flash"],
    ["http://127.0.0.1:4010/v1beta/", "models/gemini-2.0-flash", "http://127.0.0.1:4010/v1beta/models/gemini-2.0-flash"],
    ["http://127.0.0.1:4010/v1", "gemini-2.0-flash", "http://127.0.0.1:4010/v1/models/gemini-2.0-flash"],
  ])("uses custom host %s (model %s)", async (customHost, model, prefix) => {
    const spy = mockFetch(() => Response.json(textResponse));
    await google.send({ kind: "chat", body: { ...body, model }, credentials: { ...credentials, customHost } });
    expect(spy.mock.calls[0][0]).toBe(`${prefix}:generateContent`);
  });

  it("streams from :streamGenerateContent?alt=sse and translates the chunks", async () => {
    const spy = mockFetch(() => new Response(streamOf(textStream, 5), { headers: { "content-type": "text/event-stream" } }));
    const result = await google.send({ kind: "chat", body: { ...body, stream: true }, credentials });
    expect(spy.mock.calls[0][0]).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
    if (!result.ok || !result.stream) throw new Error("expected a stream");
    const { chunks } = await readTranslated(result.body);
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe("Hello there!");
  });
});

describe("Gemini adapter: failures", () => {
  it.each([
    [401, "Request had invalid authentication credentials.", "UNAUTHENTICATED"],
    [429, "Resource has been exhausted (e.g. check quota).", "RESOURCE_EXHAUSTED"],
    [503, "The model is overloaded. Please try again later.", "UNAVAILABLE"],
  ] as const)("keeps status %i with Google's message and status name", async (status, message, code) => {
    mockFetch(() => Response.json(errorBodies[status], { status, headers: status === 429 ? { "retry-after": "30" } : {} }));
    const result = await google.send({ kind: "chat", body, credentials });
    expect(result).toEqual({ ok: false, status, message, code, ...(status === 429 ? { retryAfter: "30" } : {}) });
    if (result.ok) return;
    const failure = upstreamError(google.displayName, result.status, result.message, result.code);
    expect(failure.status).toBe(status);
    // A refused key reads as what it is to an OpenAI client: an authentication error.
    const type = status === 401 ? "authentication_error" : "upstream_error";
    expect(errorEnvelope(failure).error).toEqual({ message: `Google Gemini error: ${message}`, type, param: null, code });
  });

  it("reports a bad API key, which Google answers 400 API_KEY_INVALID, as the 401 it is", async () => {
    mockFetch(() => Response.json([errorBodies.badKey], { status: 400 }));
    expect(await google.send({ kind: "chat", body, credentials })).toEqual({ ok: false, status: 401, message: "API key not valid. Please pass a valid API key.", code: "authentication_error" });
  });

  it("fails a 200 answer that ended on a malformed function call with a 502 naming the reason", async () => {
    mockFetch(() => Response.json({ ...textResponse, candidates: [{ content: { parts: [] }, finishReason: "MALFORMED_FUNCTION_CALL", index: 0 }] }));
    expect(await google.send({ kind: "chat", body, credentials })).toEqual({
      ok: false,
      status: 502,
      message: "the answer ended with MALFORMED_FUNCTION_CALL: the function call the model generated is invalid",
      code: "MALFORMED_FUNCTION_CALL",
    });
  });

  it("reads an error wrapped in an array", async () => {
    mockFetch(() => Response.json([errorBodies[429]], { status: 429 }));
    expect(await google.send({ kind: "chat", body, credentials })).toMatchObject({ status: 429, code: "RESOURCE_EXHAUSTED" });
  });

  it("is a 502 when unreachable, and refuses what it cannot honour without calling out", async () => {
    vi.spyOn(upstream, "post").mockRejectedValueOnce(new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND") }));
    expect(await google.send({ kind: "chat", body, credentials })).toMatchObject({ ok: false, status: 502 });
    const spy = mockFetch(() => Response.json(textResponse));
    spy.mockClear();
    expect(await google.send({ kind: "chat", body: { ...body, logit_bias: { "1": 1 } }, credentials })).toMatchObject({ ok: false, status: 400, message: "parameter 'logit_bias' is not supported by Google Gemini" });
    expect(await google.send({ kind: "completion", body: { model: "m", prompt: "x" }, credentials })).toMatchObject({ ok: false, status: 400 });
    expect(spy).not.toHaveBeenCalled();
  });

  it("declares n > 1 and JSON formats supported, logprobs and completions not", () => {
    const check = (extra: Record<string, unknown>, kind: "chat" | "completion" = "chat") => () => supportedBody(google, kind, { ...body, ...extra }, false);
    expect(check({ n: 2, response_format: { type: "json_schema" } })).not.toThrow();
    expect(check({ logprobs: true })).toThrow("parameter 'logprobs' is not supported by Google Gemini model 'gemini-2.0-flash'");
    expect(check({}, "completion")).toThrow("Google Gemini model 'gemini-2.0-flash' does not support completion (text) templates");
  });
});
