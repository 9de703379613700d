import { describe, expect, it } from "vitest";
import type { ApiError } from "@/lib/core/http/errors";
import { getProvider } from "@/lib/providers/registry";
import { supportedBody } from "./capabilities";

const anthropic = getProvider("anthropic")!;
const body = (extra: Record<string, unknown>) => ({ model: "claude-opus-4-7", messages: [{ role: "user", content: "Hi" }], ...extra });

function refusal(run: () => unknown): ApiError | null {
  try {
    run();
    return null;
  } catch (error) {
    return error as ApiError;
  }
}

describe("supportedBody: the request checked against the chosen model", () => {
  it("answers a 400 naming the parameter and the model", () => {
    expect(refusal(() => supportedBody(anthropic, "chat", body({ top_k: 5 }), false))).toMatchObject({
      status: 400,
      param: "top_k",
      code: "unsupported_parameter",
      message: "parameter 'top_k' is not supported by Anthropic model 'claude-opus-4-7'",
    });
  });

  it("removes values the model only takes at their default, without saying so", () => {
    const checked = supportedBody(anthropic, "chat", body({ temperature: 1, max_tokens: 10 }), false);
    expect(checked).toEqual({ body: body({ max_tokens: 10 }), dropped: [] });
  });

  it("drops refused parameters when the prompt opts in, and lists them", () => {
    const checked = supportedBody(anthropic, "chat", body({ top_k: 5, temperature: 0.3, seed: 3 }), false, true);
    expect(checked.body).toEqual(body({}));
    expect(checked.dropped.sort()).toEqual(["seed", "temperature", "top_k"]);
  });

  it("still refuses, even when dropping, what dropping cannot fix: a value out of range, a prefill", () => {
    const claude3 = { model: "claude-3-5-haiku-latest" };
    expect(refusal(() => supportedBody(anthropic, "chat", body({ ...claude3, temperature: 1.5 }), false, true))?.param).toBe("temperature");
    const prefill = body({ messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "{" }] });
    expect(refusal(() => supportedBody(anthropic, "chat", prefill, false, true))).toMatchObject({ status: 400, param: "messages" });
  });
});
