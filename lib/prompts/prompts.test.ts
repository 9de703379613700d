import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createCollection } from "@/lib/collections/collections";
import { createVirtualKey } from "@/lib/virtual-keys/virtual-keys";
import { createPrompt, deletePrompt, getPrompt, listPrompts } from "./prompts";
import { createPromptSchema, listPromptsQuerySchema, updatePromptSchema } from "./schemas";
import { updatePrompt } from "./update";
import { getPromptVersion, listPromptVersions, publishPromptVersion } from "./versions";

const chat = (text: string) => JSON.stringify([{ role: "user", content: text }]);
const create = (body: Record<string, unknown>) => createPrompt(createPromptSchema.parse(body));
const update = (ref: string, body: Record<string, unknown>) => updatePrompt(ref, updatePromptSchema.parse(body));
const status = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

describe("creating and reading prompts", () => {
  it("creates a prompt whose v1 is published, in the default collection, with a pp- slug", async () => {
    const created = await create({ name: "Customer Support Reply Writer!", string: chat("Hi {{name}}"), parameters: { temperature: 0.2 } });
    expect(created.object).toBe("prompt");
    expect(created.slug).toMatch(/^pp-customer-support-rep-[0-9a-f]{6}$/);
    const prompt = await getPrompt(created.slug);
    expect(prompt).toMatchObject({
      id: created.id,
      slug: created.slug,
      name: "Customer Support Reply Writer!",
      string: chat("Hi {{name}}"),
      parameters: { temperature: 0.2 },
      model: null,
      virtual_key: null,
      prompt_version: 1,
      prompt_version_id: created.version_id,
      prompt_version_description: null,
      prompt_version_label_id: null,
      template_type: "chat",
      template_metadata: { template_type: "chat" },
      status: "active",
      is_published: true,
    });
    const collection = await db.collection.findUnique({ where: { id: prompt.collection_id } });
    expect(collection).toMatchObject({ slug: "default", isDefault: true });
    expect(typeof prompt.created_at).toBe("string");
    expect(prompt.last_updated_at).toBeTruthy();
  });

  it("takes a slug the caller chooses (prompts as code name files by it): taken is a 409, id-shaped or unsafe a 400", async () => {
    const created = await create({ name: "Chosen", slug: "support.reply_v2", string: "x" });
    expect(created.slug).toBe("support.reply_v2");
    expect((await getPrompt("support.reply_v2")).id).toBe(created.id);
    expect(await status(create({ name: "Again", slug: "support.reply_v2", string: "x" }))).toBe(409);
    for (const slug of ["Upper", "../x", "a b", "9f1c2d3e-1111-2222-3333-444455556666", ""]) {
      expect(createPromptSchema.safeParse({ name: "n", slug, string: "x" }).success, slug).toBe(false);
    }
  });

  it("stores model, virtual key (by slug), tools and metadata, and takes the model from parameters", async () => {
    const vk = await createVirtualKey({ name: "OpenAI main", provider: "openai", key: "sk-test-1234567890" });
    const created = await create({
      name: "tools",
      string: "Complete: {{x}}",
      parameters: { model: "gpt-4o-mini", max_tokens: 10 },
      virtual_key: vk.slug,
      tools: [{ type: "function", function: { name: "f" } }],
      tool_choice: "auto",
      response_format: { type: "json_object" },
      template_metadata: { template_type: "completion", owner: "me" },
      version_description: "first",
    });
    const prompt = await getPrompt(created.id);
    expect(prompt).toMatchObject({
      model: "gpt-4o-mini",
      virtual_key: vk.slug,
      tools: [{ type: "function", function: { name: "f" } }],
      tool_choice: "auto",
      response_format: { type: "json_object" },
      template_type: "completion",
      template_metadata: { template_type: "completion", owner: "me" },
      prompt_version_description: "first",
    });
  });

  it("refuses unknown virtual keys and collections (400, named) and invalid chat templates", async () => {
    await expect(create({ name: "x", string: "a", virtual_key: "nope" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("'nope'") });
    await expect(create({ name: "x", string: "a", collection_id: "ghost" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("'ghost'") });
    await expect(create({ name: "x", string: "plain", template_metadata: { template_type: "chat" } })).rejects.toMatchObject({ status: 400 });
    expect(() => createPromptSchema.parse({ name: "x", string: 5 })).toThrow();
    expect(() => createPromptSchema.parse({ name: "x", string: "a", parameters: [] })).toThrow();
  });

  it("lists with collection (id or slug) filter, search, 0-based paging, newest activity first", async () => {
    const folder = await createCollection({ name: "Listing" });
    const ids: string[] = [];
    for (const name of ["alpha one", "alpha two", "beta"]) {
      ids.push((await create({ name, string: "t", collection_id: folder.slug })).id);
    }
    const query = (q: Record<string, string>) => listPrompts(listPromptsQuerySchema.parse(q));
    const all = await query({ collection_id: folder.id });
    expect(all.total).toBe(3);
    expect(all.data.map((p) => p.id)).toEqual([...ids].reverse());
    expect(all.data[0]).toMatchObject({ collection_id: folder.id, prompt_version: 1, status: "active" });
    const page = await query({ collection_id: folder.slug, page_size: "2", current_page: "1" });
    expect(page).toMatchObject({ total: 3 });
    expect(page.data.map((p) => p.id)).toEqual([ids[0]]);
    const search = await query({ collection_id: folder.slug, search: "ALPHA" });
    expect(search.total).toBe(2);
    await update(ids[0], { name: "alpha one renamed" });
    expect((await query({ collection_id: folder.slug })).data[0].id).toBe(ids[0]);
    expect(listPromptsQuerySchema.parse({ page_size: "1000" }).page_size).toBe(100);
    expect(() => listPromptsQuerySchema.parse({ current_page: "-1" })).toThrow();
  });
});

describe("updating prompts", () => {
  it("makes a new unpublished version for version fields, keeping omitted fields from the latest", async () => {
    const vk = await createVirtualKey({ name: "update-vk", provider: "groq", key: "gsk_abcdefghijkl" });
    const created = await create({ name: "upd", string: chat("v1"), parameters: { temperature: 1 }, model: "m1", virtual_key: vk.slug, tools: [{ type: "function", function: { name: "f" } }] });
    const v2 = await update(created.id, { string: chat("v2"), version_description: "second" });
    expect(v2).toMatchObject({ id: created.id, slug: created.slug });
    expect(v2.prompt_version_id).not.toBe(created.version_id);
    const at2 = await getPromptVersion(created.id, v2.prompt_version_id as string);
    expect(at2).toMatchObject({ prompt_version: 2, string: chat("v2"), model: "m1", virtual_key: vk.slug, parameters: { temperature: 1 }, tools: [{ type: "function", function: { name: "f" } }], prompt_version_description: "second", is_published: false });
    // The published version is still v1.
    expect(await getPrompt(created.slug)).toMatchObject({ prompt_version: 1, string: chat("v1") });
    expect(await getPrompt(`${created.slug}@latest`)).toMatchObject({ prompt_version: 2 });
  });

  it("requires string unless patch, and patch fills everything from the LATEST version", async () => {
    const created = await create({ name: "patchy", string: "one", model: "m1" });
    await expect(update(created.id, { model: "m2" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("string") });
    await update(created.id, { string: "two" });
    const patched = await update(created.id, { patch: true, model: "m3", tools: null });
    const version = await getPromptVersion(created.id, patched.prompt_version_id as string);
    expect(version).toMatchObject({ prompt_version: 3, string: "two", model: "m3", tools: null, template_type: "completion" });
  });

  it("changes name and collection without a version", async () => {
    const created = await create({ name: "meta", string: "x" });
    const folder = await createCollection({ name: "Meta target" });
    const answer = await update(created.slug, { name: "meta renamed", collection_id: folder.slug });
    expect(answer.prompt_version_id).toBe(created.version_id);
    expect(await getPrompt(created.id)).toMatchObject({ name: "meta renamed", collection_id: folder.id, prompt_version: 1 });
    expect(await listPromptVersions(created.id)).toHaveLength(1);
  });

  it("stores strict_variables and gateway settings on the prompt, never as a new version", async () => {
    const settings = { retry: { attempts: 2, on_status_codes: [503] }, request_timeout: 5000 };
    const created = await create({ name: "prompt-level", string: "x", strict_variables: true, settings });
    expect(await getPrompt(created.id)).toMatchObject({ strict_variables: true, settings });
    expect((await listPrompts(listPromptsQuerySchema.parse({ search: "prompt-level" }))).data[0]).toMatchObject({ strict_variables: true, settings });

    const off = await update(created.id, { strict_variables: false, settings: null });
    expect(off.prompt_version_id).toBe(created.version_id);
    expect(await getPrompt(created.id)).toMatchObject({ strict_variables: false, settings: null, prompt_version: 1 });
    // With version fields the prompt-level ones still land on the prompt, and every version shows them.
    await update(created.id, { string: "y", strict_variables: true });
    expect(await getPrompt(`${created.id}@1`)).toMatchObject({ strict_variables: true, prompt_version: 1 });
    expect(await listPromptVersions(created.id)).toHaveLength(2);
    // A create without them gets the defaults.
    expect(await getPrompt((await create({ name: "prompt-level default", string: "x" })).id)).toMatchObject({ strict_variables: false, settings: null });
  });

  it("refuses malformed prompt-level fields with the gateway config's own rules", () => {
    for (const body of [
      { strict_variables: "yes" },
      { settings: { retry: { attempts: 11 } } },
      { settings: { retry: { attempts: 1, on_status_codes: [42] } } },
      { settings: { request_timeout: 0 } },
      { settings: { retries: 2 } },
      { settings: [] },
    ]) {
      expect(updatePromptSchema.safeParse(body).success, JSON.stringify(body)).toBe(false);
      expect(createPromptSchema.safeParse({ name: "n", string: "x", ...body }).success, JSON.stringify(body)).toBe(false);
    }
  });

  it("numbers 20 concurrent saves 2..21 with no gap and no duplicate", async () => {
    const created = await create({ name: "concurrent", string: "v1" });
    const saves = await Promise.all(Array.from({ length: 20 }, (_, i) => update(created.id, { string: `save ${i}` })));
    expect(new Set(saves.map((s) => s.prompt_version_id)).size).toBe(20);
    const versions = await listPromptVersions(created.id);
    expect(versions.map((v) => v.prompt_version)).toEqual(Array.from({ length: 21 }, (_, i) => 21 - i));
    expect(new Set(versions.map((v) => v.prompt_template.string)).size).toBe(21);
  });

  it("refuses a string that is invalid for the (inherited) template type", async () => {
    const created = await create({ name: "typed", string: chat("hi") });
    await expect(update(created.id, { string: "[{\"role\":\"user\"}]" })).rejects.toMatchObject({ status: 400 });
    await expect(update(created.id, { string: "now plain", template_metadata: { template_type: "completion" } })).resolves.toBeTruthy();
  });
});

describe("versions, publishing and deletion", () => {
  it("lists versions newest first in Portkey's shape and publishes with makeDefault", async () => {
    const created = await create({ name: "pub", string: "v1" });
    await update(created.id, { string: "v2" });
    const versions = await listPromptVersions(created.slug);
    expect(versions[0]).toMatchObject({ prompt_id: created.id, prompt_version: 2, prompt_template: { string: "v2" }, label_id: null, status: "active", is_published: false });
    expect(versions[1]).toMatchObject({ prompt_version: 1, is_published: true });
    expect(versions[0]).toHaveProperty("prompt_description");
    expect(versions[0]).toHaveProperty("created_at");
    await publishPromptVersion(created.id, { version: 2 });
    expect(await getPrompt(created.id)).toMatchObject({ prompt_version: 2, string: "v2" });
    await expect(publishPromptVersion(created.id, { version: 9 })).rejects.toMatchObject({ status: 404, message: "Version 9 of prompt '" + created.id + "' not found" });
  });

  it("retrieves a version by uuid only within its prompt", async () => {
    const a = await create({ name: "va", string: "a" });
    const b = await create({ name: "vb", string: "b" });
    expect(await getPromptVersion(a.id, a.version_id)).toMatchObject({ string: "a" });
    expect(await status(getPromptVersion(b.id, a.version_id))).toBe(404);
  });

  it("deletes a prompt with its versions and labels", async () => {
    const created = await create({ name: "doomed", string: "x" });
    await update(created.id, { string: "y" });
    expect(await deletePrompt(created.slug)).toEqual({});
    expect(await db.promptVersion.count({ where: { promptId: created.id } })).toBe(0);
    expect(await status(getPrompt(created.id))).toBe(404);
    expect(await status(deletePrompt(created.id))).toBe(404);
  });
});
