import { describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { flushLogs } from "@/lib/lifecycle/shutdown";
import { recomputeLogCosts } from "@/lib/logs/recompute-costs";
import { logWriter } from "@/lib/logs/writer";
import { deleteModelPrice, listModelPrices, priceBook, priceFor, putModelPrice } from "./price-book";

const costOf = async (traceId: string) => (await db.completionLog.findFirstOrThrow({ where: { traceId } })).costUsd;

describe("the price book", () => {
  it("has the declared prices of the common models, snapshots included", async () => {
    const book = await priceBook();
    expect(priceFor(book, "openai", "gpt-4o-mini")).toMatchObject({ inputPerMTok: 0.15, outputPerMTok: 0.6 });
    expect(priceFor(book, "openai", "gpt-4o-2024-08-06")).toMatchObject({ model: "gpt-4o", inputPerMTok: 2.5 });
    expect(priceFor(book, "anthropic", "claude-sonnet-4-5-20250929")).toMatchObject({ outputPerMTok: 15 });
    expect(priceFor(book, "google", "gemini-2.5-flash")).not.toBeNull();
    expect(priceFor(book, "openai", "my-fine-tune")).toBeNull();
    expect(priceFor(book, "ollama", "llama3.2")).toBeNull();
    expect(priceFor(book, null, "gpt-4o")).toBeNull();
  });

  it("lets an override replace a declared price or price a new model, and forgets it on delete", async () => {
    await putModelPrice({ provider: "openai", model: "gpt-4o-mini", input_per_mtok: 1, output_per_mtok: 2 });
    await putModelPrice({ provider: "ollama", model: "llama3.2", input_per_mtok: 0, output_per_mtok: 0, cached_input_per_mtok: null });
    // Read straight after the writes: the cache must not serve the old book.
    let book = await priceBook();
    expect(priceFor(book, "openai", "gpt-4o-mini")).toMatchObject({ inputPerMTok: 1, outputPerMTok: 2, cachedInputPerMTok: null });
    expect(priceFor(book, "openai", "gpt-4o-mini-2024-07-18")).toMatchObject({ inputPerMTok: 1 });
    expect(priceFor(book, "ollama", "llama3.2")).toMatchObject({ inputPerMTok: 0 });

    const listed = (await listModelPrices()).data;
    expect(listed.find((p) => p.model === "gpt-4o-mini")).toMatchObject({ source: "override", input_per_mtok: 1, declared: { input_per_mtok: 0.15 } });
    expect(listed.find((p) => p.model === "llama3.2")).toMatchObject({ source: "override", declared: null });
    expect(listed.find((p) => p.model === "gpt-4o")).toMatchObject({ source: "declared", checked: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    await deleteModelPrice({ provider: "openai", model: "gpt-4o-mini" });
    await deleteModelPrice({ provider: "ollama", model: "llama3.2" });
    book = await priceBook();
    expect(priceFor(book, "openai", "gpt-4o-mini")).toMatchObject({ inputPerMTok: 0.15 });
    expect(priceFor(book, "ollama", "llama3.2")).toBeNull();
    await expect(deleteModelPrice({ provider: "ollama", model: "llama3.2" })).rejects.toMatchObject({ status: 404 });
  });

  it("prices each log row when it is written, and a later price change leaves it alone", async () => {
    const usage = { promptTokens: 1000, completionTokens: 500, totalTokens: 1500 };
    logWriter.enqueue({ traceId: "cost-known", status: "success", provider: "openai", model: "gpt-4o", ...usage, cachedTokens: 200 });
    logWriter.enqueue({ traceId: "cost-unknown-model", status: "success", provider: "openai", model: "my-fine-tune", ...usage });
    logWriter.enqueue({ traceId: "cost-no-usage", status: "error", provider: "openai", model: "gpt-4o" });
    logWriter.enqueue(() => ({ traceId: "cost-stream", status: "success", provider: "anthropic", model: "claude-haiku-4-5", ...usage }));
    await flushLogs();
    expect(await costOf("cost-known")).toBeCloseTo((800 * 2.5 + 200 * 1.25 + 500 * 10) / 1e6, 12);
    expect(await costOf("cost-unknown-model")).toBeNull();
    expect(await costOf("cost-no-usage")).toBeNull();
    expect(await costOf("cost-stream")).toBeCloseTo((1000 * 1 + 500 * 5) / 1e6, 12);

    await putModelPrice({ provider: "openai", model: "gpt-4o", input_per_mtok: 100, output_per_mtok: 100 });
    logWriter.enqueue({ traceId: "cost-after", status: "success", provider: "openai", model: "gpt-4o", ...usage });
    await flushLogs();
    expect(await costOf("cost-after")).toBeCloseTo(0.15, 12);
    expect(await costOf("cost-known")).toBeCloseTo((800 * 2.5 + 200 * 1.25 + 500 * 10) / 1e6, 12);
    await deleteModelPrice({ provider: "openai", model: "gpt-4o" });
  });
});

describe("repricing a range of logs", () => {
  it("prices the range's rows at today's prices and leaves rows outside it alone", async () => {
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));
    const usage = { promptTokens: 1_000_000, completionTokens: 0 };
    await db.completionLog.createMany({
      data: [
        { traceId: "re-before", status: "success", provider: "openai", model: "gpt-4o", ...usage, costUsd: 1, createdAt: at(0) },
        { traceId: "re-in", status: "success", provider: "openai", model: "gpt-4o", ...usage, costUsd: 1, createdAt: at(10) },
        { traceId: "re-in-unknown", status: "success", provider: "openai", model: "nobody-prices-this", ...usage, costUsd: 1, createdAt: at(11) },
        { traceId: "re-after", status: "success", provider: "openai", model: "gpt-4o", ...usage, costUsd: 1, createdAt: at(30) },
      ],
    });
    expect(await recomputeLogCosts({ from: at(5), to: at(20) })).toEqual({ scanned: 2, updated: 2 });
    expect(await costOf("re-in")).toBe(2.5);
    expect(await costOf("re-in-unknown")).toBeNull();
    expect(await costOf("re-before")).toBe(1);
    expect(await costOf("re-after")).toBe(1);
    expect(await recomputeLogCosts({ from: at(5), to: at(20) })).toEqual({ scanned: 2, updated: 0 });
  });
});
