import { describe, expect, it } from "vitest";
import { cellVerdict, filterRows, gridRows, latestPassRates, splitTargetRef } from "./results-view";

const experiment = (id: string, created_at: string, targets: string[], rates: (number | null)[]) => ({
  id,
  created_at,
  targets: targets.map((prompt) => ({ prompt })),
  target_stats: rates.map((pass_rate, target) => ({ target, finished: pass_rate === null ? 0 : 2, pass_rate })),
});

describe("results view", () => {
  it("splits a target reference", () => {
    expect(splitTargetRef("abc@7")).toEqual({ key: "abc", version: 7 });
    expect(splitTargetRef("abc@production")).toEqual({ key: "abc", version: null });
    expect(splitTargetRef("abc")).toEqual({ key: "abc", version: null });
  });

  it("gives each pinned version the pass rate of the newest experiment that finished cases on it", () => {
    const prompt = { id: "p1", slug: "support-abc" };
    const rates = latestPassRates(
      [
        experiment("old", "2026-01-01T00:00:00Z", ["p1@1", "p1@2"], [0.25, 0.5]),
        experiment("new", "2026-02-01T00:00:00Z", ["support-abc@2", "other@1", "p1@production"], [1, 0, 0.1]),
        experiment("unfinished", "2026-03-01T00:00:00Z", ["p1@1"], [null]),
      ],
      prompt,
    );
    expect(Object.fromEntries(rates)).toEqual({ 1: { pass_rate: 0.25, experiment_id: "old" }, 2: { pass_rate: 1, experiment_id: "new" } });
  });

  it("builds rows per item, colours cells and filters regressions or failures", () => {
    const cases = [
      { item_id: "a", target: 0, status: "done", passed: true },
      { item_id: "a", target: 1, status: "done", passed: false },
      { item_id: "b", target: 0, status: "done", passed: true },
      { item_id: "b", target: 1, status: "done", passed: true },
      { item_id: "c", target: 0, status: "errored", passed: null },
      { item_id: "c", target: 1, status: "pending", passed: null },
    ];
    const rows = gridRows(cases, 2);
    expect(rows.map((r) => r.itemId)).toEqual(["a", "b", "c"]);
    expect(rows.map((r) => r.cells.map(cellVerdict))).toEqual([
      ["passed", "failed"],
      ["passed", "passed"],
      ["errored", "pending"],
    ]);
    expect(filterRows(rows, "failures", new Set()).map((r) => r.itemId)).toEqual(["a", "c"]);
    expect(filterRows(rows, "regressions", new Set(["a"])).map((r) => r.itemId)).toEqual(["a"]);
    expect(filterRows(rows, "all", new Set())).toHaveLength(3);
  });
});
