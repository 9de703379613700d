import { db } from "@/lib/core/db";
import { enqueueEvent } from "@/lib/webhooks/outbox";

/**
 * Marks a running experiment completed and, in the same transaction, queues its
 * experiment.finished webhook event: only the runner whose update took the experiment from
 * running to completed queues it, so two instances finishing together send it once.
 */
export async function markExperimentCompleted(id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const finishedAt = new Date();
    const { count } = await tx.experiment.updateMany({ where: { id, status: "running" }, data: { status: "completed", finishedAt } });
    if (count !== 1) return;
    const experiment = await tx.experiment.findUnique({ where: { id }, select: { name: true, datasetId: true, datasetVersion: true, totalCases: true } });
    await enqueueEvent(tx, "experiment.finished", {
      experiment: { id, name: experiment?.name ?? null, status: "completed", dataset_id: experiment?.datasetId, dataset_version: experiment?.datasetVersion, total_cases: experiment?.totalCases, finished_at: finishedAt.toISOString() },
    });
  });
}
