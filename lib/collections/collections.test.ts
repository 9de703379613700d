import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";
import {
  createCollection,
  deleteCollection,
  ensureDefaultCollection,
  getCollection,
  listCollections,
  updateCollection,
} from "./collections";
import { listCollectionsQuerySchema } from "./schemas";

describe("collections", () => {
  it("creates the default collection once", async () => {
    const [a, b] = await Promise.all([ensureDefaultCollection(), ensureDefaultCollection()]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ slug: "default", name: "Default", isDefault: true });
    expect(await db.collection.count({ where: { isDefault: true } })).toBe(1);
  });

  it("creates nested folders addressed by id or slug, with unique readable slugs", async () => {
    const root = await createCollection({ name: "Marketing Team" });
    expect(root.slug).toBe("marketing-team");
    const again = await createCollection({ name: "Marketing team" });
    expect(again.slug).toBe("marketing-team-2");
    const child = await createCollection({ name: "Emails", parent_collection_id: root.slug });
    expect(await getCollection(child.id)).toMatchObject({ slug: "emails", name: "Emails", parent_collection_id: root.id });
    expect(await getCollection("emails")).toMatchObject({ id: child.id });
    await expect(createCollection({ name: "x", parent_collection_id: "ghost" })).rejects.toMatchObject({ status: 400, message: expect.stringContaining("'ghost'") });
    const children = await listCollections(listCollectionsQuerySchema.parse({ parent_collection_id: root.id }));
    expect(children).toMatchObject({ total: 1, data: [{ id: child.id, last_updated_at: expect.any(String), created_at: expect.any(String) }] });
  });

  it("renames and moves, but never under itself or a descendant", async () => {
    const a = await createCollection({ name: "A" });
    const b = await createCollection({ name: "B", parent_collection_id: a.id });
    const c = await createCollection({ name: "C", parent_collection_id: b.id });
    await expect(updateCollection(a.id, { parent_collection_id: c.id })).rejects.toMatchObject({ status: 400 });
    await expect(updateCollection(a.id, { parent_collection_id: a.slug })).rejects.toMatchObject({ status: 400 });
    expect(await updateCollection(c.id, { parent_collection_id: null, name: "C top" })).toMatchObject({ parent_collection_id: null, name: "C top", slug: c.slug });
    expect(await updateCollection(a.id, { parent_collection_id: c.slug })).toMatchObject({ parent_collection_id: c.id });
  });

  it("deletes only empty folders, and never the default one", async () => {
    const parent = await createCollection({ name: "Parent" });
    const child = await createCollection({ name: "Child", parent_collection_id: parent.id });
    await expect(deleteCollection(parent.id)).rejects.toMatchObject({ status: 409, message: expect.stringContaining("not empty") });
    const prompt = await createPrompt(createPromptSchema.parse({ name: "inside", string: "x", collection_id: child.slug }));
    await expect(deleteCollection(child.slug)).rejects.toMatchObject({ status: 409 });
    await db.prompt.delete({ where: { id: prompt.id } });
    expect(await deleteCollection(child.slug)).toEqual({});
    expect(await deleteCollection(parent.id)).toEqual({});
    await expect(getCollection(parent.id)).rejects.toMatchObject({ status: 404 });
    await expect(deleteCollection("default")).rejects.toMatchObject({ status: 403 });
  });

  it("lists with search and paging", async () => {
    const all = await listCollections(listCollectionsQuerySchema.parse({}));
    expect(all.total).toBeGreaterThan(3);
    expect(all.data[0]).toMatchObject({ slug: "default", is_default: true });
    const found = await listCollections(listCollectionsQuerySchema.parse({ search: "marketing" }));
    expect(found.total).toBe(2);
    const page = await listCollections(listCollectionsQuerySchema.parse({ page_size: "1", current_page: "1" }));
    expect(page.data).toHaveLength(1);
  });
});
