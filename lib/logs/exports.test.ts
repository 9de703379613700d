import { beforeAll, describe, expect, it } from "vitest";
import type { Caller } from "@/lib/auth/caller";
import { db } from "@/lib/core/db";
import { exportFilter, createExportSchema } from "./export-schemas";
import { csvCell, exportStream } from "./export-stream";
import { cancelExport, createExport, exportDownloadLink, exportFile, getExport, startExport, updateExport } from "./exports";

const caller: Caller = { kind: "api_key", apiKeyId: "k1", scope: "admin", userId: null, rateLimitPerMinute: null };
const base = Date.parse("2025-06-01T00:00:00.000Z");

beforeAll(async () => {
  await db.completionLog.createMany({
    data: Array.from({ length: 25 }, (_, i) => ({
      id: `e-${String(i).padStart(2, "0")}`,
      traceId: `t-${i}`,
      status: i % 5 === 0 ? "error" : "success",
      httpStatus: i % 5 === 0 ? 500 : 200,
      model: i % 2 ? "gpt-4o" : "gpt-4o-mini",
      provider: "openai",
      totalTokens: i,
      costUsd: i / 100,
      metadata: i % 3 === 0 ? '{"team":"a"}' : '{"team":"b"}',
      request: { messages: [{ role: "user", content: `question ${i}` }] },
      searchText: i === 7 ? "the lucky seven" : `question ${i}`,
      createdAt: new Date(base + i * 60_000),
    })),
  });
});

async function downloaded(id: string): Promise<{ response: Response; text: string }> {
  const { signed_url } = await exportDownloadLink(id, "http://127.0.0.1:3400");
  const url = new URL(signed_url);
  expect(url.pathname).toBe(`/v1/logs/exports/${id}/file`);
  const response = await exportFile(id, url.searchParams.get("expires"), url.searchParams.get("signature"));
  return { response, text: await response.text() };
}

describe("logs exports", () => {
  it("export exactly the rows of a Portkey filter, as JSONL, once started", async () => {
    const input = createExportSchema.parse({ filters: { ai_model: "gpt-4o", status_code: "200", metadata: { team: "b" } }, requested_data: ["id", "ai_model", "cost", "metadata"] });
    const created = await createExport(input, caller);
    // Odd i (gpt-4o), not a multiple of 5 (200), not a multiple of 3 (team b).
    const expected = Array.from({ length: 25 }, (_, i) => i).filter((i) => i % 2 === 1 && i % 5 !== 0 && i % 3 !== 0).reverse();
    expect(created).toMatchObject({ object: "export", total: expected.length });
    expect((await getExport(created.id)).status).toBe("draft");
    await expect(exportDownloadLink(created.id, "http://127.0.0.1")).rejects.toMatchObject({ status: 409 });
    expect(await startExport(created.id)).toEqual({ message: "Export started", object: "export" });
    expect(await getExport(created.id)).toMatchObject({ status: "success", total_records: expected.length, requested_data: ["id", "ai_model", "cost", "metadata"] });
    // Rows written after the start are not the export's.
    await db.completionLog.create({ data: { id: "e-late", traceId: "late", status: "success", httpStatus: 200, model: "gpt-4o", metadata: '{"team":"b"}', createdAt: new Date() } });
    const { response, text } = await downloaded(created.id);
    expect(response.headers.get("content-type")).toContain("application/x-ndjson");
    const records = text.trim().split("\n").map((line) => JSON.parse(line));
    expect(records.map((r) => r.id)).toEqual(expected.map((i) => `e-${String(i).padStart(2, "0")}`));
    expect(records[0]).toEqual({ id: "e-23", ai_model: "gpt-4o", cost: 0.23, metadata: { team: "b" } });
  });

  it("exports the log list's own filters (search among them) as CSV", async () => {
    const created = await createExport(createExportSchema.parse({ filters: { q: "lucky" }, requested_data: ["id", "trace_id", "request"], format: "csv" }), caller);
    await startExport(created.id);
    const { response, text } = await downloaded(created.id);
    expect(response.headers.get("content-disposition")).toContain(".csv");
    expect(text).toBe(`id,trace_id,request\r\ne-07,t-7,"{""messages"":[{""role"":""user"",""content"":""question 7""}]}"\r\n`);
  });

  it("streams a page at a time", async () => {
    const stream = exportStream({ filter: exportFilter({}), fields: ["id"], format: "jsonl", pageSize: 10 });
    const reader = stream.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value).trim().split("\n")).toHaveLength(10);
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += new TextDecoder().decode(chunk.value);
    expect(rest.trim().split("\n").length).toBeGreaterThanOrEqual(15);
  });

  it("refuses a forged or expired link, and only a draft changes", async () => {
    const created = await createExport(createExportSchema.parse({ filters: {} }), caller);
    expect((await getExport(created.id)).requested_data).toContain("response");
    expect(await updateExport(created.id, { filters: { status: "error" } })).toMatchObject({ total: 5 });
    await startExport(created.id);
    await expect(updateExport(created.id, { description: "x" })).rejects.toMatchObject({ status: 409 });
    await expect(exportFile(created.id, String(Math.floor(Date.now() / 1000) + 60), "forged")).rejects.toMatchObject({ status: 403 });
    const { signed_url } = await exportDownloadLink(created.id, "http://127.0.0.1");
    const signature = new URL(signed_url).searchParams.get("signature");
    await expect(exportFile(created.id, "1", signature)).rejects.toMatchObject({ status: 403 });
    expect((await cancelExport(created.id)).message).toBe("Export cancelled");
    expect((await getExport(created.id)).status).toBe("stopped");
  });

  it("refuses filters it doesn't support rather than export everything", () => {
    expect(() => createExportSchema.parse({ filters: { weighted_feedback_min: 1 } })).toThrow(/weighted_feedback_min/);
  });

  it("defuses spreadsheet formulas in CSV cells", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
  });
});
