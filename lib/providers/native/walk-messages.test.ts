import { describe, expect, it } from "vitest";
import { mappingRefusal } from "@/tests/fixtures/native-requests";
import { walkMessages, type MessageShapes } from "./walk-messages";

// A provider whose parts are plain strings, to see the walk itself.
const shapes: MessageShapes<string, "model"> = {
  provider: "Test AI",
  modelRole: "model",
  contentPart: (part) => (part.kind === "text" ? (part.text ? [part.text] : []) : [`<${part.kind}>`]),
  toolCall: (call, i, j) => `call ${call.function.name} #${i}.${j}`,
  toolResult: (message, text) => `result ${message.tool_call_id}: ${text()}`,
};

describe("walkMessages", () => {
  it("hoists system and developer texts, in order, and skips blank ones", () => {
    const walked = walkMessages(
      [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
        { role: "developer", content: "  " },
        { role: "developer", content: [{ type: "text", text: "In French." }] },
      ],
      shapes,
    );
    expect(walked.system).toBe("Be brief.\n\nIn French.");
    expect(walked.turns).toEqual([{ role: "user", parts: ["Hi"] }]);
  });

  it("has no system when there is none", () => {
    expect(walkMessages([{ role: "user", content: "Hi" }], shapes)).toEqual({ turns: [{ role: "user", parts: ["Hi"] }] });
  });

  it("puts tool calls after the assistant's text and tool results in a user turn, merging turns of one role", () => {
    const walked = walkMessages(
      [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: "Checking.", tool_calls: [{ id: "a", type: "function", function: { name: "get_weather", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "a", content: "sunny" },
        { role: "user", content: "Thanks" },
        { role: "assistant", content: "" },
      ],
      shapes,
    );
    expect(walked.turns).toEqual([
      { role: "user", parts: ["Weather?"] },
      { role: "model", parts: ["Checking.", "call get_weather #1.0"] },
      { role: "user", parts: ["result a: sunny", "Thanks"] },
    ]);
  });

  it("refuses a role the provider has no place for, naming the provider and where", () => {
    const error = mappingRefusal(() => walkMessages([{ role: "function", content: "x" }], shapes));
    expect(error.param).toBe("messages[0].role");
    expect(error.message).toBe("message role 'function' is not supported by Test AI");
  });
});
