import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { PROVIDER_IDS } from "@/lib/providers/registry";
import { getVirtualKeyCredentials } from "./credentials";
import { VIRTUAL_KEY_PROVIDERS } from "./providers";
import { createVirtualKeySchema, updateVirtualKeySchema } from "./schemas";
import { createVirtualKey, deleteVirtualKey, getVirtualKey, listVirtualKeys, updateVirtualKey } from "./virtual-keys";

const SECRET = "sk-live-abcdefghijklmnopqrstuvwxyz0123";
const create = (body: Record<string, unknown>) => createVirtualKey(createVirtualKeySchema.parse(body));

describe("virtual keys", () => {
  it("stores the secret encrypted and never returns it", async () => {
    const created = await create({ name: "OpenAI Prod", provider: "openai", key: SECRET, note: "main" });
    expect(created).toEqual({ id: expect.any(String), slug: "openai-prod", object: "virtual-key" });
    const row = await db.virtualKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.encryptedSecret).not.toContain(SECRET);
    const got = await getVirtualKey("openai-prod");
    expect(got).toMatchObject({ id: created.id, slug: "openai-prod", name: "OpenAI Prod", ai_provider_name: "openai", masked_api_key: "sk-l****0123", note: "main", status: "active", created_at: expect.any(String) });
    const list = await listVirtualKeys({ current_page: 0, page_size: 50 });
    expect(list.total).toBe(1);
    expect(JSON.stringify(got)).not.toContain(SECRET);
    expect(JSON.stringify(list)).not.toContain(SECRET);
    expect(JSON.stringify(list)).not.toContain(row.encryptedSecret);
  });

  it("round-trips credentials and options through getVirtualKeyCredentials (by slug or id)", async () => {
    const created = await create({ name: "azure", provider: "azure-openai", key: "az-key-123456789", resource_name: "res", deployment_name: "gpt4", api_version: "2024-06-01" });
    const bySlug = await getVirtualKeyCredentials(created.slug);
    expect(bySlug).toEqual({
      id: created.id,
      slug: created.slug,
      provider: "azure-openai",
      credentials: { apiKey: "az-key-123456789", customHost: null, options: { resourceName: "res", deploymentName: "gpt4", apiVersion: "2024-06-01" } },
    });
    expect(await getVirtualKeyCredentials(created.id)).toEqual(bySlug);
    expect(await getVirtualKeyCredentials("missing")).toBeNull();
    expect(await getVirtualKey(created.id)).toMatchObject({ resource_name: "res", deployment_name: "gpt4", api_version: "2024-06-01", custom_host: null });
  });

  it("accepts every provider the adapter registry knows, plus anthropic and google", () => {
    expect(VIRTUAL_KEY_PROVIDERS).toEqual(expect.arrayContaining([...PROVIDER_IDS, "anthropic", "google"]));
  });

  it("validates provider, key and custom_host", () => {
    const bad = (body: Record<string, unknown>) => createVirtualKeySchema.safeParse(body).success;
    expect(bad({ name: "x", provider: "skynet", key: "k" })).toBe(false);
    expect(bad({ name: "x", provider: "openai" })).toBe(false);
    expect(bad({ name: "x", provider: "openai", key: "k", custom_host: "ftp://host" })).toBe(false);
    expect(bad({ name: "x", provider: "openai", key: "k", custom_host: "not a url" })).toBe(false);
    expect(bad({ name: "x", provider: "openai-compatible", key: "k" })).toBe(false);
    expect(bad({ name: "x", provider: "azure-openai", key: "k" })).toBe(false);
    expect(bad({ name: "x", provider: "ollama" })).toBe(true);
    expect(createVirtualKeySchema.parse({ name: "x", provider: "ollama", custom_host: "http://127.0.0.1:11434/v1/" }).custom_host).toBe("http://127.0.0.1:11434/v1");
  });

  it("updates name, note, key, host and options; refuses a provider change", async () => {
    const created = await create({ name: "local", provider: "openai-compatible", custom_host: "http://127.0.0.1:4010/v1", api_version: "v1" });
    await updateVirtualKey(created.slug, updateVirtualKeySchema.parse({ name: "Local vLLM", key: "new-secret-value", note: null, api_version: null, custom_host: "https://proxy.example/v1" }));
    expect(await getVirtualKey(created.id)).toMatchObject({ slug: "local", name: "Local vLLM", masked_api_key: "new-****alue", api_version: null, custom_host: "https://proxy.example/v1" });
    expect((await getVirtualKeyCredentials(created.id))?.credentials).toEqual({ apiKey: "new-secret-value", customHost: "https://proxy.example/v1", options: {} });
    await expect(updateVirtualKey(created.id, { provider: "openai" })).rejects.toMatchObject({ status: 400 });
    await expect(updateVirtualKey(created.id, { custom_host: null })).rejects.toMatchObject({ status: 400 });
    await expect(updateVirtualKey("ghost", {})).rejects.toMatchObject({ status: 404, message: "Virtual key 'ghost' not found" });
  });

  it("deletes a key still used by a version: the version keeps everything but its key", async () => {
    const created = await create({ name: "doomed", provider: "groq", key: "gsk_1234567890" });
    const prompt = await createPrompt(createPromptSchema.parse({ name: "uses key", string: "x", virtual_key: created.slug }));
    expect(await deleteVirtualKey(created.slug)).toEqual({});
    const version = await db.promptVersion.findUniqueOrThrow({ where: { id: prompt.version_id } });
    expect(version).toMatchObject({ virtualKeyId: null, template: "x" });
    await expect(getVirtualKey(created.id)).rejects.toMatchObject({ status: 404 });
  });
});
