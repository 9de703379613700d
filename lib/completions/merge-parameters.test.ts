import { describe, expect, it } from "vitest";
import { mergeParameters } from "./merge-parameters";

const stored = {
  model: "gpt-4o-mini",
  parameters: { temperature: 0.2, max_tokens: 100, stream: true, model: "ignored-by-column" },
  tools: [{ type: "function", function: { name: "f" } }],
  toolChoice: "auto",
  responseFormat: null,
  functions: null,
};

describe("mergeParameters", () => {
  it("layers stored parameters, version columns and request overrides, later winning", () => {
    expect(mergeParameters(stored, { max_tokens: 5, top_p: 0.5 })).toEqual({
      temperature: 0.2,
      max_tokens: 5,
      top_p: 0.5,
      model: "gpt-4o-mini",
      tools: stored.tools,
      tool_choice: "auto",
    });
  });

  it("never forwards control keys, a stored stream flag or messages", () => {
    const merged = mergeParameters(stored, { variables: { a: 1 }, stream: true, prompt_id: "x", messages: [], model: "gpt-4o" });
    expect(merged).not.toHaveProperty("variables");
    expect(merged).not.toHaveProperty("stream");
    expect(merged).not.toHaveProperty("prompt_id");
    expect(merged).not.toHaveProperty("messages");
    expect(merged.model).toBe("gpt-4o");
  });

  it("does not let null overrides erase stored settings", () => {
    expect(mergeParameters(stored, { temperature: null }).temperature).toBe(0.2);
  });
});
