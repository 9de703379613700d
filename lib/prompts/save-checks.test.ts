import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createPartial } from "@/lib/partials/partials";
import { createPartialSchema } from "@/lib/partials/schemas";
import { createPrompt, getPrompt } from "./prompts";
import { createPromptSchema, updatePromptSchema } from "./schemas";
import { updatePrompt } from "./update";
import { listPromptVersions, publishPromptVersion } from "./versions";

const chat = (...contents: string[]) => JSON.stringify(contents.map((content) => ({ role: "user", content })));
const create = (body: Record<string, unknown>) => createPrompt(createPromptSchema.parse(body));
const update = (ref: string, body: Record<string, unknown>) => updatePrompt(ref, updatePromptSchema.parse(body));

describe("what a save refuses", () => {
  it("refuses a broken Mustache template on create, naming the line and column (400 template_invalid)", async () => {
    await expect(create({ name: "broken", string: "Hello\n{{#items}}\n- {{name}}" })).rejects.toMatchObject({
      status: 400,
      code: "template_invalid",
      param: "string",
      message: 'The template at line 2, column 1: Unclosed section "items": add {{/items}}',
    });
    expect(await db.prompt.count({ where: { name: "broken" } })).toBe(0);
  });

  it("refuses a broken chat message on update, naming the message", async () => {
    const created = await create({ name: "chat ok", string: chat("Hi {{name}}") });
    await expect(update(created.id, { string: chat("fine", "Ask {{topic") })).rejects.toMatchObject({ status: 400, code: "template_invalid", message: expect.stringMatching(/^Message 2 \(user\) at line 1, column 5: Unclosed tag/) });
    // A patch inherits the template: it is checked all the same, and the good one passes.
    await expect(update(created.id, { patch: true, model: "m" })).resolves.toMatchObject({ id: created.id });
  });

  it("refuses an unknown partial, malformed tools and a schema-less response format", async () => {
    await createPartial(createPartialSchema.parse({ name: "known part", string: "k" }));
    await expect(create({ name: "p ok", string: "{{>known-part}}" })).resolves.toMatchObject({ object: "prompt" });
    await expect(create({ name: "p bad", string: "x {{>nope}}" })).rejects.toMatchObject({ status: 400, code: "unknown_partial", message: expect.stringContaining('Partial "nope" does not exist') });
    await expect(create({ name: "t bad", string: "x", tools: [{ type: "function", function: { name: "f", parameters: "object" } }] })).rejects.toMatchObject({ status: 400, code: "tools_invalid", param: "tools[0].function.parameters" });
    await expect(create({ name: "r bad", string: "x", response_format: { type: "json_schema", json_schema: { name: "a" } } })).rejects.toMatchObject({ status: 400, code: "response_format_invalid" });
  });
});

describe("drafts and publishing", () => {
  it("keeps v1 unpublished when asked (publish: false); the API default still publishes", async () => {
    const draft = await create({ name: "draft one", string: "x", publish: false });
    const [v1] = await listPromptVersions(draft.id);
    expect(v1).toMatchObject({ prompt_version: 1, is_published: false });
    expect(await getPrompt(draft.id)).toMatchObject({ prompt_version: 1 }); // served as the latest
    const published = await create({ name: "published one", string: "x" });
    expect((await listPromptVersions(published.id))[0]).toMatchObject({ is_published: true });
  });

  it("refuses to publish a version whose template is broken (saved before the checks, or imported)", async () => {
    const created = await create({ name: "old broken", string: "fine" });
    const v1 = await db.promptVersion.findFirstOrThrow({ where: { promptId: created.id } });
    await db.promptVersion.create({ data: { promptId: created.id, version: 2, templateType: "completion", template: "{{#open}} never closed", parameters: {} } });
    await expect(publishPromptVersion(created.id, { version: 2 })).rejects.toMatchObject({ status: 400, code: "template_invalid", message: expect.stringMatching(/^v2 can't be published: The template at line 1, column 1: Unclosed section "open"/) });
    expect((await db.prompt.findUniqueOrThrow({ where: { id: created.id } })).publishedVersionId).toBe(v1.id);
  });
});
