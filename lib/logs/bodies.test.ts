import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { logBodiesMode } from "./bodies";
import { logWriter } from "./writer";

const fullRow = (traceId: string) => ({
  traceId,
  status: "success",
  model: "gpt-4o-mini",
  provider: "openai",
  latencyMs: 12,
  promptTokens: 5,
  completionTokens: 7,
  totalTokens: 12,
  variables: { secret_name: "Ada Lovelace" },
  request: { model: "gpt-4o-mini", messages: [{ role: "user", content: "Hello Ada Lovelace" }] },
  response: { choices: [{ message: { role: "assistant", content: "Hi Ada Lovelace" } }] },
  metadata: '{"team":"search"}',
});

afterEach(() => {
  delete process.env.PROMPTLY_LOG_BODIES;
});

describe("PROMPTLY_LOG_BODIES", () => {
  it("reads full (the default) and metadata; anything else fails closed to metadata", () => {
    expect(logBodiesMode({})).toBe("full");
    expect(logBodiesMode({ PROMPTLY_LOG_BODIES: "full" })).toBe("full");
    expect(logBodiesMode({ PROMPTLY_LOG_BODIES: "Metadata" })).toBe("metadata");
    expect(logBodiesMode({ PROMPTLY_LOG_BODIES: "none" })).toBe("metadata");
  });

  it("metadata: the stored row holds no rendered text, variables or output, but keeps timings, tokens, ids and status", async () => {
    process.env.PROMPTLY_LOG_BODIES = "metadata";
    logWriter.enqueue(fullRow("bodies-metadata"));
    logWriter.enqueue(() => fullRow("bodies-metadata-lazy"));
    await logWriter.flush();
    const rows = await db.completionLog.findMany({ where: { traceId: { startsWith: "bodies-metadata" } } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(JSON.stringify(row)).not.toContain("Ada Lovelace");
      expect(row).toMatchObject({ variables: null, request: null, response: null, status: "success", model: "gpt-4o-mini", latencyMs: 12, totalTokens: 12 });
      expect(row.metadata).toBe('{"team":"search"}');
    }
  });

  it("full: everything is kept", async () => {
    logWriter.enqueue(fullRow("bodies-full"));
    await logWriter.flush();
    const row = await db.completionLog.findFirstOrThrow({ where: { traceId: "bodies-full" } });
    expect(row.variables).toEqual({ secret_name: "Ada Lovelace" });
    expect(JSON.stringify(row.response)).toContain("Hi Ada Lovelace");
  });
});
