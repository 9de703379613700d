import { beforeEach, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { createCollection } from "@/lib/collections/collections";
import { createCollectionSchema } from "@/lib/collections/schemas";
import { db } from "@/lib/core/db";
import { createLabel } from "@/lib/labels/labels";
import { createLabelSchema } from "@/lib/labels/schemas";
import { setPartialLabel } from "@/lib/partials/labels";
import { createPartial } from "@/lib/partials/partials";
import { createVariableSet } from "@/lib/playground/variable-sets";
import { archivePrompt } from "@/lib/prompts/manage";
import { createPartialSchema } from "@/lib/partials/schemas";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema, updatePromptSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";
import { setPromptVersionLabel } from "@/lib/prompts/versions";
import { exportBundle } from "./export";
import { importBundle } from "./import";
import { bundleSchema, type Bundle } from "./schemas";

const admin: Caller = { kind: "api_key", apiKeyId: "k1", scope: "admin", userId: null, rateLimitPerMinute: null };
const editor: Caller = { kind: "session", userId: "u-editor", email: "editor@x.test", role: "editor" };
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);

async function exported(collection?: string): Promise<Bundle> {
  const response = await exportBundle({ collection_id: collection });
  expect(response.headers.get("content-type")).toContain("application/json");
  return bundleSchema.parse(JSON.parse(await response.text()));
}

async function seed() {
  const team = await createCollection(createCollectionSchema.parse({ name: "Team" }));
  const sub = await createCollection(createCollectionSchema.parse({ name: "Sub", parent_collection_id: team.id }));
  await createPartial(createPartialSchema.parse({ name: "Tone", string: "Be kind." }));
  const prompt = await createPrompt(createPromptSchema.parse({ name: "Reply", slug: "reply", string: chat("{{>tone}} {{q}}"), collection_id: sub.id, model: "gpt-4o-mini", parameters: { temperature: 0.2 } }));
  await updatePrompt(prompt.id, updatePromptSchema.parse({ string: chat("{{>tone}} Answer: {{q}}"), tools: [{ type: "function", function: { name: "f" } }] }));
  await createLabel(createLabelSchema.parse({ name: "canary" }));
  await setPromptVersionLabel(prompt.id, "2", { label_id: "canary" }, admin);
  await setPromptVersionLabel(prompt.id, "1", { label_id: "production" }, admin);
  const other = await createPrompt(createPromptSchema.parse({ name: "Other", string: "plain {{x}}" }));
  return { team, sub, prompt, other };
}

describe("bundles", () => {
  // One database per file: each case starts from an empty workspace.
  beforeEach(async () => {
    await db.prompt.deleteMany({});
    await db.partial.deleteMany({});
    await db.collection.deleteMany({ where: { parentId: { not: null } } });
    await db.collection.deleteMany({ where: { isDefault: false } });
    await db.label.deleteMany({ where: { isSystem: false } });
  });

  it("export a folder with its history, labels, ancestors and the partials its prompts include; import again skips all", async () => {
    const { team } = await seed();
    const bundle = await exported(team.slug);
    expect(bundle.collections.map((c) => c.path)).toEqual(["team", "team/sub"]);
    expect(bundle.prompts.map((p) => p.slug)).toEqual(["reply"]);
    expect(bundle.prompts[0]).toMatchObject({ collection: "team/sub", published_version: 1, labels: { canary: 2, production: 1 } });
    expect(bundle.prompts[0].versions.map((v) => v.version)).toEqual([1, 2]);
    expect(bundle.prompts[0].versions[1]).toMatchObject({ template_type: "chat", model: "gpt-4o-mini", parameters: { temperature: 0.2 }, tools: [{ type: "function", function: { name: "f" } }] });
    expect(bundle.partials.map((p) => p.slug)).toEqual(["tone"]);
    expect(bundle.labels.map((l) => l.name)).toEqual(["canary", "production"]);

    const again = await importBundle(bundle, admin);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    expect(again.skipped).toMatchObject({ collections: 2, labels: 2, partials: 1, partial_versions: 1, prompts: 1, versions: 2, label_assignments: 2 });
    expect(again.conflicts).toEqual([]);
  });

  it("recreate what is missing with its numbers, dates and labels, and report what differs as conflicts", async () => {
    const { prompt } = await seed();
    const bundle = await exported();
    expect(bundle.prompts).toHaveLength(2);
    await db.prompt.delete({ where: { id: prompt.id } });
    await db.collection.delete({ where: { slug: "sub" } });
    const report = await importBundle(bundle, admin);
    expect(report.created).toMatchObject({ collections: 1, prompts: 1, versions: 2, label_assignments: 2 });
    expect(report.conflicts).toEqual([]);
    const back = await exported();
    expect(back.prompts).toEqual(bundle.prompts);
    expect(back.collections).toEqual(bundle.collections);

    // Version 2 differs here, and canary points elsewhere: both left alone and reported.
    const changed = structuredClone(bundle);
    const reply = changed.prompts.find((p) => p.slug === "reply")!;
    reply.versions[1].string = chat("changed");
    reply.labels.canary = 1;
    reply.versions.push({ ...reply.versions[1], version: 3, string: chat("three") });
    const second = await importBundle(bundleSchema.parse(changed), admin);
    expect(second.created).toMatchObject({ versions: 1, prompts: 0 });
    expect(second.conflicts.map((c) => `${c.kind} ${c.ref}`).sort()).toEqual(["label reply@canary", "version reply@2"]);
  });

  it("leave a protected label alone for a caller who may not publish, and refuse an invalid template before writing", async () => {
    await seed();
    const bundle = await exported();
    await db.prompt.deleteMany({});
    const report = await importBundle(bundle, editor);
    expect(report.created.prompts).toBe(2);
    expect(report.conflicts).toEqual([expect.objectContaining({ kind: "label", ref: "reply@production", message: expect.stringContaining("protected") })]);
    expect(report.created.label_assignments).toBe(1);

    await db.prompt.deleteMany({});
    const broken = structuredClone(bundle);
    broken.prompts[1].versions[0].string = "[not json";
    await expect(importBundle(bundleSchema.parse(broken), admin)).rejects.toMatchObject({ status: 400 });
    expect(await db.prompt.count()).toBe(0);
  });

  it("carry a prompt's variable sets and archived state and a partial's labels; a set of the same name with other values is a conflict", async () => {
    const { prompt, other } = await seed();
    await createVariableSet(prompt.id, { name: "VIP", variables: { q: "Where is my order?" } });
    await archivePrompt(other.id);
    await setPartialLabel("tone", "staging", { version: 1 }, admin);
    const bundle = await exported();
    const reply = () => bundle.prompts.find((p) => p.slug === "reply")!;
    expect(reply().variable_sets).toEqual([{ name: "VIP", variables: { q: "Where is my order?" } }]);
    expect(bundle.prompts.map((p) => [p.slug, p.archived])).toEqual([[other.slug, true], ["reply", false]].sort());
    expect(bundle.partials[0].labels).toEqual({ staging: 1 });

    await db.prompt.deleteMany({});
    await db.partial.deleteMany({});
    const report = await importBundle(bundle, admin);
    expect(report.created).toMatchObject({ prompts: 2, variable_sets: 1, partial_label_assignments: 1 });
    expect(report.conflicts).toEqual([]);
    const back = await exported();
    expect(back.prompts).toEqual(bundle.prompts);
    expect(back.partials).toEqual(bundle.partials);

    const changed = structuredClone(bundle);
    changed.prompts.find((p) => p.slug === "reply")!.variable_sets[0].variables.q = "changed";
    changed.partials[0].labels.staging = 2;
    const second = await importBundle(bundleSchema.parse(changed), admin);
    expect(second.conflicts.map((c) => `${c.kind} ${c.ref}`).sort()).toEqual(["partial_label tone@staging", "variable_set reply/VIP"]);
    expect((await exported()).prompts).toEqual(bundle.prompts);
  });

  it("refuses repeated version numbers and unsafe slugs", () => {
    const base = { format: "promptly-bundle", format_version: 1 };
    const version = { version: 1, template_type: "completion", string: "x" };
    expect(bundleSchema.safeParse({ ...base, prompts: [{ slug: "a", name: "A", collection: "default", versions: [version, version] }] }).success).toBe(false);
    expect(bundleSchema.safeParse({ ...base, prompts: [{ slug: "../a", name: "A", collection: "default", versions: [version] }] }).success).toBe(false);
    expect(bundleSchema.safeParse({ ...base, prompts: [{ slug: "a", name: "A", collection: "default", versions: [version] }] }).success).toBe(true);
  });
});
