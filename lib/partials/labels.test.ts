import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { listAuditLogs } from "@/lib/audit/query";
import { auditQuerySchema } from "@/lib/audit/schemas";
import { ApiError } from "@/lib/core/http/errors";
import { cached } from "@/lib/prompts/cache";
import { assertSavable } from "@/lib/prompts/save-checks";
import { listPartialRefs, parsePartialTag, renderTemplate } from "@/lib/templates";
import { removePartialLabel, setPartialLabel } from "./labels";
import { loadPartialTemplate } from "./loader";
import { createPartial, getPartial, listPartialVersions, updatePartial } from "./partials";
import { createPartialSchema } from "./schemas";
import { partialUsage } from "./usage";

const owner: Caller = { kind: "session", userId: "u-owner", email: "owner@x.test", role: "owner" };
const editor: Caller = { kind: "session", userId: "u-editor", email: "editor@x.test", role: "editor" };

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error("expected a rejection");
};

async function twoVersions(name: string) {
  const created = await createPartial(createPartialSchema.parse({ name, string: "one {{x}}" }));
  await updatePartial(created.id, { string: "two {{x}}" });
  return created;
}

const render = async (template: string) => (await renderTemplate("completion", template, { x: "!" }, loadPartialTemplate)) as unknown;

describe("partial labels", () => {
  it("parses @label as a label and @N as a version", () => {
    expect(parsePartialTag("tone@staging")).toMatchObject({ slug: "tone", version: null, label: "staging" });
    expect(parsePartialTag("tone@3")).toMatchObject({ slug: "tone", version: 3 });
    expect(parsePartialTag("tone@3").label).toBeUndefined();
    expect(listPartialRefs("{{>a@prod-1}} {{>b}}").map((r) => [r.slug, r.label])).toEqual([["a", "prod-1"], ["b", undefined]]);
  });

  it("{{>slug@label}} renders the labelled version; a move shows at once despite the cache; a removal makes it unknown", async () => {
    await cached("prime", async () => ({})); // the cache reads through until its bus listens
    const { slug } = await twoVersions("labelled");
    await setPartialLabel(slug, "staging", { version: 1 }, owner);
    expect(JSON.stringify(await render(`{{>${slug}@staging}}`))).toContain("one !");
    expect(await loadPartialTemplate({ slug, version: null, label: "staging" })).toBe("one {{x}}");
    await setPartialLabel(slug, "staging", { version: 2 }, owner);
    expect(await loadPartialTemplate({ slug, version: null, label: "staging" })).toBe("two {{x}}");
    expect(JSON.stringify(await render(`{{>${slug}@staging}}`))).toContain("two !");
    // The published version and a pinned one are separate cache entries.
    expect(await loadPartialTemplate({ slug, version: null })).toBe("one {{x}}");
    await removePartialLabel(slug, "staging", owner);
    expect(await loadPartialTemplate({ slug, version: null, label: "staging" })).toBeNull();
    expect((await rejection(render(`{{>${slug}@staging}}`))).message).toContain("Unknown partial");
    expect((await rejection(removePartialLabel(slug, "staging", owner))).status).toBe(404);
  });

  it("versions and the partial answer their labels", async () => {
    const { slug } = await twoVersions("listed");
    await setPartialLabel(slug, "staging", { version: 2 }, owner);
    await setPartialLabel(slug, "development", { version: 2 }, owner);
    expect((await listPartialVersions(slug)).map((v) => [v.version, v.labels])).toEqual([
      [2, ["development", "staging"]],
      [1, []],
    ]);
    expect(await getPartial(slug)).toMatchObject({ version: 1, labels: [], version_labels: [{ version: 2, labels: ["development", "staging"] }] });
    expect((await rejection(setPartialLabel(slug, "staging", { version: 9 }, owner))).status).toBe(404);
    expect((await rejection(setPartialLabel(slug, "no-such-label", { version: 1 }, owner))).status).toBe(404);
  });

  it("a protected label moves only with the publish permission", async () => {
    const { slug } = await twoVersions("guarded");
    const refused = await rejection(setPartialLabel(slug, "production", { version: 1 }, editor));
    expect([refused.status, refused.code]).toEqual([403, "label_protected"]);
    await setPartialLabel(slug, "production", { version: 1 }, owner);
    expect((await rejection(removePartialLabel(slug, "production", editor))).status).toBe(403);
    // Each move is audited as partial.label (and so a partial.changed webhook event).
    const audited = await listAuditLogs(auditQuerySchema.parse({ action: "partial.label" }));
    expect(audited.data.map((row) => row.after)).toContainEqual({ label: "production", version: 1 });
  });

  it("save checks and usage understand {{>slug@label}}", async () => {
    const { slug, id } = await twoVersions("checked");
    const fields = { templateType: "completion" as const, string: `{{>${slug}@staging}}`, tools: null, responseFormat: null };
    const unknown = await rejection(assertSavable(fields));
    expect(unknown.message).toContain(`no label "staging"`);
    await setPartialLabel(slug, "staging", { version: 1 }, owner);
    await expect(assertSavable(fields)).resolves.toBeUndefined();
    // A partial including it by label counts as a user.
    const parent = await createPartial(createPartialSchema.parse({ name: "parent", string: `{{>${slug}@staging}}` }));
    expect((await partialUsage({ id, slug })).partials.map((p) => p.slug)).toEqual([parent.slug]);
  });
});
