import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

// GET /v1/providers serves each provider's declaration: the fields the playground and forms
// always read stay as they were, the newer facts are added beside them.
test("GET /v1/providers keeps its fields and adds usage in stream and suggested models", async ({ request }) => {
  const response = await request.get(`${E2E.baseUrl}/v1/providers`, { headers: { "x-portkey-api-key": E2E.apiKey } });
  expect(response.status()).toBe(200);
  const { data } = await response.json();
  const byId = Object.fromEntries(data.map((provider: { id: string }) => [provider.id, provider]));
  expect(byId.openai).toMatchObject({
    id: "openai",
    displayName: "OpenAI",
    capabilities: { chat: true, completion: true, maxTemperature: 2 },
    setup: { defaultBaseUrl: "https://api.openai.com/v1", apiKeyRequired: true, customHostRequired: false, options: [] },
    usageInStream: true,
  });
  expect(byId.openai.models.map((model: { id: string }) => model.id)).toContain("gpt-4o-mini");
  expect(byId.anthropic).toMatchObject({ usageInStream: false, capabilities: { maxTemperature: 1 } });
  expect(byId["openai-compatible"]).toMatchObject({ models: [], setup: { defaultBaseUrl: null, customHostRequired: true, apiKeyRequired: false } });
  expect(byId["azure-openai"].setup.options.map((option: { name: string }) => option.name)).toEqual(["resourceName", "deploymentName", "apiVersion"]);
});
