import { describe, expect, it } from "vitest";
import { supportedBody } from "@/lib/completions/capabilities";
import type { ApiError } from "@/lib/core/http/errors";
import { ANTHROPIC_CAPABILITIES } from "./anthropic/capabilities";
import { toAnthropicRequest } from "./anthropic/request";
import { GATED_PARAMETERS } from "./capability-parameters";
import { GOOGLE_CAPABILITIES } from "./google/capabilities";
import { toGeminiRequest } from "./google/request";
import { RequestMappingError } from "./native/mapping-error";
import { declaredPolicy } from "./native/parameters";
import { reviewParameters } from "./model-policy";
import { getProvider, listProviders } from "./registry";
import type { BooleanCapability, ProviderCapabilities } from "./types";

const chat = { model: "m", messages: [{ role: "user", content: "Hi" }] };

/** The first parameter a provider with these capabilities (and no model families) refuses. */
function refusedParameter(capabilities: ProviderCapabilities, displayName: string, body: Record<string, unknown>) {
  return reviewParameters({ displayName, capabilities }, body).refusals[0] ?? null;
}

/** A value each gated parameter takes when it asks for something. */
const ASKING: Record<string, unknown> = { n: 2, logprobs: true, top_logprobs: 2, presence_penalty: 0.5, frequency_penalty: -1, seed: 7 };

function adapterRefusal(map: (body: Record<string, unknown>) => unknown, body: Record<string, unknown>): RequestMappingError | null {
  try {
    map({ ...chat, ...body });
    return null;
  } catch (error) {
    if (error instanceof RequestMappingError) return error;
    throw error;
  }
}

function engineRefusal(providerId: string, body: Record<string, unknown>): ApiError | null {
  try {
    supportedBody(getProvider(providerId)!, "chat", { ...chat, ...body }, false);
    return null;
  } catch (error) {
    return error as ApiError;
  }
}

const NATIVE = [
  { id: "anthropic", capabilities: ANTHROPIC_CAPABILITIES, map: (body: Record<string, unknown>) => toAnthropicRequest(body, false) },
  { id: "google", capabilities: GOOGLE_CAPABILITIES, map: (body: Record<string, unknown>) => toGeminiRequest(body) },
] as const;

describe("declared capabilities: penalties, seed and the temperature range", () => {
  it("declares them for every provider, as GET /v1/providers lists them", () => {
    for (const provider of listProviders()) {
      expect(typeof provider.capabilities.penalties, provider.id).toBe("boolean");
      expect(typeof provider.capabilities.seed, provider.id).toBe("boolean");
      expect(provider.capabilities.maxTemperature, provider.id).toBeGreaterThan(0);
    }
    const byId = Object.fromEntries(listProviders().map((p) => [p.id, p.capabilities]));
    expect(byId.anthropic).toMatchObject({ penalties: false, seed: false, maxTemperature: 1 });
    expect(byId.google).toMatchObject({ penalties: false, seed: true, maxTemperature: 2, logprobs: false });
    expect(byId.openai).toMatchObject({ penalties: true, seed: true, maxTemperature: 2 });
  });

  it("refuses a gated parameter only when its capability is off, and never its no-op value", () => {
    expect(refusedParameter(ANTHROPIC_CAPABILITIES, "Anthropic", { seed: 1 })).toEqual({
      param: "seed",
      message: "parameter 'seed' is not supported by Anthropic",
      code: "unsupported_parameter",
    });
    expect(refusedParameter(ANTHROPIC_CAPABILITIES, "Anthropic", { presence_penalty: 0.1 })?.param).toBe("presence_penalty");
    expect(refusedParameter(ANTHROPIC_CAPABILITIES, "Anthropic", { frequency_penalty: -0.1 })?.param).toBe("frequency_penalty");
    expect(refusedParameter(ANTHROPIC_CAPABILITIES, "Anthropic", { presence_penalty: 0, frequency_penalty: 0, n: 1, logprobs: false, seed: null })).toBeNull();
    // Current Gemini models take a seed but answer one candidate (Gemini 2.x is a model family).
    expect(refusedParameter(GOOGLE_CAPABILITIES, "Google Gemini", { seed: 1, n: 1 })).toBeNull();
    expect(refusedParameter(GOOGLE_CAPABILITIES, "Google Gemini", { n: 3 })?.param).toBe("n");
  });

  it("refuses a temperature above the declared maximum", () => {
    expect(refusedParameter(ANTHROPIC_CAPABILITIES, "Anthropic", { temperature: 1 })).toBeNull();
    expect(refusedParameter(ANTHROPIC_CAPABILITIES, "Anthropic", { temperature: 1.2 })).toEqual({
      param: "temperature",
      message: "temperature 1.2 is out of Anthropic's range (0 to 1)",
      code: "invalid_parameter",
    });
    expect(refusedParameter(GOOGLE_CAPABILITIES, "Google Gemini", { temperature: 1.9 })).toBeNull();
    expect(refusedParameter(GOOGLE_CAPABILITIES, "Google Gemini", { temperature: 2.5 })?.param).toBe("temperature");
  });

  it("makes the engine refuse, before any call, what Anthropic declares it lacks", () => {
    expect(engineRefusal("anthropic", { seed: 42 })).toMatchObject({ status: 400, param: "seed", code: "unsupported_parameter", message: "parameter 'seed' is not supported by Anthropic model 'm'" });
    expect(engineRefusal("anthropic", { presence_penalty: 0.5 })).toMatchObject({ status: 400, param: "presence_penalty" });
    expect(engineRefusal("anthropic", { frequency_penalty: 0.5 })).toMatchObject({ status: 400, param: "frequency_penalty" });
    expect(engineRefusal("anthropic", { temperature: 1.5 })).toMatchObject({ status: 400, param: "temperature", code: "invalid_parameter" });
    expect(engineRefusal("anthropic", { temperature: 0.7, presence_penalty: 0 })).toBeNull();
    expect(engineRefusal("google", { model: "gemini-2.0-flash", seed: 42, presence_penalty: 0.5, temperature: 1.5 })).toBeNull();
    expect(engineRefusal("openai", { seed: 42, frequency_penalty: 1, temperature: 2 })).toBeNull();
  });

  // The adapters build their refusals from the same table: flip a capability in the
  // declaration and the adapter follows, with no second list to keep in step.
  it.each(NATIVE)("$id: the adapter refuses exactly the gated parameters its declaration turns off", ({ capabilities, map }) => {
    for (const [capability, parameters] of Object.entries(GATED_PARAMETERS) as [BooleanCapability, Record<string, unknown>][]) {
      for (const param of Object.keys(parameters)) {
        const error = adapterRefusal(map, { [param]: ASKING[param], ...(param === "top_logprobs" ? { logprobs: false } : {}) });
        if (capabilities[capability]) expect(error, `${capability}: ${param}`).toBeNull();
        else expect(error, `${capability}: ${param}`).toMatchObject({ param, message: expect.stringContaining(`'${param}' is not supported`) });
      }
    }
    const over = capabilities.maxTemperature + 0.5;
    expect(adapterRefusal(map, { temperature: capabilities.maxTemperature })).toBeNull();
    expect(adapterRefusal(map, { temperature: over })).toMatchObject({ param: "temperature", code: "invalid_parameter" });
  });

  it("refuses to build a policy that contradicts the declaration", () => {
    const caps: ProviderCapabilities = { ...ANTHROPIC_CAPABILITIES };
    const policy = { handled: ["model", "messages"], ignored: [], unsupported: {} };
    expect(declaredPolicy({ displayName: "X", capabilities: caps }, policy).unsupported).toHaveProperty("seed");
    expect(() => declaredPolicy({ displayName: "X", capabilities: { ...caps, seed: true } }, policy)).toThrow("X declares seed but does not map 'seed'");
    expect(() => declaredPolicy({ displayName: "X", capabilities: caps }, { ...policy, handled: [...policy.handled, "seed"] })).toThrow("X maps 'seed' but declares no seed");
    expect(() => declaredPolicy({ displayName: "X", capabilities: caps }, { ...policy, unsupported: { seed: () => false } })).toThrow(/comes from the seed capability/);
  });
});
