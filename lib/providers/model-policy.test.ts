import { describe, expect, it } from "vitest";
import { anthropicDeclaration } from "./anthropic/declaration";
import { googleDeclaration } from "./google/declaration";
import { endsWithPrefill, modelCapabilities, modelFamily, refusedShape, reviewParameters, type ModelAware } from "./model-policy";

const review = (model: string, extra: Record<string, unknown>, declaration: ModelAware = anthropicDeclaration) =>
  reviewParameters(declaration, { model, messages: [{ role: "user", content: "Hi" }], ...extra });

describe("model families", () => {
  it("picks the family with the longest matching prefix, and none for a foreign name", () => {
    expect(modelFamily(anthropicDeclaration, "claude-3-7-sonnet-latest")?.name).toBe("Claude 3");
    expect(modelFamily(anthropicDeclaration, "claude-sonnet-4-5-20250929")?.name).toMatch(/Sonnet 4\.5/);
    expect(modelFamily(anthropicDeclaration, "claude-opus-4-6")?.name).toMatch(/Opus 4\.6/);
    expect(modelFamily(anthropicDeclaration, "claude-opus-4-7")?.name).toBe("Claude models after Opus 4.6");
    expect(modelFamily(anthropicDeclaration, "claude-some-future-model")?.name).toBe("Claude models after Opus 4.6");
    expect(modelFamily(anthropicDeclaration, "my-proxy-model")).toBeNull();
    expect(modelFamily(googleDeclaration, "models/gemini-2.0-flash-001")?.name).toBe("Gemini 2.0 Flash");
  });

  it("merges a family's capabilities over the provider's", () => {
    expect(modelCapabilities(anthropicDeclaration, "claude-3-5-haiku-latest").jsonSchema).toBe(false);
    expect(modelCapabilities(anthropicDeclaration, "claude-sonnet-4-5").jsonSchema).toBe(true);
    expect(modelCapabilities(googleDeclaration, "gemini-2.5-flash").penalties).toBe(false);
    expect(modelCapabilities(googleDeclaration, "gemini-2.0-flash").penalties).toBe(true);
  });
});

describe("Claude sampling parameters per family", () => {
  it("refuses temperature with top_p on the families that reject the pair, naming both and the model", () => {
    expect(review("claude-sonnet-4-5", { temperature: 0.5, top_p: 0.9 }).refusals).toEqual([
      { param: "top_p", message: "temperature and top_p cannot both be set for Anthropic model 'claude-sonnet-4-5': keep one", code: "unsupported_parameter" },
    ]);
    expect(review("claude-opus-4-6", { temperature: 0.5, top_p: 0.9 }).refusals.map((r) => r.param)).toEqual(["top_p"]);
    expect(review("claude-sonnet-4-5", { temperature: 0.5 }).refusals).toEqual([]);
    expect(review("claude-3-7-sonnet-latest", { temperature: 0.5, top_p: 0.9, top_k: 40 }).refusals).toEqual([]);
  });

  it("takes only the default temperature and top_p on models after Opus 4.6 (dropped), and no top_k", () => {
    expect(review("claude-opus-4-7", { temperature: 1, top_p: 0.995 })).toEqual({ noOps: ["temperature", "top_p"], refusals: [] });
    const refused = review("claude-opus-4-7", { temperature: 0.2, top_p: 0.5, top_k: 5 }).refusals;
    expect(refused.map((r) => r.param)).toEqual(["temperature", "top_p", "top_k"]);
    expect(refused[0].message).toBe("parameter 'temperature' is not supported by Anthropic model 'claude-opus-4-7' (only 1, its default, is accepted)");
    expect(refused[2].message).toBe("parameter 'top_k' is not supported by Anthropic model 'claude-opus-4-7'");
  });

  it("keeps the provider-wide checks: gated parameters and the temperature range", () => {
    expect(review("claude-3-7-sonnet-latest", { seed: 1, temperature: 1.5 }).refusals.map((r) => [r.param, r.code])).toEqual([
      ["seed", "unsupported_parameter"],
      ["temperature", "invalid_parameter"],
    ]);
  });
});

describe("Gemini penalties per family", () => {
  it("refuses penalties on current models and takes them on Gemini 2.0 Flash; 0 is a no-op everywhere", () => {
    const penalties = { presence_penalty: 0.5, frequency_penalty: 0.2 };
    expect(review("gemini-2.5-flash", penalties, googleDeclaration).refusals.map((r) => r.message)).toEqual([
      "parameter 'presence_penalty' is not supported by Google Gemini model 'gemini-2.5-flash'",
      "parameter 'frequency_penalty' is not supported by Google Gemini model 'gemini-2.5-flash'",
    ]);
    expect(review("gemini-2.0-flash", penalties, googleDeclaration).refusals).toEqual([]);
    expect(review("gemini-2.0-flash-thinking-exp", penalties, googleDeclaration).refusals).toHaveLength(2);
    expect(review("gemini-2.5-pro", { presence_penalty: 0 }, googleDeclaration).refusals).toEqual([]);
  });
});

describe("conversation shape", () => {
  const withLast = (last: Record<string, unknown>) => ({ messages: [{ role: "user", content: "Hi" }, last] });

  it("refuses a final assistant message on models without prefill, and only there", () => {
    const prefill = withLast({ role: "assistant", content: "{" });
    expect(refusedShape(anthropicDeclaration, { model: "claude-sonnet-4-6", ...prefill })).toMatchObject({
      param: "messages",
      message: expect.stringContaining("Anthropic model 'claude-sonnet-4-6' does not continue a final assistant message"),
    });
    expect(refusedShape(anthropicDeclaration, { model: "claude-opus-4-7", ...prefill })?.param).toBe("messages");
    expect(refusedShape(anthropicDeclaration, { model: "claude-sonnet-4-5", ...prefill })).toBeNull();
    expect(refusedShape(anthropicDeclaration, { model: "claude-3-5-haiku-latest", ...prefill })).toBeNull();
  });

  it("does not take an assistant turn that calls tools for a prefill", () => {
    const call = { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }] };
    expect(endsWithPrefill(withLast(call).messages)).toBe(false);
    expect(endsWithPrefill(withLast({ role: "assistant", content: "Sure" }).messages)).toBe(true);
    expect(endsWithPrefill([])).toBe(false);
  });
});
