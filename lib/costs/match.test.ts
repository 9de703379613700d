import { describe, expect, it } from "vitest";
import { baseModel, findPrice } from "./match";

const prices = [
  { model: "gpt-4o", inputPerMTok: 2.5 },
  { model: "gpt-4o-mini", inputPerMTok: 0.15 },
  { model: "claude-sonnet-4-0", inputPerMTok: 3 },
  { model: "claude-3-5-haiku-latest", inputPerMTok: 0.8 },
];

describe("model price matching", () => {
  it("prices a name exactly first", () => {
    expect(findPrice(prices, "gpt-4o-mini")?.inputPerMTok).toBe(0.15);
    expect(findPrice([...prices, { model: "gpt-4o-2024-05-13", inputPerMTok: 5 }], "gpt-4o-2024-05-13")?.inputPerMTok).toBe(5);
  });

  it("prices a dated snapshot or alias as the model it snapshots", () => {
    expect(findPrice(prices, "gpt-4o-2024-08-06")?.model).toBe("gpt-4o");
    expect(findPrice(prices, "gpt-4o-mini-2024-07-18")?.model).toBe("gpt-4o-mini");
    expect(findPrice(prices, "claude-sonnet-4-20250514")?.model).toBe("claude-sonnet-4-0");
    expect(findPrice(prices, "claude-3-5-haiku-20241022")?.model).toBe("claude-3-5-haiku-latest");
    expect(baseModel("gpt-3.5-turbo-0125")).toBe("gpt-3.5-turbo");
  });

  it("leaves other models unknown rather than guessing from a prefix", () => {
    expect(findPrice(prices, "gpt-4o-audio-preview")).toBeNull();
    expect(findPrice(prices, "gpt-4")).toBeNull();
    expect(findPrice(prices, "llama3.2")).toBeNull();
    expect(findPrice([], "gpt-4o")).toBeNull();
  });
});
