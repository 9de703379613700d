import { afterEach, describe, expect, it, vi } from "vitest";
import { createDataset } from "@/lib/datasets/datasets";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { createExperiment, getExperiment, listExperiments } from "./experiments";
import { experimentsIdle } from "./runner";
import { createExperimentSchema, listExperimentsQuerySchema } from "./schemas";

// No engine: a case passes when its variable `q` is "yes", so pass rates are known.
vi.mock("./run-case", async (original) => ({
  ...(await original<typeof import("./run-case")>()),
  runCase: async (_experimentId: string, _target: unknown, item: { variables: { q: string } }) => ({
    status: "done",
    input: null,
    output: item.variables.q,
    latencyMs: 1,
    promptTokens: null,
    completionTokens: null,
    totalTokens: null,
    error: null,
    scores: [],
    passed: item.variables.q === "yes",
  }),
}));

afterEach(() => experimentsIdle());

async function finish(id: string) {
  for (let i = 0; i < 200 && (await getExperiment(id)).status !== "completed"; i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe("listing experiments", () => {
  it("filters by a prompt however its targets name it, and gives each target's pass rate", async () => {
    const mine = await createPrompt(createPromptSchema.parse({ name: `mine ${Math.random()}`, string: "{{q}}", parameters: {} }));
    const other = await createPrompt(createPromptSchema.parse({ name: `other ${Math.random()}`, string: "{{q}}", parameters: {} }));
    const dataset = await createDataset({ name: `d ${Math.random()}`, items: [{ variables: { q: "yes" } }, { variables: { q: "no" } }] }, null);
    const run = (targets: { prompt: string }[]) => createExperiment(createExperimentSchema.parse({ dataset_id: dataset.id, targets }), null);
    const byId = await run([{ prompt: `${mine.id}@1` }]);
    const bySlug = await run([{ prompt: other.id }, { prompt: mine.slug }]);
    const elsewhere = await run([{ prompt: other.id }]);
    for (const e of [byId, bySlug, elsewhere]) await finish(e.id);

    const listed = await listExperiments(listExperimentsQuerySchema.parse({ prompt_id: mine.id }));
    expect(listed.total).toBe(2);
    expect(listed.data.map((e) => e.id).sort()).toEqual([byId.id, bySlug.id].sort());
    expect(listed.data.find((e) => e.id === byId.id)!.target_stats).toEqual([{ target: 0, finished: 2, passed: 1, pass_rate: 0.5 }]);
    expect(listed.data.find((e) => e.id === bySlug.id)!.target_stats).toHaveLength(2);
    expect((await listExperiments(listExperimentsQuerySchema.parse({ prompt_id: mine.slug }))).total).toBe(2);
    expect((await listExperiments(listExperimentsQuerySchema.parse({}))).total).toBe(3);
  });
});
