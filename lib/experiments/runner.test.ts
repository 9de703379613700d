import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/core/db";
import { resetRuntimeSlot } from "@/lib/core/runtime";
import { createDataset } from "@/lib/datasets/datasets";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { cancelExperiment, createExperiment, getExperiment } from "./experiments";
import { EXPERIMENT_RUNNER_SLOT } from "./runner-slot";
import { experimentsIdle, resumeExperiments, stopExperiments } from "./runner";
import { createExperimentSchema } from "./schemas";

// The engine is not under test here: each case "answers" its variables after a turn of the
// event loop, and every call is counted per item and target.
const calls = vi.hoisted(() => [] as string[]);
// When set, a case waits for its call to be aborted (a call in flight at shutdown).
const hold = vi.hoisted(() => ({ on: false }));
// Items whose variables say `block` wait until the test releases them.
const gate = vi.hoisted(() => ({ waiting: [] as (() => void)[] }));
vi.mock("./run-case", async (original) => ({
  ...(await original<typeof import("./run-case")>()),
  runCase: async (_experimentId: string, target: { prompt: string }, item: { variables: { q: string; block?: boolean } }, _scorers: unknown, signal: AbortSignal) => {
    calls.push(`${item.variables.q}|${target.prompt}`);
    if (item.variables.block) await new Promise<void>((resolve) => gate.waiting.push(resolve));
    if (hold.on) {
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      return { status: "errored", input: null, output: null, latencyMs: null, promptTokens: null, completionTokens: null, totalTokens: null, error: "aborted", scores: null, passed: null };
    }
    await new Promise((resolve) => setImmediate(resolve));
    return { status: "done", input: null, output: item.variables.q, latencyMs: 1, promptTokens: null, completionTokens: null, totalTokens: null, error: null, scores: [], passed: true };
  },
}));

afterEach(async () => {
  await experimentsIdle();
  calls.length = 0;
});

async function setUp(items: number) {
  const prompt = await createPrompt(createPromptSchema.parse({ name: `p ${Math.random()}`, string: "{{q}}", parameters: {} }));
  const dataset = await createDataset({ name: `d ${Math.random()}`, items: Array.from({ length: items }, (_, i) => ({ variables: { q: `q${i}` } })) }, null);
  return { prompt: prompt.id as string, dataset: dataset.id };
}

describe("experiment runner", () => {
  it("two runners on one experiment (as two instances would be) never run a case twice", async () => {
    const { prompt, dataset } = await setUp(20);
    const created = await createExperiment(createExperimentSchema.parse({ dataset_id: dataset, targets: [{ prompt }, { prompt: `${prompt}@latest` }], concurrency: 4 }), null);
    // Forget this process's runner: the next start builds a second one racing the first.
    resetRuntimeSlot(EXPERIMENT_RUNNER_SLOT);
    await resumeExperiments();
    await experimentsIdle();
    for (let i = 0; i < 100 && (await getExperiment(created.id)).status !== "completed"; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const done = await getExperiment(created.id);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({ total: 40, done: 40, pending: 0, running: 0 });
    expect(calls).toHaveLength(40);
    expect(new Set(calls).size).toBe(40);
    // 40 cases on two racing runners: a generous budget for a loaded machine, not a speed check.
  }, 30_000);

  it("a case left running by a dead process (its lease ran out) runs again, and only that one", async () => {
    const { prompt, dataset } = await setUp(2);
    const created = await createExperiment(createExperimentSchema.parse({ dataset_id: dataset, targets: [{ prompt }], concurrency: 1 }), null);
    await experimentsIdle();
    // As if the process died mid-call: both cases back to running, one lease expired.
    const cases = await db.experimentCase.findMany({ where: { experimentId: created.id }, orderBy: { position: "asc" } });
    await db.experiment.update({ where: { id: created.id }, data: { status: "running", finishedAt: null } });
    await db.experimentCase.update({ where: { id: cases[0].id }, data: { status: "running", leaseUntil: new Date(Date.now() - 1000), output: null } });
    calls.length = 0;
    await resumeExperiments();
    await experimentsIdle();
    expect(calls).toEqual([`q0|${prompt}`]);
    const again = await db.experimentCase.findUniqueOrThrow({ where: { id: cases[0].id } });
    expect(again).toMatchObject({ status: "done", attempts: 2, output: "q0" });
    expect((await getExperiment(created.id)).status).toBe("completed");
  });

  it("repetitions: every item runs that many times per target, each a case of its own", async () => {
    const { prompt, dataset } = await setUp(2);
    const created = await createExperiment(createExperimentSchema.parse({ dataset_id: dataset, targets: [{ prompt }], repetitions: 3 }), null);
    await experimentsIdle();
    expect((await getExperiment(created.id)).progress).toMatchObject({ total: 6, done: 6 });
    expect(calls.sort()).toEqual([...Array(3).fill(`q0|${prompt}`), ...Array(3).fill(`q1|${prompt}`)]);
    const cases = await db.experimentCase.findMany({ where: { experimentId: created.id }, orderBy: [{ position: "asc" }, { repetition: "asc" }] });
    expect(cases.map((c) => c.repetition)).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it("at shutdown the calls in flight are aborted and their cases go back to pending for the next start", async () => {
    const { prompt, dataset } = await setUp(3);
    hold.on = true;
    try {
      const created = await createExperiment(createExperimentSchema.parse({ dataset_id: dataset, targets: [{ prompt }], concurrency: 2 }), null);
      while (calls.length < 2) await new Promise((resolve) => setImmediate(resolve));
      await stopExperiments();
      const stopped = await getExperiment(created.id);
      expect(stopped.status).toBe("running");
      expect(stopped.progress).toMatchObject({ total: 3, pending: 3, running: 0, done: 0, errored: 0 });
    } finally {
      hold.on = false;
    }
    calls.length = 0;
    await resumeExperiments();
    await experimentsIdle();
    expect(calls).toHaveLength(3);
  });

  it("cancel: no call starts after it, finished cases are kept, claimed cases not started go back to pending", async () => {
    const prompt = (await createPrompt(createPromptSchema.parse({ name: `p ${Math.random()}`, string: "{{q}}", parameters: {} }))).id as string;
    const variables = [{ q: "q0", block: true }, { q: "q1" }, { q: "q2", block: true }, { q: "q3" }, { q: "q4" }, { q: "q5" }];
    const dataset = await createDataset({ name: `d ${Math.random()}`, items: variables.map((v) => ({ variables: v })) }, null);
    // Two workers, claims of two: q0 blocks, q1 ends, q2 (the next claim) blocks with q3 claimed behind it.
    const created = await createExperiment(createExperimentSchema.parse({ dataset_id: dataset.id, targets: [{ prompt }], concurrency: 2 }), null);
    while (calls.length < 3) await new Promise((resolve) => setTimeout(resolve, 5));
    await cancelExperiment(created.id);
    // The runner reads the status four times a second (a wait for it, generous for a loaded
    // machine, not a speed check); the calls in flight then finish.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    for (const release of gate.waiting.splice(0)) release();
    await experimentsIdle();
    expect(calls.map((c) => c.split("|")[0])).toEqual(["q0", "q1", "q2"]);
    const cases = await db.experimentCase.findMany({ where: { experimentId: created.id }, orderBy: { position: "asc" } });
    expect(cases.map((c) => c.status)).toEqual(["done", "done", "done", "pending", "pending", "pending"]);
    expect(cases.map((c) => c.attempts)).toEqual([1, 1, 1, 0, 0, 0]);
    expect(cases[3]).toMatchObject({ claimToken: null, leaseUntil: null });
    expect((await getExperiment(created.id)).status).toBe("cancelled");
  });
});
