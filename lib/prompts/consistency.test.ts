import { describe, expect, it } from "vitest";
import { OWNER } from "@/tests/fixtures/callers";
import * as promptRoute from "@/app/v1/prompts/[id]/route";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/core/db";
import { createPrompt, deletePrompt, getPrompt } from "./prompts";
import { createPromptSchema, makeDefaultSchema, updatePromptSchema } from "./schemas";
import { updatePrompt } from "./update";
import { getPromptVersion, listPromptVersions, publishPromptVersion, setPromptVersionLabel } from "./versions";

// Consistency rules: concurrent saves, atomic publish/label moves, guarded deletes.
const create = (name: string) => createPrompt(createPromptSchema.parse({ name, string: "v1" }));
const save = (ref: string, text: string) => updatePrompt(ref, updatePromptSchema.parse({ string: text }));
const statusOf = (promise: Promise<unknown>) =>
  promise.then(
    () => 200,
    (error: { status?: number }) => error.status ?? 500,
  );

describe("concurrent saves", () => {
  it("gives 40 parallel saves versions 2..41, none lost or repeated", async () => {
    const prompt = await create("busy");
    const saved = await Promise.all(Array.from({ length: 40 }, (_, i) => save(prompt.id, `text ${i}`)));
    expect(new Set(saved.map((s) => s.prompt_version_id)).size).toBe(40);
    const versions = await listPromptVersions(prompt.id);
    expect(versions.map((v) => v.prompt_version).sort((a, b) => a - b)).toEqual(Array.from({ length: 41 }, (_, i) => i + 1));
    // Each save kept its own text: no two saves merged into one row.
    expect(new Set(versions.map((v) => (v.prompt_template as { string: string }).string)).size).toBe(41);
  });

  it("answers 404, not 500, when the prompt is deleted under a save", async () => {
    const prompt = await create("vanishing");
    const results = await Promise.all([statusOf(save(prompt.id, "a")), statusOf(deletePrompt(prompt.id)), statusOf(save(prompt.id, "b"))]);
    expect(results.every((s) => s === 200 || s === 404)).toBe(true);
  });
});

describe("publish and label moves", () => {
  it("moves a label and publishes; a version number past the Int range is a 400/404, not a 500", async () => {
    const prompt = await create("movable");
    await save(prompt.id, "v2");
    await setPromptVersionLabel(prompt.id, "2", { label_id: "staging" }, OWNER);
    await setPromptVersionLabel(prompt.id, "1", { label_id: "staging" }, OWNER);
    expect(await db.promptLabel.count({ where: { promptId: prompt.id } })).toBe(1);
    await publishPromptVersion(prompt.slug, { version: 2 });
    expect((await db.prompt.findUnique({ where: { id: prompt.id } }))?.publishedVersionId).not.toBe(prompt.version_id);
    // Past the Int column's range: a 400 from the schema or a 404, never a query error.
    expect(makeDefaultSchema.safeParse({ version: 1e20 }).success).toBe(false);
    expect(makeDefaultSchema.safeParse({ version: "99999999999999999999" }).success).toBe(false);
    expect(await statusOf(getPromptVersion(prompt.id, "99999999999999999999"))).toBe(404);
    expect(await statusOf(getPrompt(`${prompt.id}@99999999999999999999`))).toBe(404);
    expect(await statusOf(setPromptVersionLabel(prompt.id, "1", { label_id: "no-such-label" }, OWNER))).toBe(400);
    expect(await statusOf(setPromptVersionLabel("nope", "1", { label_id: "staging" }, OWNER))).toBe(404);
  });
});

describe("deleting a prompt that a label uses", () => {
  it("is a 409 naming the labels, unless forced", async () => {
    const prompt = await create("labelled");
    await save(prompt.id, "v2");
    await setPromptVersionLabel(prompt.id, "2", { label_id: "production" }, OWNER);
    await expect(deletePrompt(prompt.slug)).rejects.toMatchObject({
      status: 409,
      code: "prompt_in_use",
      message: expect.stringContaining("production (v2)"),
    });
    expect(await db.prompt.count({ where: { id: prompt.id } })).toBe(1);
    expect(await deletePrompt(prompt.slug, { force: true })).toEqual({});
    expect(await db.promptLabel.count({ where: { promptId: prompt.id } })).toBe(0);
  });

  it("reads ?force from the query string in the route", async () => {
    const { key } = await createApiKey({ name: "consistency-test" });
    const prompt = await create("routed");
    await setPromptVersionLabel(prompt.id, "1", { label_id: "staging" }, OWNER);
    const call = async (query: string) => {
      const request = new Request(`http://test/v1/prompts/${prompt.id}${query}`, { method: "DELETE", headers: { "x-portkey-api-key": key } });
      const response = await promptRoute.DELETE(request, { params: Promise.resolve({ id: prompt.id }) });
      return { status: response.status, body: (await response.json()) as { status?: string; message?: string; error?: { code?: string } } };
    };
    const refused = await call("");
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ status: "failure", error: { code: "prompt_in_use" } });
    expect(refused.body.message).toContain("staging (v1)");
    expect((await call("?force=false")).status).toBe(409);
    expect((await call("?force=yes")).status).toBe(400);
    expect((await call("?force=true")).status).toBe(200);
    expect((await call("?force=true")).status).toBe(404);
  });
});
