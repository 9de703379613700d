import { beforeAll, describe, expect, it } from "vitest";
import { OWNER } from "@/tests/fixtures/callers";
import { db } from "@/lib/core/db";
import { createLabel, deleteLabel, ensureSystemLabels, updateLabel } from "@/lib/labels/labels";
import { createVirtualKey, deleteVirtualKey } from "@/lib/virtual-keys/virtual-keys";
import { bumpPromptCacheGeneration } from "./cache";
import { createPrompt } from "./prompts";
import { parsePromptRef, resolvePromptVersion } from "./resolve";
import { createPromptSchema, updatePromptSchema } from "./schemas";
import { updatePrompt } from "./update";
import { publishPromptVersion, setPromptVersionLabel } from "./versions";

let prompt: { id: string; slug: string; version_id: string };
const versionIds: string[] = [];

beforeAll(async () => {
  await ensureSystemLabels();
  prompt = await createPrompt(createPromptSchema.parse({ name: "Resolver", string: "v1 {{x}}", model: "m1", parameters: { temperature: 0.5 } }));
  versionIds.push(prompt.version_id);
  for (const text of ["v2", "v3"]) {
    versionIds.push((await updatePrompt(prompt.id, updatePromptSchema.parse({ string: text }))).prompt_version_id as string);
  }
});

describe("parsePromptRef", () => {
  it("splits id-or-slug from its @suffix, decoding %40", () => {
    expect(parsePromptRef("pp-a-123456")).toEqual({ key: "pp-a-123456", selector: { kind: "published" } });
    expect(parsePromptRef("pp-a-123456@12")).toEqual({ key: "pp-a-123456", selector: { kind: "version", number: 12 } });
    expect(parsePromptRef("pp-a-123456%4012")).toEqual({ key: "pp-a-123456", selector: { kind: "version", number: 12 } });
    expect(parsePromptRef("pp-a-123456@latest")).toEqual({ key: "pp-a-123456", selector: { kind: "latest" } });
    expect(parsePromptRef("pp-a-123456%40staging")).toEqual({ key: "pp-a-123456", selector: { kind: "label", name: "staging" } });
    expect(parsePromptRef("pp-a-123456@default")).toEqual({ key: "pp-a-123456", selector: { kind: "published" } });
    expect(parsePromptRef("bad%zz").key).toBe("bad%zz");
  });
});

describe("resolvePromptVersion", () => {
  it("resolves id and slug to the published version with the engine's shape", async () => {
    const byId = await resolvePromptVersion(prompt.id);
    const bySlug = await resolvePromptVersion(prompt.slug);
    expect(byId).toEqual(bySlug);
    expect(byId).toEqual({
      label: null,
      prompt: { id: prompt.id, slug: prompt.slug, name: "Resolver", strictVariables: false, settings: null, archived: false },
      version: {
        id: prompt.version_id,
        number: 1,
        templateType: "completion",
        template: "v1 {{x}}",
        model: "m1",
        parameters: { temperature: 0.5 },
        tools: null,
        toolChoice: null,
        responseFormat: null,
        functions: null,
        virtualKeyId: null,
        released: true,
      },
      split: null,
    });
  });

  it("resolves @N, @latest and %40 suffixes", async () => {
    expect((await resolvePromptVersion(`${prompt.slug}@2`)).version.template).toBe("v2");
    expect((await resolvePromptVersion(`${prompt.slug}%402`)).version.number).toBe(2);
    expect((await resolvePromptVersion(`${prompt.id}@latest`)).version.number).toBe(3);
  });

  it("treats path id `undefined` plus a body prompt_id (with or without suffix) as that prompt", async () => {
    expect((await resolvePromptVersion("undefined", prompt.slug)).version.number).toBe(1);
    expect((await resolvePromptVersion("undefined", `${prompt.id}@3`)).version.number).toBe(3);
    expect((await resolvePromptVersion(prompt.slug, "some-other-id")).version.number).toBe(1);
  });

  it("answers 404 naming what was not found", async () => {
    await expect(resolvePromptVersion("pp-ghost-000000")).rejects.toMatchObject({ status: 404, message: "Prompt 'pp-ghost-000000' not found" });
    await expect(resolvePromptVersion("undefined")).rejects.toMatchObject({ status: 404, message: "Prompt 'undefined' not found" });
    await expect(resolvePromptVersion(`${prompt.slug}@7`)).rejects.toMatchObject({ status: 404, message: `Version 7 of prompt '${prompt.slug}' not found` });
    await expect(resolvePromptVersion(`${prompt.slug}@qa`)).rejects.toMatchObject({ status: 404, message: `Label 'qa' is not set on prompt '${prompt.slug}'` });
  });

  it("serves the latest version when none is published", async () => {
    const other = await createPrompt(createPromptSchema.parse({ name: "unpublished", string: "a" }));
    await updatePrompt(other.id, updatePromptSchema.parse({ string: "b" }));
    await db.prompt.update({ where: { id: other.id }, data: { publishedVersionId: null } });
    bumpPromptCacheGeneration();
    expect((await resolvePromptVersion(other.slug)).version.template).toBe("b");
  });

  it("shares frozen results: mutating one throws and never changes the next one", async () => {
    for (let i = 0; i < 2; i++) {
      // Miss, then hit: both are frozen all the way down.
      const result = await resolvePromptVersion(prompt.slug);
      expect(() => {
        result.version.parameters.temperature = 99;
      }).toThrow(TypeError);
      expect((await resolvePromptVersion(prompt.slug)).version.parameters.temperature).toBe(0.5);
    }
  });
});

describe("resolution cache", () => {
  it("caches (a write behind the library's back is not seen) until the generation is bumped", async () => {
    const before = await resolvePromptVersion(prompt.slug);
    await db.prompt.update({ where: { id: prompt.id }, data: { name: "Renamed behind the back" } });
    expect((await resolvePromptVersion(prompt.slug)).prompt.name).toBe(before.prompt.name);
    bumpPromptCacheGeneration();
    expect((await resolvePromptVersion(prompt.slug)).prompt.name).toBe("Renamed behind the back");
  });

  it("sees a publish on the very next request", async () => {
    expect((await resolvePromptVersion(prompt.slug)).version.number).toBe(1);
    await publishPromptVersion(prompt.slug, { version: 2 });
    expect((await resolvePromptVersion(prompt.slug)).version.number).toBe(2);
    await publishPromptVersion(prompt.slug, { version: 1 });
    expect((await resolvePromptVersion(prompt.slug)).version.number).toBe(1);
  });

  it("sees a new version at @latest, and label moves, renames and deletes at @label", async () => {
    await createLabel({ name: "qa" });
    await setPromptVersionLabel(prompt.id, versionIds[1], { label_id: "qa" }, OWNER);
    expect((await resolvePromptVersion(`${prompt.slug}@qa`)).version.number).toBe(2);
    await setPromptVersionLabel(prompt.id, versionIds[2], { label_id: "qa" }, OWNER);
    expect((await resolvePromptVersion(`${prompt.slug}@qa`)).version.number).toBe(3);
    await setPromptVersionLabel(prompt.id, versionIds[0], { label_id: "production" }, OWNER);
    expect((await resolvePromptVersion(`${prompt.slug}@production`)).version.number).toBe(1);

    // The label's name is carried to the log row, also when the caller used its id.
    const qa = await resolvePromptVersion(`${prompt.slug}@qa`);
    expect(qa.label).toBe("qa");
    expect((await resolvePromptVersion(`${prompt.slug}@3`)).label).toBeNull();
    expect((await resolvePromptVersion(prompt.slug)).label).toBeNull();

    await updateLabel("qa", { name: "qa2" });
    expect((await resolvePromptVersion(`${prompt.slug}@qa2`)).label).toBe("qa2");
    await expect(resolvePromptVersion(`${prompt.slug}@qa`)).rejects.toMatchObject({ status: 404 });
    expect((await resolvePromptVersion(`${prompt.slug}@qa2`)).version.number).toBe(3);
    await deleteLabel("qa2");
    await expect(resolvePromptVersion(`${prompt.slug}@qa2`)).rejects.toMatchObject({ status: 404 });

    const latest = await resolvePromptVersion(`${prompt.slug}@latest`);
    const saved = await updatePrompt(prompt.id, updatePromptSchema.parse({ string: "v4" }));
    expect((await resolvePromptVersion(`${prompt.slug}@latest`)).version).toMatchObject({ id: saved.prompt_version_id, number: latest.version.number + 1 });
  });

  it("sees a deleted virtual key as a version without one", async () => {
    const vk = await createVirtualKey({ name: "resolve-vk", provider: "openai", key: "sk-resolve-123456" });
    const withKey = await createPrompt(createPromptSchema.parse({ name: "with key", string: "x", virtual_key: vk.slug }));
    expect((await resolvePromptVersion(withKey.slug)).version.virtualKeyId).toBe(vk.id);
    await deleteVirtualKey(vk.slug);
    expect((await resolvePromptVersion(withKey.slug)).version.virtualKeyId).toBeNull();
  });
});

describe("released versions (what a run-only key may run)", () => {
  it("are the published one, labelled ones and those older than the published", async () => {
    const p = await createPrompt(createPromptSchema.parse({ name: "Released", string: "v1" }));
    for (const text of ["v2", "v3", "v4"]) await updatePrompt(p.id, updatePromptSchema.parse({ string: text }));
    const released = async (suffix: string) => (await resolvePromptVersion(`${p.slug}${suffix}`)).version.released;
    // v1 published at creation; v2..v4 are saved drafts.
    expect(await released("")).toBe(true);
    expect(await released("@1")).toBe(true);
    expect(await released("@3")).toBe(false);
    expect(await released("@latest")).toBe(false);
    await publishPromptVersion(p.slug, { version: 3 });
    expect(await released("@2")).toBe(true); // older than the published: pinned ids keep working
    expect(await released("@3")).toBe(true);
    expect(await released("@4")).toBe(false);
    await setPromptVersionLabel(p.id, (await db.promptVersion.findFirstOrThrow({ where: { promptId: p.id, version: 4 } })).id, { label_id: "staging" }, OWNER);
    expect(await released("@4")).toBe(true);
    expect(await released("@staging")).toBe(true);
  });
});
