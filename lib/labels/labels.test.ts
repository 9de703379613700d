import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createLabel, deleteLabel, ensureSystemLabels, getLabel, listLabels, updateLabel } from "./labels";
import { createLabelSchema, listLabelsQuerySchema, updateLabelSchema } from "./schemas";

const list = (q: Record<string, string> = {}) => listLabels(listLabelsQuerySchema.parse(q));

describe("labels", () => {
  it("always has production, staging and development, idempotently", async () => {
    await ensureSystemLabels();
    await ensureSystemLabels();
    const { data, total } = await list();
    expect(total).toBe(3);
    expect(data.map((l) => l.name).sort()).toEqual(["development", "production", "staging"]);
    expect(data[0]).toMatchObject({ is_system: true, id: expect.any(String), description: expect.any(String), color_code: null });
    expect(data[0]).toHaveProperty("created_at");
    expect(data[0]).toHaveProperty("updated_at");
  });

  it("creates, reads by id or name, updates and deletes a custom label", async () => {
    const { id } = await createLabel(createLabelSchema.parse({ name: "qa", description: "QA team", color_code: "#FF5733" }));
    expect(await getLabel("qa")).toMatchObject({ id, name: "qa", description: "QA team", color_code: "#FF5733", is_system: false });
    expect(await getLabel(id)).toMatchObject({ name: "qa" });
    await updateLabel(id, updateLabelSchema.parse({ name: "qa-team", color_code: null }));
    expect(await getLabel(id)).toMatchObject({ name: "qa-team", color_code: null, description: "QA team" });
    expect(await deleteLabel("qa-team")).toEqual({});
    await expect(getLabel(id)).rejects.toMatchObject({ status: 404, message: `Label '${id}' not found` });
  });

  it("refuses reserved, all-digit and unsafe names", () => {
    for (const name of ["123", "latest", "Default", "has space", "a@b", "", "a/b"]) {
      expect(createLabelSchema.safeParse({ name }).success, name).toBe(false);
    }
    expect(createLabelSchema.safeParse({ name: "v2.beta_1" }).success).toBe(true);
    expect(createLabelSchema.safeParse({ name: "x", color_code: "red" }).success).toBe(false);
    expect(updateLabelSchema.safeParse({ name: "latest" }).success).toBe(false);
  });

  it("refuses duplicate names (also differing only in case) with 409", async () => {
    await createLabel(createLabelSchema.parse({ name: "canary" }));
    await expect(createLabel(createLabelSchema.parse({ name: "canary" }))).rejects.toMatchObject({ status: 409 });
    await expect(createLabel(createLabelSchema.parse({ name: "Canary" }))).rejects.toMatchObject({ status: 409 });
    await expect(createLabel(createLabelSchema.parse({ name: "Production" }))).rejects.toMatchObject({ status: 409 });
    const other = await createLabel(createLabelSchema.parse({ name: "other" }));
    await expect(updateLabel(other.id, { name: "canary" })).rejects.toMatchObject({ status: 409 });
  });

  it("never deletes or renames a system label, but lets its description and color change", async () => {
    await expect(deleteLabel("production")).rejects.toMatchObject({ status: 403, message: expect.stringContaining("production") });
    await expect(updateLabel("staging", { name: "stage" })).rejects.toMatchObject({ status: 403 });
    await updateLabel("staging", { name: "staging", color_code: "#00FF00" });
    expect(await getLabel("staging")).toMatchObject({ color_code: "#00FF00", is_system: true });
    expect(await db.label.count({ where: { isSystem: true } })).toBe(3);
  });

  it("searches and pages", async () => {
    const page = await list({ page_size: "2", current_page: "0" });
    expect(page.data).toHaveLength(2);
    expect(page.total).toBeGreaterThan(3);
    expect((await list({ search: "prod" })).data.map((l) => l.name)).toEqual(["production"]);
  });
});
