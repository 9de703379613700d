import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { createPrompt, portkeyClient, uniqueName } from "../support/portkey";

// The prompt admin API through the official SDK: collections, labels, virtual keys, prompts.
const portkey = portkeyClient();
type Row = Record<string, unknown>;

test("collections nest, list and refuse deleting a folder that is not empty", async () => {
  const parent = (await portkey.collections.create({ name: uniqueName("Team") })) as unknown as { id: string; slug: string };
  const child = (await portkey.collections.create({ name: uniqueName("Sub"), parent_collection_id: parent.slug } as never)) as unknown as { id: string };
  const listed = (await portkey.collections.list()) as unknown as { total: number; data: Row[] };
  expect(listed.data.find((row) => row.id === child.id)?.parent_collection_id).toBe(parent.id);
  const refused = await portkey.collections.delete(parent.id).catch((error: { status: number }) => error);
  expect((refused as { status: number }).status).toBe(409);
  await portkey.collections.delete(child.id);
  await portkey.collections.delete(parent.id);
});

test("labels: system labels exist and stay; custom ones are created, renamed and deleted", async () => {
  const list = (await portkey.labels.list()) as unknown as { data: Row[] };
  expect(list.data.map((label) => label.name)).toEqual(expect.arrayContaining(["production", "staging", "development"]));
  const production = list.data.find((label) => label.name === "production")!;
  const refused = await portkey.labels.delete(String(production.id)).catch((error: { status: number }) => error);
  expect([403, 409]).toContain((refused as { status: number }).status);

  const name = `qa-${Date.now().toString(36)}`;
  const created = (await portkey.labels.create({ name, description: "QA", color_code: "#ff0000" } as never)) as unknown as { id: string };
  await portkey.labels.update(created.id, { name: `${name}-2` } as never);
  const renamed = (await portkey.labels.retrieve(created.id)) as unknown as Row;
  expect(renamed.name).toBe(`${name}-2`);
  const reserved = await portkey.labels.create({ name: "latest" } as never).catch((error: { status: number }) => error);
  expect((reserved as { status: number }).status).toBe(400);
  await portkey.labels.delete(created.id);
});

test("virtual keys never return their secret", async () => {
  const secret = "sk-live-THIS-MUST-NEVER-LEAK-1234";
  const created = (await portkey.virtualKeys.create({ name: uniqueName("vk"), provider: "openai", key: secret })) as unknown as { slug: string };
  const one = await fetch(`${E2E.baseUrl}/v1/virtual-keys/${created.slug}`, { headers: { "x-portkey-api-key": E2E.apiKey } });
  const all = await fetch(`${E2E.baseUrl}/v1/virtual-keys`, { headers: { "x-portkey-api-key": E2E.apiKey } });
  const oneText = await one.text();
  expect(one.status).toBe(200);
  expect(oneText).not.toContain(secret);
  expect(JSON.parse(oneText).masked_api_key).toMatch(/^sk-l\*+1234$/);
  expect(await all.text()).not.toContain(secret);
  const badProvider = await portkey.virtualKeys.create({ name: "x", provider: "nope", key: "k" }).catch((error: { status: number }) => error);
  expect((badProvider as { status: number }).status).toBe(400);
});

test("prompts: list with search and paging, retrieve, update with patch, delete", async () => {
  const tag = Date.now().toString(36);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const created = await createPrompt(portkey, { name: `Paged ${tag} ${i}`, string: "Hello {{name}}", parameters: { model: "gpt-4o-mini", temperature: 0.1 } });
    expect(created.slug).toMatch(/^pp-paged-[a-z0-9-]+-[0-9a-f]{6}$/);
    ids.push(created.id);
  }
  const page = (await portkey.prompts.list({ search: `Paged ${tag}`, page_size: 2, current_page: 0 } as never)) as unknown as { data: Row[]; total: number };
  expect(page.total).toBe(3);
  expect(page.data).toHaveLength(2);

  await portkey.prompts.update(ids[0], { patch: true, parameters: { model: "gpt-4o", temperature: 0.7 } } as never);
  const retrieved = (await portkey.prompts.retrieve(`${ids[0]}@latest`)) as unknown as Row;
  expect(retrieved).toMatchObject({ id: ids[0], string: "Hello {{name}}", prompt_version: 2, template_metadata: expect.anything() });
  expect((retrieved.parameters as Row).temperature).toBe(0.7);

  const bad = await portkey.prompts.update(ids[0], { string: "[not json", template_metadata: { template_type: "chat" } } as never).catch((error: { status: number }) => error);
  expect((bad as { status: number }).status).toBe(400);

  await portkey.prompts.delete(ids[2]);
  const gone = await portkey.prompts.retrieve(ids[2]).catch((error: { status: number }) => error);
  expect((gone as { status: number }).status).toBe(404);
});
