import { describe, expect, it, vi } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { ApiError } from "@/lib/core/http/errors";
import { createDataset } from "@/lib/datasets/datasets";
import { experimentsIdle } from "@/lib/experiments/runner";
import { labelHistory } from "@/lib/labels/moves";
import { labelHistoryQuerySchema } from "@/lib/labels/schemas";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema, updatePromptSchema } from "@/lib/prompts/schemas";
import { updatePrompt } from "@/lib/prompts/update";
import { setPromptVersionLabel } from "@/lib/prompts/versions";
import { rejection } from "@/tests/fixtures/rejection";
import { gateStatus, setLabelGate } from "./gate";
import { createReleaseRequest, getReleaseRequest, mergeReleaseRequest } from "./requests";
import { labelGateSchema } from "./schemas";

// The engine is not under test: version 2 (the bad candidate) fails every case, others pass.
vi.mock("@/lib/experiments/run-case", async (original) => ({
  ...(await original<typeof import("@/lib/experiments/run-case")>()),
  runCase: async (_experimentId: string, target: { prompt: string }) => {
    const passed = !target.prompt.endsWith("@2");
    return { status: "done", input: null, output: "x", latencyMs: 1, promptTokens: null, completionTokens: null, totalTokens: null, costUsd: null, error: null, scores: [{ name: "exact", score: passed ? 1 : 0, passed, reason: "" }], passed };
  },
}));

const owner: Caller = { kind: "session", userId: "u-owner", email: "owner@x.test", role: "owner" };
const editor: Caller = { kind: "session", userId: "u-editor", email: "editor@x.test", role: "editor" };
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);

async function settled(id: string) {
  await experimentsIdle();
  for (let i = 0; i < 2000; i++) {
    const request = await getReleaseRequest(id);
    if (request.gate && !["pending", "running"].includes(request.gate.status)) return request;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error("the gate never finished");
}

describe("evaluation gate", () => {
  it("is pending while its run is queued or running, then passes at or above the bar only when completed", () => {
    expect(gateStatus("queued", { finished: 0, passed: 0 }, 0.9).status).toBe("pending");
    expect(gateStatus("running", { finished: 2, passed: 2 }, 0.9)).toEqual({ status: "running", passRate: 1 });
    expect(gateStatus("completed", { finished: 10, passed: 9 }, 0.9)).toEqual({ status: "passed", passRate: 0.9 });
    expect(gateStatus("completed", { finished: 10, passed: 8 }, 0.9)).toEqual({ status: "failed", passRate: 0.8 });
    expect(gateStatus("cancelled", { finished: 10, passed: 10 }, 0.9).status).toBe("failed");
  });

  it("blocks a candidate below the bar; an admin overrides with a recorded reason; a good candidate merges", async () => {
    const prompt = await createPrompt(createPromptSchema.parse({ name: "gated", string: chat("v1 {{q}}"), model: "m" }));
    for (const text of ["v2 {{q}}", "v3 {{q}}"]) await updatePrompt(prompt.id, updatePromptSchema.parse({ string: chat(text) }));
    await setPromptVersionLabel(prompt.id, "1", { label_id: "production" }, owner);
    const dataset = await createDataset({ name: "gate set", items: [{ variables: { q: "a" }, expected: "A" }, { variables: { q: "b" }, expected: "B" }] }, null);
    const gate = await setLabelGate(prompt.id, "production", labelGateSchema.parse({ dataset_id: dataset.id, scorers: [{ name: "exact", definition: { type: "exact_match" } }], min_pass_rate: 0.9 }));
    expect(gate.gate).toMatchObject({ dataset_id: dataset.id, min_pass_rate: 0.9 });

    const bad = await createReleaseRequest({ prompt_id: prompt.id, version: 2, label: "production" }, editor);
    expect(bad.gate).toMatchObject({ status: expect.stringMatching(/pending|running/), min_pass_rate: 0.9, experiment_id: expect.any(String) });
    expect(bad.mergeable).toBe(false);
    const failed = await settled(bad.id);
    expect(failed.gate).toMatchObject({ status: "failed", pass_rate: 0, finished: 2, total: 2 });
    expect(failed.blocked_by).toMatch(/evaluation gate.*failed.*0\.9/);

    const refused = await rejection(mergeReleaseRequest(bad.id, {}, editor), ApiError);
    expect([refused.status, refused.code]).toEqual([409, "gate_not_passed"]);
    // Overriding is an admin's: an editor (even a publisher) may not.
    expect((await rejection(mergeReleaseRequest(bad.id, { override_reason: "ship it" }, { ...editor, publisher: true }), ApiError)).status).toBe(403);
    const merged = await mergeReleaseRequest(bad.id, { override_reason: "hotfix, evaluated by hand" }, owner);
    expect(merged).toMatchObject({ status: "merged", gate: { status: "failed", override_reason: "hotfix, evaluated by hand" } });
    const history = await labelHistory(prompt.id, "production", labelHistoryQuerySchema.parse({}));
    expect(history.data[0]).toMatchObject({ via: "release", to_version: 2, reason: "hotfix, evaluated by hand" });

    const good = await createReleaseRequest({ prompt_id: prompt.id, version: 3, label: "production" }, editor);
    expect((await settled(good.id)).gate).toMatchObject({ status: "passed", pass_rate: 1 });
    expect(await mergeReleaseRequest(good.id, {}, editor)).toMatchObject({ status: "merged", gate: { override_reason: null } });
  }, 60_000);

  it("an ungated label's requests carry no gate", async () => {
    const prompt = await createPrompt(createPromptSchema.parse({ name: "ungated", string: chat("v1"), model: "m" }));
    await updatePrompt(prompt.id, updatePromptSchema.parse({ string: chat("v2") }));
    const request = await createReleaseRequest({ prompt_id: prompt.id, version: 2, label: "staging" }, editor);
    expect(request).toMatchObject({ gate: null, mergeable: true });
  });
});
