import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";

const headers = { "x-portkey-api-key": E2E.apiKey };

test("the site has a favicon", async ({ page, request }) => {
  const ico = await request.get("/favicon.ico");
  expect(ico.status()).toBe(200);
  expect(ico.headers()["content-type"]).toMatch(/image\//);
  await page.goto("/prompts");
  const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  const icon = await request.get(href!);
  expect(icon.status()).toBe(200);
});

test("a virtual key shorter than the mask's visible parts is still masked", async ({ page, request }) => {
  const secret = "sk-123456";
  const created = await request.post("/v1/virtual-keys", { headers, data: { name: `Short ${Date.now().toString(36)}`, provider: "openai", key: secret } });
  expect(created.ok(), await created.text()).toBe(true);
  const { slug } = (await created.json()) as { slug: string };
  const shown = (await (await request.get(`/v1/virtual-keys/${slug}`, { headers })).json()) as { masked_api_key: string };
  expect(shown.masked_api_key).toBe("****");
  await page.goto("/settings?tab=virtual-keys");
  await expect(page.getByTestId(`virtual-key-row-${slug}`).getByTestId("virtual-key-masked")).toHaveText("****");
});
