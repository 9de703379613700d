import { describe, expect, it } from "vitest";
import { externalRow } from "./external";

const log = (url: string, response: Record<string, unknown> = { status: 200, body: {} }) => ({ request: { url, body: { model: "gpt-4o" } }, response });

describe("an external call's log row", () => {
  it("names the declared provider of its URL, so it is priced like a completion, else the host", () => {
    expect(externalRow(log("https://api.openai.com/v1/chat/completions"), null, "t").provider).toBe("openai");
    expect(externalRow(log("https://api.anthropic.com/v1/messages"), null, "t").provider).toBe("anthropic");
    expect(externalRow(log("https://my-res.openai.azure.com/openai/deployments/x"), null, "t").provider).toBe("azure-openai");
    expect(externalRow(log("https://llm.internal.example:8443/v1"), null, "t").provider).toBe("llm.internal.example:8443");
    expect(externalRow(log("not a url"), null, "t").provider).toBeNull();
  });

  it("reads status, usage, timing and trace id; stores no request headers", () => {
    const row = externalRow(
      {
        request: { url: "https://api.openai.com/v1/chat/completions", headers: { authorization: "Bearer sk-secret" }, body: { model: "gpt-4o" } },
        response: { status: 503, body: { error: { message: "overloaded" }, usage: { prompt_tokens: 3, completion_tokens: 0, total_tokens: 3 } }, response_time: 42 },
        metadata: { trace_id: "own-trace", _user: "u" },
      },
      null,
      "request-trace",
    );
    expect(row).toMatchObject({ traceId: "own-trace", status: "error", httpStatus: 503, error: "overloaded", latencyMs: 42, totalTokens: 3, model: "gpt-4o" });
    expect(JSON.stringify(row)).not.toContain("sk-secret");
    expect(JSON.parse(row.metadata as string)).toEqual({ _user: "u" });
  });
});
