import { describe, expect, it } from "vitest";
import { anthropicDeclaration } from "@/lib/providers/anthropic/declaration";
import { mistralAIDeclaration } from "@/lib/providers/mistral-ai/declaration";
import { openaiDeclaration } from "@/lib/providers/openai/declaration";
import { temperatureHint } from "./compare";

describe("a compare column's temperature placeholder", () => {
  it("shows the source's saved temperature first", () => {
    expect(temperatureHint(0.3, openaiDeclaration).placeholder).toBe("0.3");
    expect(temperatureHint("0.7", null).placeholder).toBe("0.7");
  });

  it("else the default the provider's declaration states", () => {
    expect(temperatureHint(undefined, openaiDeclaration)).toEqual({ placeholder: "1", title: "OpenAI's default temperature: 1" });
    expect(temperatureHint("", anthropicDeclaration).placeholder).toBe("1");
  });

  it("else says it is the provider's own default, never a made-up number", () => {
    expect(temperatureHint(null, mistralAIDeclaration).placeholder).toBe("default");
    expect(temperatureHint(null, null).placeholder).toBe("default");
  });
});
