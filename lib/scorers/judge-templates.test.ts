import { describe, expect, it } from "vitest";
import { createCollection } from "@/lib/collections/collections";
import { db } from "@/lib/core/db";
import { getPrompt } from "@/lib/prompts/prompts";
import { listScorers } from "./scorers";
import { createJudgeFromTemplate, listJudgeTemplates } from "./judge-templates";
import { judgeFromTemplateSchema, listScorersQuerySchema } from "./schemas";

describe("judge templates", () => {
  it("lists the correctness and rubric judges", () => {
    expect(listJudgeTemplates().data.map((t) => t.id)).toEqual(["correctness", "rubric"]);
  });

  it.each(["correctness", "rubric"] as const)("%s: one call makes the judge prompt in the folder and a saved scorer using it", async (template) => {
    const folder = await createCollection({ name: `Judges ${template} ${Math.random()}` });
    const made = await createJudgeFromTemplate(judgeFromTemplateSchema.parse({ template, collection_id: folder.id, model: "gpt-4o-mini" }), null);
    const prompt = await getPrompt(made.prompt.id);
    expect(prompt.collection_id).toBe(folder.id);
    const messages = JSON.parse(prompt.string) as { role: string; content: string }[];
    const text = messages.map((m) => m.content).join("\n");
    // What a judge is given, and the answer lib/scorers/judge.ts reads.
    for (const variable of ["{{input}}", "{{output}}", "{{expected}}"]) expect(text).toContain(variable);
    expect(text).toContain('{"score"');
    expect(made.scorer).toMatchObject({ collection_id: folder.id, definition: { type: "llm_judge", prompt: made.prompt.id } });
    const saved = await listScorers(listScorersQuerySchema.parse({ collection_id: folder.id }));
    expect(saved.data.map((s) => s.id)).toEqual([made.scorer.id]);
  });

  it("a name already taken by a scorer in the folder is refused and leaves no prompt behind", async () => {
    const folder = await createCollection({ name: `Judges taken ${Math.random()}` });
    const input = judgeFromTemplateSchema.parse({ template: "rubric", name: "Same name", collection_id: folder.id, model: "gpt-4o-mini" });
    await createJudgeFromTemplate(input, null);
    await expect(createJudgeFromTemplate(input, null)).rejects.toMatchObject({ status: 409 });
    expect(await db.prompt.count({ where: { name: "Same name", collectionId: folder.id } })).toBe(1);
  });
});
