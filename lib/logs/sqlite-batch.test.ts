import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { ORDER, sqliteBatchWriter } from "./sqlite-batch";

describe("the SQLite batch writer", () => {
  it("writes rows Prisma reads back exactly as if Prisma had written them", async () => {
    const createdAt = new Date("2026-01-02T03:04:05.678Z");
    const full = {
      traceId: "raw-1", promptSlug: "s", promptVersion: 3, label: "production", isDraft: true, stream: true, status: "success", httpStatus: 200,
      latencyMs: 12, ttftMs: null, variables: { a: "é \ud83d\ude00", n: [1, null] }, request: { model: "m" }, response: Prisma.JsonNull, createdAt,
    };
    sqliteBatchWriter()!([full, { traceId: "raw-2", status: "error", createdAt }]);
    await db.completionLog.createMany({ data: [{ ...full, traceId: "prisma-1" }] });
    const read = async (traceId: string) => {
      const { id, traceId: _t, ...rest } = (await db.completionLog.findFirstOrThrow({ where: { traceId } })) as Record<string, unknown>;
      void _t;
      return { idLength: (id as string).length, ...rest };
    };
    expect(await read("raw-1")).toEqual(await read("prisma-1"));
    expect(await read("raw-2")).toMatchObject({ isDraft: false, stream: false, variables: null, response: null, createdAt });
  });

  it("writes every column of the schema", () => {
    expect([...ORDER].sort()).toEqual(Object.values(Prisma.CompletionLogScalarFieldEnum).sort());
  });

  it("refuses a row of the wrong shape instead of storing it", () => {
    const write = sqliteBatchWriter()!;
    expect(() => write([{ traceId: "bad", status: "success", latencyMs: "12" as unknown as number }])).toThrow(/latencyMs/);
    expect(() => write([{ traceId: "bad", status: "success", createdAt: "nope" }])).toThrow(/createdAt/);
  });
});
