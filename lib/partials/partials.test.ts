import { describe, expect, it } from "vitest";
import { loadPartialTemplate } from "./loader";
import {
  createPartial,
  deletePartial,
  getPartial,
  listPartials,
  listPartialVersions,
  publishPartialVersion,
  updatePartial,
} from "./partials";
import { createPartialSchema, listPartialsQuerySchema, publishPartialSchema, updatePartialSchema } from "./schemas";

const create = (body: Record<string, unknown>) => createPartial(createPartialSchema.parse(body));

describe("partials", () => {
  it("creates a partial with a readable unique slug and a published v1", async () => {
    const created = await create({ name: "Tone Of Voice", string: "Be kind.", version_description: "first" });
    expect(created.slug).toBe("tone-of-voice");
    expect((await create({ name: "tone of voice", string: "dup" })).slug).toBe("tone-of-voice-2");
    expect(await getPartial("tone-of-voice")).toMatchObject({
      id: created.id,
      slug: "tone-of-voice",
      name: "Tone Of Voice",
      string: "Be kind.",
      version: 1,
      version_id: created.version_id,
      version_description: "first",
      status: "active",
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect(createPartialSchema.safeParse({ name: "x" }).success).toBe(false);
  });

  it("versions on string, renames on name, publishes with makeDefault", async () => {
    const created = await create({ name: "signature", string: "-- v1" });
    const v2 = await updatePartial(created.id, updatePartialSchema.parse({ string: "-- v2", description: "shorter" }));
    expect(v2.version_id).not.toBe(created.version_id);
    expect(await getPartial("signature")).toMatchObject({ string: "-- v1", version: 1 });
    await updatePartial("signature", { name: "Signature block" });
    const versions = await listPartialVersions("signature");
    expect(versions.map((v) => [v.version, v.string, v.is_published])).toEqual([
      [2, "-- v2", false],
      [1, "-- v1", true],
    ]);
    expect(versions[0].description).toBe("shorter");
    await publishPartialVersion("signature", publishPartialSchema.parse({ version: "2" }));
    expect(await getPartial(created.id)).toMatchObject({ name: "Signature block", string: "-- v2", version: 2 });
    await expect(publishPartialVersion("signature", { version: 5 })).rejects.toMatchObject({ status: 404 });
  });

  it("numbers concurrent saves without gaps", async () => {
    const created = await create({ name: "busy", string: "0" });
    await Promise.all(Array.from({ length: 10 }, (_, i) => updatePartial(created.id, { string: `${i}` })));
    expect((await listPartialVersions(created.id)).map((v) => v.version)).toEqual([11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
  });

  it("loads templates for the engine: published, pinned, by id, and null when unknown", async () => {
    const created = await create({ name: "greeting", string: "Hello {{name}}" });
    await updatePartial("greeting", { string: "Hi {{name}}" });
    expect(await loadPartialTemplate({ slug: "greeting", version: null })).toBe("Hello {{name}}");
    expect(await loadPartialTemplate({ slug: "greeting", version: 2 })).toBe("Hi {{name}}");
    expect(await loadPartialTemplate({ slug: created.id, version: 1 })).toBe("Hello {{name}}");
    expect(await loadPartialTemplate({ slug: "greeting", version: 3 })).toBeNull();
    expect(await loadPartialTemplate({ slug: "nope", version: null })).toBeNull();
    // A publish is seen at once, despite the cache.
    await publishPartialVersion("greeting", { version: 2 });
    expect(await loadPartialTemplate({ slug: "greeting", version: null })).toBe("Hi {{name}}");
    // A partial created after a miss is found at once (misses are not cached).
    expect(await loadPartialTemplate({ slug: "late", version: null })).toBeNull();
    await create({ name: "late", string: "here" });
    expect(await loadPartialTemplate({ slug: "late", version: null })).toBe("here");
  });

  it("lists, searches and deletes", async () => {
    const found = await listPartials(listPartialsQuerySchema.parse({ search: "tone" }));
    expect(found.total).toBe(2);
    expect(found.data[0]).toMatchObject({ string: expect.any(String), version: 1 });
    const victim = await create({ name: "victim", string: "x" });
    expect(await deletePartial(victim.slug)).toEqual({});
    await expect(getPartial(victim.id)).rejects.toMatchObject({ status: 404, message: `Partial '${victim.id}' not found` });
    expect(await loadPartialTemplate({ slug: "victim", version: null })).toBeNull();
  });
});
