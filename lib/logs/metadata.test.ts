import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { ApiError } from "@/lib/core/http/errors";
import { createFeedback } from "./feedback";
import { metadataColumn, metadataFromHeaders, parseMetadataColumn } from "./metadata";
import { getLog, listLogs } from "./queries";
import { listLogsQuerySchema } from "./schemas";

const headers = (value?: string) => new Headers(value === undefined ? {} : { "x-portkey-metadata": value });
const ids = async (params: Record<string, string>) => (await listLogs(listLogsQuerySchema.parse(params))).data.map((log) => log.id).sort();

beforeAll(async () => {
  const row = (id: string, metadata: Record<string, string> | null) => ({ id, traceId: `trace-${id}`, status: "success", metadata: metadata && metadataColumn(metadata, "metadata") });
  await db.completionLog.createMany({
    data: [
      row("m1", { _user: "u-1", env: "prod" }),
      row("m2", { _user: "u-2", env: "prod" }),
      row("m3", { _user: "u-1", env: "staging", note: 'say "env":"prod"' }),
      row("m4", { x_user: "u-1", env: "pro%" }),
      row("m5", null),
    ],
  });
});

describe("x-portkey-metadata", () => {
  it("is read as a JSON object of strings, bounded; absent is null; anything else a 400 before any call", () => {
    expect(metadataFromHeaders(headers())).toBeNull();
    expect(parseMetadataColumn(metadataFromHeaders(headers('{"_user":"u-1","env":"50%"}')))).toEqual({ _user: "u-1", env: "50%" });
    expect(metadataFromHeaders(headers("{}"))).toBeNull();
    for (const bad of ["not json", "[1]", '{"n":1}', '"text"', JSON.stringify({ big: "x".repeat(5000) }), JSON.stringify(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, "v"])))]) {
      expect(() => metadataFromHeaders(headers(bad)), bad.slice(0, 20)).toThrow(ApiError);
    }
  });

  it("filters GET /v1/logs by metadata.KEY=VALUE (every pair must match) and by Portkey's metadata={...}", async () => {
    expect(await ids({ "metadata._user": "u-1" })).toEqual(["m1", "m3"]);
    expect(await ids({ "metadata._user": "u-1", "metadata.env": "prod" })).toEqual(["m1"]);
    expect(await ids({ metadata: '{"env":"prod"}' })).toEqual(["m1", "m2"]);
    // A value that merely contains the pair's text, a longer key, or LIKE wildcards never match.
    expect(await ids({ "metadata.env": "pro%" })).toEqual(["m4"]);
    expect(await ids({ "metadata.env": "pro_" })).toEqual([]);
    expect(await ids({ "metadata.user": "u-1" })).toEqual([]);
    expect(() => listLogsQuerySchema.parse({ metadata: "[1]" })).toThrow();
  });

  it("shows on the log's detail with the feedback of its trace", async () => {
    await createFeedback([{ traceId: "trace-m1", value: 5, weight: 0.5, metadata: { comment: "good" } }], null);
    const detail = await getLog("m1");
    expect(detail.metadata).toEqual({ _user: "u-1", env: "prod" });
    expect(detail.feedback).toMatchObject([{ trace_id: "trace-m1", value: 5, weight: 0.5, metadata: { comment: "good" } }]);
    expect((await getLog("m5")).metadata).toBeNull();
  });
});

describe("backtest sets picked by metadata", () => {
  it("match the x-portkey-metadata column as well as the request body's metadata", async () => {
    const { logsAsTestCases } = await import("./backtest");
    await db.completionLog.create({ data: { id: "bt-body", traceId: "bt", status: "success", request: { metadata: { suite: "bt-1" } }, variables: { q: "body" } } });
    await db.completionLog.create({ data: { id: "bt-header", traceId: "bt", status: "success", metadata: metadataColumn({ suite: "bt-1" }, "metadata"), variables: { q: "header" } } });
    const cases = await logsAsTestCases({ metadata: { suite: "bt-1" }, limit: 100 });
    expect(cases.map((c) => c.logId).sort()).toEqual(["bt-body", "bt-header"]);
  });
});
