import { describe, expect, it } from "vitest";
import { redactSecret } from "./redact";

describe("redactSecret", () => {
  it("cuts every occurrence of the secret out of a provider's message", () => {
    const secret = "sk-live-0123456789abcdef";
    expect(redactSecret(`Incorrect API key provided: ${secret}. Key ${secret}`, secret)).toBe("Incorrect API key provided: [redacted]. Key [redacted]");
  });

  it("leaves text alone without a (meaningful) secret", () => {
    expect(redactSecret("model not found", "sk-live-0123456789abcdef")).toBe("model not found");
    expect(redactSecret("a bad answer", "a")).toBe("a bad answer");
    expect(redactSecret("anything", "")).toBe("anything");
    expect(redactSecret("anything", null)).toBe("anything");
  });
});
