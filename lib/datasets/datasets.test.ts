import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/http/errors";
import { db } from "@/lib/core/db";
import { addItems } from "./add-items";
import { createDataset, deleteItem, getDataset, listItems, listVersions, updateItem } from "./datasets";
import { exportDataset } from "./export";
import { importItems } from "./import";
import { STAGED } from "./insert-rows";
import { textPieces } from "./parse-import";
import { listItemsQuerySchema } from "./schemas";

const items = (id: string, params: Record<string, string> = {}) => listItems(id, listItemsQuerySchema.parse(params));
const rejection = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error as ApiError);

describe("dataset versions", () => {
  it("makes a version per change; an edit keeps the item's id and position; old versions read as they were", async () => {
    const dataset = await createDataset({ name: "Support", items: [{ variables: { q: "a" }, expected: "A" }, { variables: { q: "b" } }] }, "user-1");
    expect(dataset).toMatchObject({ current_version: 1, item_count: 2 });
    const v1 = await items(dataset.id);
    const [first, second] = v1.data;

    const edited = await updateItem(dataset.id, first.id, { expected: { answer: "A2" } }, "user-1");
    expect(edited).toMatchObject({ version: 2, item: { id: first.id, variables: { q: "a" }, expected: { answer: "A2" } } });
    await deleteItem(dataset.id, second.id, null);
    await addItems(dataset.id, { variables: { q: "c" }, expected: "C" }, null);

    expect((await items(dataset.id)).data.map((item) => [item.id === first.id, item.variables.q, item.expected])).toEqual([
      [true, "a", { answer: "A2" }],
      [false, "c", "C"],
    ]);
    expect((await items(dataset.id, { version: "1" })).data.map((item) => [item.variables.q, item.expected])).toEqual([
      ["a", "A"],
      ["b", null],
    ]);
    expect((await items(dataset.id, { version: "3" })).data.map((item) => item.variables.q)).toEqual(["a"]);
    const versions = await listVersions(dataset.id);
    expect(versions.data.map((v) => [v.version, v.description, v.item_count])).toEqual([
      [4, "add 1 item", 2],
      [3, "delete item", 1],
      [2, "edit item", 2],
      [1, "create with 2 items", 2],
    ]);
    expect(await rejection(items(dataset.id, { version: "5" }))).toMatchObject({ status: 404 });
  });

  it("pages by cursor", async () => {
    const dataset = await createDataset({ name: "Paged", items: Array.from({ length: 5 }, (_, i) => ({ variables: { i } })) }, null);
    const first = await items(dataset.id, { limit: "2" });
    const second = await items(dataset.id, { limit: "2", cursor: first.next_cursor! });
    const third = await items(dataset.id, { limit: "2", cursor: second.next_cursor! });
    expect([...first.data, ...second.data, ...third.data].map((item) => item.variables.i)).toEqual([0, 1, 2, 3, 4]);
    expect(third.next_cursor).toBeNull();
  });
});

describe("imports", () => {
  it("store nothing when a line is bad, and name it", async () => {
    const dataset = await createDataset({ name: "Import" }, null);
    const error = await rejection(importItems(dataset.id, textPieces("q,expected\n1,a\n2,b\n3,c,extra\n4,d\n"), "csv", undefined, null));
    expect(error).toMatchObject({ status: 400, param: "line 4" });
    expect(error?.message).toMatch(/^line 4: expected 2 fields/);
    expect(await getDataset(dataset.id)).toMatchObject({ current_version: 1, item_count: 0 });
    expect(await db.datasetItem.count({ where: { datasetId: dataset.id } })).toBe(0);
  });

  it("import thousands of rows in one version, and export them back", async () => {
    const dataset = await createDataset({ name: "Big" }, null);
    const rows = Array.from({ length: 2_345 }, (_, i) => `q${i},"a, ${i}",src${i % 3}`);
    const result = await importItems(dataset.id, textPieces(`question,expected,metadata.src\n${rows.join("\n")}\n`, 4096), "csv", undefined, null);
    expect(result).toEqual({ version: 2, item_count: 2_345, added: 2_345 });
    expect(await db.datasetItem.count({ where: { datasetId: dataset.id, NOT: { stagedBy: null } } })).toBe(0);
    const csv = await (await exportDataset(dataset.id, { format: "csv" })).text();
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("question,expected,metadata.src");
    expect(lines[1]).toBe('q0,"a, 0",src0');
    expect(lines).toHaveLength(2_346);
    const jsonl = await (await exportDataset(dataset.id, { format: "jsonl", version: 2 })).text();
    expect(JSON.parse(jsonl.split("\n")[2])).toMatchObject({ variables: { question: "q2" }, expected: "a, 2", metadata: { src: "src2" } });
  });
  it("stage rows no version shows until published; a dead import's rows are cleared by the next one", async () => {
    const dataset = await createDataset({ name: "Staged", items: [{ variables: { q: "kept" } }] }, null);
    const staged = (age: number) => ({ datasetId: dataset.id, itemId: `dead-${age}`, position: 100 + age, variables: { q: "dead" }, addedIn: STAGED, stagedBy: "dead-import", createdAt: new Date(Date.now() - age) });
    await db.datasetItem.createMany({ data: [staged(7 * 3_600_000), staged(60_000)] });
    expect((await items(dataset.id)).data.map((item) => item.variables.q)).toEqual(["kept"]);
    await importItems(dataset.id, textPieces('{"variables":{"q":"new"}}\n'), "jsonl", undefined, null);
    expect((await items(dataset.id)).data.map((item) => item.variables.q)).toEqual(["kept", "new"]);
    // The old one is gone, the recent one (perhaps an import still running) stays, unseen.
    expect((await db.datasetItem.findMany({ where: { datasetId: dataset.id, stagedBy: "dead-import" } })).map((row) => row.itemId)).toEqual(["dead-60000"]);
  });
});

describe("backtest sets from logs", () => {
  it("turn logged variables into variables and logged answers into expected, by id or by filter", async () => {
    const base = { traceId: "t", promptId: "p-bt", promptSlug: "pp-bt-000001", status: "success" };
    await db.completionLog.createMany({
      data: [
        { ...base, id: "bt-1", promptVersion: 1, variables: { q: "one" }, response: { choices: [{ message: { role: "assistant", content: "ONE" } }] }, createdAt: new Date("2025-01-01T00:00:00Z") },
        { ...base, id: "bt-2", promptVersion: 2, variables: { q: "two" }, response: { content: "TWO", tool_call_deltas: [] }, createdAt: new Date("2025-01-02T00:00:00Z") },
        { ...base, id: "bt-3", promptVersion: 2, status: "error", variables: { q: "three" }, createdAt: new Date("2025-01-03T00:00:00Z") },
      ],
    });
    const dataset = await createDataset({ name: "Backtest" }, null);
    const byIds = await addItems(dataset.id, { from_logs: { log_ids: ["bt-1", "bt-2"] } }, null);
    expect(byIds).toMatchObject({ version: 2, added: 2 });
    expect((await items(dataset.id)).data.map((item) => [item.variables, item.expected, item.metadata])).toEqual([
      [{ q: "one" }, "ONE", { source: "log", log_id: "bt-1" }],
      [{ q: "two" }, "TWO", { source: "log", log_id: "bt-2" }],
    ]);
    // Needs the prompt to exist for `prompt` filters: use time and status instead.
    const filtered = await addItems(dataset.id, { from_logs: { status: "success", since: new Date("2025-01-02T00:00:00Z"), until: new Date("2025-01-05T00:00:00Z") } }, null);
    expect(filtered).toMatchObject({ version: 3, added: 1 });
    expect(await rejection(addItems(dataset.id, { from_logs: { log_ids: ["nope"] } }, null))).toMatchObject({ status: 400 });
  });
});
