import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { createDataset } from "@/lib/datasets/datasets";
import { markExperimentCompleted } from "./complete";

describe("an experiment finishing", () => {
  it("is marked completed and queues one experiment.finished event, however many runners finish it", async () => {
    await db.webhookEndpoint.create({ data: { name: "exp", url: "http://127.0.0.1:9/x", secret: "sealed", events: ["experiment.finished"] } });
    const dataset = await createDataset({ name: "finishing" }, null);
    const experiment = await db.experiment.create({
      data: { name: "nightly", datasetId: dataset.id, datasetVersion: 1, status: "running", concurrency: 1, repetitions: 1, targets: [], scorers: [], totalCases: 0 },
    });
    await Promise.all([markExperimentCompleted(experiment.id), markExperimentCompleted(experiment.id)]);
    expect(await db.experiment.findUnique({ where: { id: experiment.id } })).toMatchObject({ status: "completed" });
    const events = await db.webhookEvent.findMany({ where: { type: "experiment.finished" }, include: { deliveries: true } });
    expect(events).toHaveLength(1);
    expect(events[0].payload).toMatchObject({ type: "experiment.finished", data: { experiment: { id: experiment.id, name: "nightly", status: "completed" } } });
    expect(events[0].deliveries).toHaveLength(1);
  });
});
