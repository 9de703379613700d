import { describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/http/errors";
import { prepareCall } from "@/lib/completions/prepare";
import { completionRequestSchema } from "@/lib/completions/request-schema";
import { runAccessOf } from "@/lib/completions/run-access";
import { SPLIT_KEY_HEADER } from "@/lib/completions/split-key";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema, updatePromptSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";
import { listPromptVersions, setPromptVersionLabel } from "@/lib/prompts/versions";
import { rejection } from "@/tests/fixtures/rejection";
import { labelHistory, rollbackLabel } from "./moves";
import { labelHistoryQuerySchema } from "./schemas";
import { abortLabelSplit, promoteLabelSplit, setLabelSplit } from "./splits";

const owner: Caller = { kind: "session", userId: "u-owner", email: "owner@x.test", role: "owner" };
const editor: Caller = { kind: "session", userId: "u-editor", email: "editor@x.test", role: "editor" };
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);
const anyone = runAccessOf(null);
const body = completionRequestSchema.parse({ variables: {} });

async function twoVersions(name: string) {
  const prompt = await createPrompt(createPromptSchema.parse({ name, string: chat("baseline"), model: "m" }));
  await updatePrompt(prompt.id, updatePromptSchema.parse({ string: chat("candidate") }));
  return prompt.id as string;
}

/** The version number serving a request with these headers, through the engine's first half. */
async function served(ref: string, headers: Record<string, string>, traceId?: string): Promise<number> {
  return (await prepareCall(ref, body, new Headers(headers), anyone, traceId)).resolved.version.number;
}

const history = async (id: string, label: string) => labelHistory(id, label, labelHistoryQuerySchema.parse({}));

describe("canary splits", () => {
  it("serves the candidate to its share of callers, the same arm per split key, and logs it as the label's", async () => {
    const id = await twoVersions("split share");
    await setPromptVersionLabel(id, "1", { label_id: "staging" }, owner);
    expect(await setLabelSplit(id, "staging", { candidate_version: 2, weight: 10 }, owner)).toMatchObject({ version: 1, split: { candidate_version: 2, weight: 10 } });

    let candidate = 0;
    for (let i = 0; i < 4000; i++) if ((await served(`${id}@staging`, {}, `trace-${i}`)) === 2) candidate++;
    expect(candidate / 4000).toBeGreaterThan(0.08);
    expect(candidate / 4000).toBeLessThan(0.12);

    for (const key of ["alice", "bob", "carol", "dave", "erin"]) {
      const first = await served(`${id}@staging`, { [SPLIT_KEY_HEADER]: key }, "t-a");
      for (let i = 0; i < 20; i++) expect(await served(`${id}@staging`, { [SPLIT_KEY_HEADER]: key }, `t-${i}`)).toBe(first);
    }
    // Without a split key, Portkey's `_user` metadata keeps a user on one arm.
    const user = { "x-portkey-metadata": JSON.stringify({ _user: "u-42" }) };
    const arm = await served(`${id}@staging`, user, "x");
    for (let i = 0; i < 20; i++) expect(await served(`${id}@staging`, user, `y-${i}`)).toBe(arm);

    // The arm's version, under the label's name: what the log row records.
    const call = await prepareCall(`${id}@staging`, body, new Headers(), anyone, "t-1");
    expect(call.resolved.label).toBe("staging");
    // Only addressing the label splits: a pinned version or the published one does not.
    for (let i = 0; i < 50; i++) expect(await served(`${id}@1`, {}, `p-${i}`)).toBe(1);
  }, 60_000);

  it("promote moves the label to the candidate, abort back to the baseline; each is in the history", async () => {
    const id = await twoVersions("split promote");
    await setPromptVersionLabel(id, "1", { label_id: "staging" }, owner);
    await setLabelSplit(id, "staging", { candidate_version: 2, weight: 50 }, owner);
    await setLabelSplit(id, "staging", { candidate_version: 2, weight: 60 }, owner);
    const listed = await listPromptVersions(id);
    const v1 = listed.find((v) => v.prompt_version === 1)!;
    expect(v1.labels).toEqual([{ id: expect.any(String), name: "staging", split: { candidate_version_id: listed.find((v) => v.prompt_version === 2)!.id, weight: 60 } }]);

    expect(await abortLabelSplit(id, "staging", owner)).toMatchObject({ version: 1, split: null });
    for (let i = 0; i < 30; i++) expect(await served(`${id}@staging`, {}, `a-${i}`)).toBe(1);
    await setLabelSplit(id, "staging", { candidate_version: 2, weight: 5 }, owner);
    expect(await promoteLabelSplit(id, "staging", owner)).toMatchObject({ version: 2, split: null });
    for (let i = 0; i < 30; i++) expect(await served(`${id}@staging`, {}, `b-${i}`)).toBe(2);

    const moves = (await history(id, "staging")).data.map((m) => [m.via, m.from_version, m.to_version, m.weight]);
    expect(moves).toEqual([
      ["promote", 1, 2, null],
      ["split", 1, 2, 5],
      ["abort", 2, 1, null],
      ["split", 1, 2, 60],
      ["split", 1, 2, 50],
      ["direct", null, 1, null],
    ]);
    expect((await rejection(abortLabelSplit(id, "staging", owner), ApiError)).code).toBe("no_split");

    // Each split change is audited (and maps to the label.moved webhook event); promote is a move.
    const audited = (await db.auditLog.findMany({ where: { action: { in: ["label.split", "label.move"] } }, orderBy: { createdAt: "asc" } }))
      .filter((row) => (row.after as { prompt_id?: string }).prompt_id === id)
      .map((row) => [row.action, (row.after as { candidate_version?: number | null }).candidate_version ?? null, (row.after as { weight?: number | null }).weight ?? null]);
    expect(audited).toEqual([
      ["label.move", null, null],
      ["label.split", 2, 50],
      ["label.split", 2, 60],
      ["label.split", null, null],
      ["label.split", 2, 5],
      ["label.move", null, null],
    ]);
  });

  it("a direct move or a rollback ends a canary", async () => {
    const id = await twoVersions("split rollback");
    await setPromptVersionLabel(id, "1", { label_id: "staging" }, owner);
    await setLabelSplit(id, "staging", { candidate_version: 2, weight: 50 }, owner);
    await rollbackLabel(id, "staging", owner);
    expect((await history(id, "staging")).split).toBeNull();
    for (let i = 0; i < 30; i++) expect(await served(`${id}@staging`, {}, `r-${i}`)).toBe(1);
  });

  it("a protected label's split needs the publish permission; a split needs a baseline and another version", async () => {
    const id = await twoVersions("split protected");
    await setPromptVersionLabel(id, "1", { label_id: "production" }, owner);
    const refused = await rejection(setLabelSplit(id, "production", { candidate_version: 2, weight: 10 }, editor), ApiError);
    expect([refused.status, refused.code]).toEqual([403, "label_protected"]);
    expect((await rejection(setLabelSplit(id, "development", { candidate_version: 2, weight: 10 }, owner), ApiError)).code).toBe("label_not_set");
    expect((await rejection(setLabelSplit(id, "production", { candidate_version: 1, weight: 10 }, owner), ApiError)).code).toBe("candidate_is_baseline");
    await setLabelSplit(id, "production", { candidate_version: 2, weight: 10 }, owner);
    expect((await rejection(promoteLabelSplit(id, "production", editor), ApiError)).status).toBe(403);
  });
});
