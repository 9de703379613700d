import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { rawSqlite } from "@/lib/core/db/raw-sqlite";
import { writeCaseResult, writeCaseResultWithPrisma } from "./case-results";
import type { CaseResult } from "./run-case";

// An experiment row with no runner: cases here are only written to, never run.
async function claimedCases(count: number) {
  const experiment = await db.experiment.create({
    data: { datasetId: "d", datasetVersion: 1, status: "cancelled", concurrency: 1, repetitions: 1, targets: [], scorers: [], totalCases: count },
  });
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      db.experimentCase.create({ data: { experimentId: experiment.id, itemId: `i${i}`, position: i, targetIndex: 0, repetition: 0, status: "running", claimToken: `t${i}`, attempts: 1, leaseUntil: new Date() } }),
    ),
  );
}

const result: CaseResult = {
  status: "done",
  input: [{ role: "user", content: "é \ud83d\ude00" }],
  output: "ok",
  latencyMs: 51,
  promptTokens: 3,
  completionTokens: 8,
  totalTokens: 11,
  costUsd: 0.000012,
  error: null,
  scores: [{ name: "s", score: 0.5, passed: false, reason: "half" }],
  passed: false,
};

describe("a case's result", () => {
  it("is written raw on SQLite exactly as Prisma writes it", async () => {
    expect(rawSqlite()).not.toBeNull();
    const [raw, prisma, erroredRaw, erroredPrisma] = await claimedCases(4);
    const finishedAt = new Date("2026-12-03T10:11:12.345Z");
    const errored: CaseResult = { ...result, status: "errored", input: null, output: null, scores: null, passed: null, costUsd: null, error: "boom" };
    await writeCaseResult({ id: raw.id, token: "t0" }, result, finishedAt);
    await writeCaseResultWithPrisma({ id: prisma.id, token: "t1" }, result, finishedAt);
    await writeCaseResult({ id: erroredRaw.id, token: "t2" }, errored, finishedAt);
    await writeCaseResultWithPrisma({ id: erroredPrisma.id, token: "t3" }, errored, finishedAt);
    const read = async (id: string) => {
      // Everything but the case's own identity.
      const row: Record<string, unknown> = { ...(await db.experimentCase.findUniqueOrThrow({ where: { id } })) };
      for (const own of ["id", "itemId", "position", "claimToken"]) delete row[own];
      return row;
    };
    expect(await read(raw.id)).toEqual(await read(prisma.id));
    expect(await read(raw.id)).toMatchObject({ status: "done", passed: false, finishedAt, leaseUntil: null, input: result.input, scores: result.scores });
    expect(await read(erroredRaw.id)).toEqual(await read(erroredPrisma.id));
    expect(await read(erroredRaw.id)).toMatchObject({ status: "errored", input: null, scores: null, passed: null, error: "boom" });
  });

  it("is not written over a claim that another runner took back", async () => {
    const [taken] = await claimedCases(1);
    await db.experimentCase.update({ where: { id: taken.id }, data: { claimToken: "someone else" } });
    await writeCaseResult({ id: taken.id, token: "t0" }, result);
    expect(await db.experimentCase.findUniqueOrThrow({ where: { id: taken.id } })).toMatchObject({ status: "running", output: null });
  });

  it("finishing together, are written together, each under its own claim", async () => {
    const cases = await claimedCases(5);
    await db.experimentCase.update({ where: { id: cases[4].id }, data: { claimToken: "someone else" } });
    await Promise.all(cases.map((row, i) => writeCaseResult({ id: row.id, token: `t${i}` }, { ...result, output: `out ${i}` })));
    const rows = await db.experimentCase.findMany({ where: { id: { in: cases.map((c) => c.id) } }, orderBy: { position: "asc" } });
    expect(rows.map((row) => row.output)).toEqual(["out 0", "out 1", "out 2", "out 3", null]);
  });
});
