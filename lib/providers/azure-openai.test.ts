import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startMockProvider, type MockProvider } from "@/tests/mock-provider";
import { AZURE_DEFAULT_API_VERSION } from "./azure-openai";
import { getProvider } from "./registry";
import type { Provider, ProviderCredentials } from "./types";
import { upstream } from "./http/post-upstream";

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => {
  mock.reset();
  vi.restoreAllMocks();
});
afterAll(() => mock.close());

const azure = getProvider("azure-openai") as Provider;
const chat = { messages: [{ role: "user", content: "Hi" }] };
const send = (credentials: ProviderCredentials, kind: "chat" | "completion" = "chat") =>
  azure.send({ kind, body: kind === "chat" ? chat : { prompt: "Hi" }, credentials });

describe("azure-openai", () => {
  it("addresses the deployment under the custom host, with api-key and api-version", async () => {
    const result = await send({
      apiKey: "azure-key",
      customHost: `${mock.url}/`,
      options: { deploymentName: "gpt4o-prod", apiVersion: "2025-01-01-preview" },
    });
    expect(result).toMatchObject({ ok: true, stream: false, body: { object: "chat.completion", model: "gpt4o-prod" } });
    const [sent] = mock.requests;
    expect(sent.url).toBe("/openai/deployments/gpt4o-prod/chat/completions?api-version=2025-01-01-preview");
    expect(sent.headers["api-key"]).toBe("azure-key");
    expect(sent.headers.authorization).toBeUndefined();
  });

  it("defaults the api-version and routes completion templates to /completions", async () => {
    await send({ apiKey: "k", customHost: mock.url, options: { deployment_name: "instruct" } }, "completion");
    expect(mock.requests[0].url).toBe(`/openai/deployments/instruct/completions?api-version=${AZURE_DEFAULT_API_VERSION}`);
  });

  it("builds the resource host when there is no custom host", async () => {
    const fetchSpy = vi.spyOn(upstream, "post").mockResolvedValue(Response.json({ object: "chat.completion" }));
    await send({ apiKey: "k", options: { resourceName: "contoso", deploymentName: "dep 1" } });
    const [url, init] = fetchSpy.mock.calls[0];
    expect(url).toBe(`https://contoso.openai.azure.com/openai/deployments/dep%201/chat/completions?api-version=${AZURE_DEFAULT_API_VERSION}`);
    expect((init?.headers as Record<string, string>)["api-key"]).toBe("k");
  });

  it("answers 400 naming the missing option, without calling out", async () => {
    const fetchSpy = vi.spyOn(upstream, "post");
    expect(await send({ apiKey: "k", options: { deploymentName: "d" } })).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining("resourceName"),
    });
    expect(await send({ apiKey: "k", options: { resourceName: "r" } })).toMatchObject({
      ok: false,
      status: 400,
      message: expect.stringContaining("deploymentName"),
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
