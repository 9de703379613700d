import { afterEach, describe, expect, it, vi } from "vitest";
import { parseErrorBody } from "./openai-compatible";
import { getProvider, isProviderId, listProviders, PROVIDER_IDS } from "./registry";
import { upstream } from "./http/post-upstream";

afterEach(() => vi.restoreAllMocks());

describe("provider registry", () => {
  it("resolves every declared id to an adapter carrying that id", () => {
    for (const id of PROVIDER_IDS) {
      expect(isProviderId(id)).toBe(true);
      expect(getProvider(id)?.id).toBe(id);
    }
    expect(getProvider("anthropic")?.displayName).toBe("Anthropic");
    expect(getProvider("google")?.displayName).toBe("Google Gemini");
    expect(getProvider("cohere")).toBeUndefined();
    expect(getProvider("toString")).toBeUndefined();
    expect(isProviderId("__proto__")).toBe(false);
  });

  it("lists the declarations (capabilities, setup, usage in stream, models) for the UI", () => {
    const list = listProviders();
    expect(list.map((p) => p.id)).toEqual([...PROVIDER_IDS]);
    const byId = Object.fromEntries(list.map((p) => [p.id, p]));
    expect(byId.openai.setup.defaultBaseUrl).toBe("https://api.openai.com/v1");
    expect(byId.groq.setup.defaultBaseUrl).toBe("https://api.groq.com/openai/v1");
    expect(byId.ollama.setup).toMatchObject({ defaultBaseUrl: "http://127.0.0.1:11434/v1", apiKeyRequired: false });
    expect(byId["openai-compatible"].setup).toMatchObject({ defaultBaseUrl: null, customHostRequired: true });
    expect(byId["azure-openai"].setup.options.map((o) => o.name)).toEqual(["resourceName", "deploymentName", "apiVersion"]);
    expect(byId["mistral-ai"].capabilities.completion).toBe(false);
    expect(byId.groq.capabilities).toMatchObject({ completion: false, multipleChoices: false });
    expect(byId["together-ai"].capabilities).toMatchObject({ completion: true, multipleChoices: true });
    expect(byId.anthropic.setup.defaultBaseUrl).toBe("https://api.anthropic.com");
    expect(byId.anthropic.capabilities).toMatchObject({ completion: false, multipleChoices: false, jsonMode: false, jsonSchema: false });
    expect(byId.google.setup.defaultBaseUrl).toBe("https://generativelanguage.googleapis.com");
    expect(byId.google.capabilities).toMatchObject({ completion: false, multipleChoices: false, jsonSchema: true, logprobs: false });
    // A copy: the UI cannot alter what the engine checks.
    byId.openai.capabilities.chat = false;
    expect(getProvider("openai")?.capabilities.chat).toBe(true);
  });

  it("sends DeepSeek completion templates to its beta FIM endpoint unless a host is set", async () => {
    const fetchSpy = vi.spyOn(upstream, "post").mockImplementation(async () => Response.json({ object: "text_completion" }));
    const deepseek = getProvider("deepseek")!;
    await deepseek.send({ kind: "completion", body: { prompt: "x" }, credentials: { apiKey: "k" } });
    await deepseek.send({ kind: "chat", body: { messages: [] }, credentials: { apiKey: "k" } });
    await deepseek.send({ kind: "completion", body: { prompt: "x" }, credentials: { apiKey: "k", customHost: "http://h/v1/" } });
    expect(fetchSpy.mock.calls.map((call) => call[0])).toEqual([
      "https://api.deepseek.com/beta/completions",
      "https://api.deepseek.com/v1/chat/completions",
      "http://h/v1/completions",
    ]);
  });
});

describe("parseErrorBody", () => {
  it.each([
    ['{"error":{"message":"bad","type":"invalid_request_error","code":"x"}}', "bad", "x"],
    ['{"error":{"message":"bad","type":"invalid_request_error","code":null}}', "bad", "invalid_request_error"],
    ['{"object":"error","message":"Mistral says no","type":"invalid_model","code":"1500"}', "Mistral says no", "1500"],
    ['{"detail":[{"msg":"field required"}]}', '[{"msg":"field required"}]', null],
    ['[{"error":{"code":429,"message":"quota","status":"RESOURCE_EXHAUSTED"}}]', "quota", "429"],
    ["", "HTTP 502 Bad Gateway", null],
  ])("reads %s", (text, message, code) => {
    expect(parseErrorBody(text, 502, "Bad Gateway")).toEqual({ message, code });
  });
});
