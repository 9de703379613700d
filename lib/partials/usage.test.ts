import { describe, expect, it } from "vitest";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema, updatePromptSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";
import { loadPartialTemplate } from "./loader";
import { createPartial, deletePartial, getPartial, getPartialUsage } from "./partials";
import { createPartialSchema } from "./schemas";
import { promptsUsingPartial } from "./usage";

const partial = (name: string) => createPartial(createPartialSchema.parse({ name, string: `${name} text` }));
const prompt = (name: string, string: string, template_type = "completion") =>
  createPrompt(createPromptSchema.parse({ name, string, template_metadata: { template_type } }));
const chat = (text: string) => JSON.stringify([{ role: "system", content: "Be brief." }, { role: "user", content: text }]);

describe("which prompts use a partial", () => {
  it("finds plain, pinned, id and chat references in published or latest versions only", async () => {
    const tone = await partial("tone");
    const plain = await prompt("plain", "{{>tone}} and more");
    const pinned = await prompt("pinned", "{{> tone@1 }}");
    const byId = await prompt("by id", `{{>${tone.id}}}`);
    const inChat = await prompt("in chat", chat("Hi {{#x}}{{>tone}}{{/x}}"), "chat");
    await partial("tone-2");
    await prompt("lookalike", "tone {{>tone-2}} {{tone}}");
    // v1 is still published after a save: it counts although the latest dropped the partial.
    const moved = await prompt("moved", "{{>tone}}");
    await updatePrompt(moved.id, updatePromptSchema.parse({ string: "no partial" }));
    // Only v2 uses it, and v2 is neither published (v1 is) nor the latest (v3 is).
    const past = await prompt("past", "none");
    await updatePrompt(past.id, updatePromptSchema.parse({ string: "{{>tone}}" }));
    await updatePrompt(past.id, updatePromptSchema.parse({ string: "none again" }));
    const users = await promptsUsingPartial(tone);
    expect(users).toEqual([plain.slug, pinned.slug, byId.slug, inChat.slug, moved.slug].sort());
  });

  it("follows partials included by other partials, through several levels and cycles", async () => {
    const inner = await partial("inner");
    const middle = await createPartial(createPartialSchema.parse({ name: "middle", string: "m {{>inner}}" }));
    await createPartial(createPartialSchema.parse({ name: "outer", string: "o {{>middle}} {{>outer}}" }));
    const direct = await prompt("direct", "{{>inner}}");
    const viaMiddle = await prompt("via middle", "{{>middle}}");
    const viaOuter = await prompt("via outer", `{{>outer}}`);
    await prompt("unrelated", "nothing");
    expect(await promptsUsingPartial(inner)).toEqual([direct.slug, viaMiddle.slug, viaOuter.slug].sort());
    expect(await promptsUsingPartial(middle)).toEqual([viaMiddle.slug, viaOuter.slug].sort());
  });

  it("says how each prompt reaches the partial: directly, or through the shortest chain of partials", async () => {
    const base = await partial("base");
    await createPartial(createPartialSchema.parse({ name: "wrapper", string: "w {{>base}}" }));
    await createPartial(createPartialSchema.parse({ name: "shell", string: "s {{>wrapper}}" }));
    const direct = await prompt("direct user", "{{>base}} {{>shell}}");
    const nested = await prompt("nested user", "{{>shell}}");
    const usage = await getPartialUsage(base.slug);
    expect(usage.prompts.map((p) => [p.slug, p.via])).toEqual(
      [
        [direct.slug, []],
        [nested.slug, ["shell", "wrapper"]],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(usage.prompts.find((p) => p.slug === nested.slug)).toMatchObject({ name: "nested user", archived: false });
    expect(usage.partials.map((p) => [p.slug, p.via])).toEqual([
      ["shell", ["wrapper"]],
      ["wrapper", []],
    ]);
  });

  it("refuses the delete with a 409 naming up to 5 prompts, unless forced", async () => {
    const shared = await partial("shared");
    const slugs: string[] = [];
    for (let i = 0; i < 7; i++) slugs.push((await prompt(`user ${i}`, "{{>shared}}")).slug);
    const refused = await deletePartial(shared.slug).catch((error: { status: number; code: string; message: string }) => error);
    expect(refused).toMatchObject({ status: 409, code: "partial_in_use" });
    const message = (refused as { message: string }).message;
    expect(message).toContain("and 2 more");
    expect(slugs.filter((slug) => message.includes(slug))).toHaveLength(5);
    expect(await getPartial(shared.id)).toMatchObject({ slug: "shared" });
    expect(await deletePartial(shared.slug, { force: true })).toEqual({});
    await expect(getPartial(shared.id)).rejects.toMatchObject({ status: 404 });
  });

  it("deletes an unused partial without force", async () => {
    const lonely = await partial("lonely");
    await prompt("mentions", "lonely is a word, {{lonely}} a variable");
    expect(await deletePartial(lonely.id)).toEqual({});
  });
});

describe("pinned partial versions", () => {
  it("treats a pin past the Int range as a missing version, not a query error", async () => {
    await partial("pinned-huge");
    expect(await loadPartialTemplate({ slug: "pinned-huge", version: 1e20 })).toBeNull();
    expect(await loadPartialTemplate({ slug: "pinned-huge", version: 1 })).toBe("pinned-huge text");
  });
});
