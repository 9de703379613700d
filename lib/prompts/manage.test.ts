import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createCollection } from "@/lib/collections/collections";
import { prepareCall } from "@/lib/completions/prepare";
import { completionRequestSchema } from "@/lib/completions/request-schema";
import { ensureSystemLabels } from "@/lib/labels/labels";
import { archivePrompt, duplicatePrompt, restorePrompt } from "./manage";
import { createPrompt, getPrompt, listPrompts } from "./prompts";
import { createPromptSchema, duplicatePromptSchema, listPromptsQuerySchema, updatePromptSchema } from "./schemas";
import { updatePrompt } from "./update";
import { listPromptVersions, publishPromptVersion } from "./versions";

const create = (name: string, string = "v1 text") =>
  createPrompt(createPromptSchema.parse({ name, string, template_metadata: { template_type: "completion" }, parameters: { temperature: 0.3 }, strict_variables: true }));
const save = (ref: string, string: string) => updatePrompt(ref, updatePromptSchema.parse({ string, version_description: `saved ${string}` }));
const duplicate = (ref: string, body: Record<string, unknown> = {}) => duplicatePrompt(ref, duplicatePromptSchema.parse(body));
const list = (query: Record<string, string> = {}) => listPrompts(listPromptsQuerySchema.parse(query));
const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: { status: number; code: string; message: string }) => error);

async function withLabel(promptId: string) {
  await ensureSystemLabels();
  const label = await db.label.findUniqueOrThrow({ where: { name: "production" } });
  const version = await db.promptVersion.findFirstOrThrow({ where: { promptId } });
  await db.promptLabel.create({ data: { promptId, labelId: label.id, versionId: version.id } });
}

describe("duplicating a prompt", () => {
  it("without history: one published v1 copying the published template and the prompt's settings", async () => {
    const source = await create("Writer");
    await save(source.id, "v2 draft"); // unpublished: the copy takes v1, what the prompt serves
    const copy = await duplicate(source.id);
    expect(copy).toMatchObject({ name: "Writer (copy)", versions: 1 });
    expect(copy.slug).not.toBe(source.slug);
    const read = await getPrompt(copy.id);
    expect(read).toMatchObject({ string: "v1 text", prompt_version: 1, is_published: true, parameters: { temperature: 0.3 }, strict_variables: true, template_type: "completion" });
    // A chosen version, a name and a folder.
    const folder = await createCollection({ name: "Elsewhere" } as Parameters<typeof createCollection>[0]);
    const second = await duplicate(source.slug, { version: 2, name: "Writer v2", collection_id: folder.id });
    expect(await getPrompt(second.id)).toMatchObject({ name: "Writer v2", string: "v2 draft", prompt_version: 1, collection_id: folder.id });
  });

  it("with history: every version with its number and description, the published one published, no labels", async () => {
    const source = await create("Historian");
    await save(source.id, "v2");
    await save(source.id, "v3");
    await publishPromptVersion(source.id, { version: 2 });
    await withLabel(source.id);
    const copy = await duplicate(source.id, { history: true });
    expect(copy.versions).toBe(3);
    const versions = await listPromptVersions(copy.id);
    expect(versions.map((v) => [v.prompt_version, v.prompt_template.string, v.prompt_description, v.is_published, v.labels.length])).toEqual([
      [3, "v3", "saved v3", false, 0],
      [2, "v2", "saved v2", true, 0],
      [1, "v1 text", null, false, 0],
    ]);
    // The original keeps its label.
    expect((await list({ search: "Historian" })).data.find((p) => p.id === source.id)?.labels).toHaveLength(1);
  });

  it("refuses a taken slug with a 409 and an unknown prompt with a 404", async () => {
    const source = await create("Slugged");
    expect(await failure(duplicate(source.id, { slug: source.slug }))).toMatchObject({ status: 409, code: "slug_taken" });
    expect(await failure(duplicate("no-such-prompt"))).toMatchObject({ status: 404 });
  });
});

describe("archiving a prompt", () => {
  const run = (ref: string) => prepareCall(ref, completionRequestSchema.parse({ variables: {} }), new Headers(), { drafts: true, extraVirtualKeys: null });

  it("hides it from the list unless asked, refuses runs with a 409, and restore undoes both", async () => {
    const kept = await create("Kept");
    const old = await create("Old one");
    await run(old.id);
    expect(await archivePrompt(old.slug)).toMatchObject({ archived_at: expect.any(String) });
    const ids = (rows: { id: string }[]) => rows.map((row) => row.id);
    expect(ids((await list()).data)).toContain(kept.id);
    expect(ids((await list()).data)).not.toContain(old.id);
    expect(ids((await list({ archived: "true" })).data)).toEqual([old.id]);
    expect(ids((await list({ archived: "all" })).data)).toEqual(expect.arrayContaining([kept.id, old.id]));
    expect(await getPrompt(old.id)).toMatchObject({ status: "archived" });
    expect(await failure(run(old.id))).toMatchObject({ status: 409, code: "prompt_archived" });
    expect(await failure(run(`${old.slug}@1`))).toMatchObject({ status: 409, code: "prompt_archived" });

    await restorePrompt(old.id);
    expect(ids((await list()).data)).toContain(old.id);
    expect(await getPrompt(old.id)).toMatchObject({ status: "active", archived_at: null });
    await expect(run(old.id)).resolves.toBeTruthy();
  });

  it("refuses to archive a prompt a label points at, unless forced; audits archive and restore", async () => {
    const live = await create("Live");
    await withLabel(live.id);
    expect(await failure(archivePrompt(live.id))).toMatchObject({ status: 409, code: "prompt_in_use", message: expect.stringContaining("production (v1)") });
    await archivePrompt(live.id, { force: true });
    await restorePrompt(live.id);
    const actions = await db.auditLog.findMany({ where: { targetId: live.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(["prompt.archive", "prompt.restore"]));
  });
});
