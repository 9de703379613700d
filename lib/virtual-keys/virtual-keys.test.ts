import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/core/db";
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
      needsSecret: false,
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

describe("a stored secret only ever goes to the host it was saved with", () => {
  it("moving custom_host without a new key clears the secret: the credential has none, status says why", async () => {
    const created = await create({ name: "moved", provider: "openai", key: SECRET, custom_host: "https://api.example.com/v1" });
    expect((await getVirtualKeyCredentials(created.id))?.credentials.apiKey).toBe(SECRET); // warm the cache
    await updateVirtualKey(created.slug, updateVirtualKeySchema.parse({ custom_host: "https://attacker.example/v1" }));
    const credentials = await getVirtualKeyCredentials(created.id);
    expect(credentials?.credentials).toMatchObject({ apiKey: "", customHost: "https://attacker.example/v1" });
    expect(credentials?.needsSecret).toBe(true);
    expect(await getVirtualKey(created.id)).toMatchObject({ status: "needs_secret", masked_api_key: "" });
    // A new key in the same request as the move is what makes the key usable again.
    await updateVirtualKey(created.slug, updateVirtualKeySchema.parse({ key: "sk-new-0123456789abcdef" }));
    expect(await getVirtualKeyCredentials(created.id)).toMatchObject({ needsSecret: false, credentials: { apiKey: "sk-new-0123456789abcdef" } });
    expect(await getVirtualKey(created.id)).toMatchObject({ status: "active" });
  });

  it("adding, removing or changing a host, or Azure's resource_name, clears it; a new key in the same request keeps the key usable", async () => {
    const azure = await create({ name: "az", provider: "azure-openai", key: SECRET, resource_name: "res", deployment_name: "gpt4" });
    await updateVirtualKey(azure.id, updateVirtualKeySchema.parse({ deployment_name: "gpt4o", api_version: "2025-01-01" }));
    expect((await getVirtualKeyCredentials(azure.id))?.credentials.apiKey).toBe(SECRET); // same host: kept
    await updateVirtualKey(azure.id, updateVirtualKeySchema.parse({ resource_name: "evil" }));
    expect((await getVirtualKeyCredentials(azure.id))?.credentials.apiKey).toBe("");

    const plain = await create({ name: "plain", provider: "groq", key: SECRET });
    await updateVirtualKey(plain.id, updateVirtualKeySchema.parse({ custom_host: "https://elsewhere.example/v1", key: "gsk-fresh-secret-000" }));
    expect(await getVirtualKeyCredentials(plain.id)).toMatchObject({ needsSecret: false, credentials: { apiKey: "gsk-fresh-secret-000", customHost: "https://elsewhere.example/v1" } });
    await updateVirtualKey(plain.id, updateVirtualKeySchema.parse({ custom_host: null }));
    expect(await getVirtualKeyCredentials(plain.id)).toMatchObject({ needsSecret: true, credentials: { apiKey: "" } });

    const same = await create({ name: "same", provider: "openai", key: SECRET, custom_host: "https://api.example.com/v1" });
    await updateVirtualKey(same.id, updateVirtualKeySchema.parse({ custom_host: "https://api.example.com/v1/", name: "renamed" }));
    expect((await getVirtualKeyCredentials(same.id))?.credentials.apiKey).toBe(SECRET); // unchanged host
  });

  it("the ciphertext is bound to its row: copied onto another key, it does not decrypt", async () => {
    const a = await create({ name: "a", provider: "openai", key: SECRET });
    const b = await create({ name: "b", provider: "openai", key: "sk-other-0000000000000", custom_host: "https://attacker.example/v1" });
    const rowA = await db.virtualKey.findUniqueOrThrow({ where: { id: a.id } });
    await db.virtualKey.update({ where: { id: b.id }, data: { encryptedSecret: rowA.encryptedSecret } });
    await expect(getVirtualKeyCredentials(b.id)).rejects.toThrow(/could not be decrypted/);
  });
});

describe("custom_host as shown to callers", () => {
  it("hides userinfo and secret-looking query parameters unless the caller manages keys", async () => {
    const created = await create({ name: "with creds", provider: "openai-compatible", custom_host: "https://bob:hunter2@llm.example/v1?api_key=abc123&region=eu" });
    const masked = await getVirtualKey(created.id);
    expect(masked.custom_host).toBe("https://****@llm.example/v1?api_key=****&region=eu");
    expect(JSON.stringify(await listVirtualKeys({ current_page: 0, page_size: 50 }))).not.toMatch(/hunter2|abc123/);
    expect((await getVirtualKey(created.id, { fullHost: true })).custom_host).toBe("https://bob:hunter2@llm.example/v1?api_key=abc123&region=eu");
  });
});

describe("where a key may send its calls", () => {
  const ENV = "PROMPTLY_ALLOWED_PROVIDER_HOSTS";
  it("is checked at save, for custom hosts, Azure resources and default base URLs alike", async () => {
    const saved = process.env[ENV];
    process.env[ENV] = "";
    try {
      await expect(create({ name: "meta", provider: "openai", key: SECRET, custom_host: "http://169.254.169.254/v1" })).rejects.toMatchObject({
        status: 400,
        param: "custom_host",
        code: "provider_host_refused",
        message: expect.stringContaining(`${ENV}=169.254.169.254:80`),
      });
      // Ollama's default base URL is on 127.0.0.1: saying so now beats a failure at the first call.
      await expect(create({ name: "local", provider: "ollama" })).rejects.toMatchObject({
        status: 400,
        message: expect.stringContaining(`the default base URL of ollama points to a loopback address (127.0.0.1); set ${ENV}=127.0.0.1:11434`),
      });
      const key = await create({ name: "fine", provider: "openai", key: SECRET });
      await expect(updateVirtualKey(key.id, { custom_host: "http://[::ffff:10.0.0.1]:8000/v1", key: "sk-x" })).rejects.toMatchObject({ status: 400 });
      expect(await getVirtualKey(key.id)).toMatchObject({ custom_host: null, status: "active" });
      process.env[ENV] = "127.0.0.1:11434";
      expect(await create({ name: "local ollama", provider: "ollama" })).toMatchObject({ slug: "local-ollama" });
    } finally {
      process.env[ENV] = saved;
    }
  });
});

describe("concurrent edits", () => {
  it("a move computed from a stale read is refused (409), so a key set meanwhile never lands on the new host", async () => {
    const created = await create({ name: "raced", provider: "openai", key: SECRET, custom_host: "https://api.example.com/v1" });
    const stale = await db.virtualKey.findUniqueOrThrow({ where: { id: created.id } });
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later updatedAt for the write in between
    await updateVirtualKey(created.id, updateVirtualKeySchema.parse({ key: "sk-set-meanwhile-000000" }));
    // The move read the key before that write.
    const read = vi.spyOn(db.virtualKey, "findFirst").mockResolvedValueOnce(stale);
    await expect(updateVirtualKey(created.id, updateVirtualKeySchema.parse({ custom_host: "https://attacker.example/v1" }))).rejects.toMatchObject({ status: 409 });
    read.mockRestore();
    expect(await getVirtualKeyCredentials(created.id)).toMatchObject({ credentials: { apiKey: "sk-set-meanwhile-000000", customHost: "https://api.example.com/v1" } });
  });
});
