import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/http/errors";
import { createFeedback, feedbackForTrace, feedbackTotals, updateFeedback } from "./feedback";
import { createFeedbackSchema, updateFeedbackSchema } from "./feedback-schemas";

describe("feedback bodies", () => {
  it("reads Portkey's body, the SDK's spellings and its list turned into an object", () => {
    expect(createFeedbackSchema.parse({ trace_id: "t1", value: 5 })).toEqual([{ traceId: "t1", value: 5, weight: 1, metadata: null }]);
    const list = [{ traceID: "t1", value: -10, weight: 0.5 }, { trace_id: "t2", value: 0, metadata: { _user: "u" } }];
    const expected = [
      { traceId: "t1", value: -10, weight: 0.5, metadata: null },
      { traceId: "t2", value: 0, weight: 1, metadata: { _user: "u" } },
    ];
    expect(createFeedbackSchema.parse(list)).toEqual(expected);
    expect(createFeedbackSchema.parse({ 0: list[0], 1: list[1] })).toEqual(expected);
  });

  it("refuses a missing trace id, a value outside -10..10 or not whole, a weight outside 0..1", () => {
    for (const bad of [{ value: 1 }, { trace_id: "t", value: 11 }, { trace_id: "t", value: 1.5 }, { trace_id: "t", value: 1, weight: 2 }, { trace_id: "t" }, [], "x"]) {
      expect(createFeedbackSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(updateFeedbackSchema.safeParse({ feedback_id: "f", value: 2 }).success).toBe(true);
    expect(updateFeedbackSchema.safeParse({ weight: 1 }).success).toBe(false);
  });
});

describe("feedback", () => {
  it("is stored per trace, updated by id, and summed per trace for analytics", async () => {
    const created = await createFeedback(createFeedbackSchema.parse([{ trace_id: "sum-a", value: 10 }, { trace_id: "sum-a", value: -2, weight: 0.5 }, { trace_id: "sum-b", value: 3 }]), null);
    expect(created).toMatchObject({ status: "success", feedback_id: expect.any(Array) });
    expect(created.feedback_ids).toHaveLength(3);
    await updateFeedback(created.feedback_ids[2], { value: 4, weight: undefined, metadata: { why: "changed" } });
    expect(await feedbackForTrace("sum-b")).toMatchObject([{ value: 4, weight: 1, metadata: { why: "changed" } }]);

    const totals = await feedbackTotals(["sum-a", "sum-b", "sum-none"]);
    expect(totals.get("sum-a")).toEqual({ count: 2, weightedSum: 9, weightSum: 1.5, weightedAverage: 6 });
    expect(totals.get("sum-b")).toEqual({ count: 1, weightedSum: 4, weightSum: 1, weightedAverage: 4 });
    expect(totals.has("sum-none")).toBe(false);
  });

  it("answers 404 for an unknown id", async () => {
    await expect(updateFeedback("no-such-feedback", { value: 1, weight: undefined, metadata: undefined })).rejects.toMatchObject({ status: 404 } satisfies Partial<ApiError>);
  });
});
