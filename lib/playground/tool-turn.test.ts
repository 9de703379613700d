import { describe, expect, it } from "vitest";
import { renderTemplate, templateVariables } from "@/lib/templates";
import type { ToolCallState } from "./run-state";
import { continuationTemplate, literalTemplateText, literalText, toolResultTurn } from "./tool-turn";

const noPartials = async () => null;
const template = JSON.stringify([{ role: "user", content: "Weather in {{city}}?" }]);
const call = (over: Partial<ToolCallState> = {}): ToolCallState => ({ index: 0, id: "call_1", name: "get_weather", arguments: '{"city":"Paris"}', ...over });

describe("continuing a run with tool results", () => {
  it("appends the assistant's tool calls and one tool message per call, rendered as written", async () => {
    const result = '{"temp": "18C", "note": "{{city}} is {{{not}}} a tag here"}';
    const turn = toolResultTurn({ text: "", toolCalls: [call()] }, { call_1: result });
    const next = continuationTemplate(template, turn);
    // The appended strings hold no variables: only the template's own are asked for.
    expect(templateVariables("chat", next)).toEqual(["city"]);
    const rendered = await renderTemplate("chat", next, { city: "Paris" }, noPartials, { strict: true });
    expect(rendered).toEqual({
      messages: [
        { role: "user", content: "Weather in Paris?" },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
        { role: "tool", tool_call_id: "call_1", content: result },
      ],
    });
  });

  it("keeps the text the model wrote before its calls, and gives an id-less call a stable one", async () => {
    const turn = toolResultTurn({ text: "Let me check {{that}}.", toolCalls: [call({ id: null, index: 2, arguments: "" })] }, { call_2: "sunny" });
    const rendered = await renderTemplate("chat", continuationTemplate(template, turn), { city: "Rome" }, noPartials);
    expect(rendered).toMatchObject({
      messages: [
        {},
        { role: "assistant", content: "Let me check {{that}}.", tool_calls: [{ id: "call_2", function: { arguments: "{}" } }] },
        { role: "tool", tool_call_id: "call_2", content: "sunny" },
      ],
    });
  });

  it("picks delimiters the text does not contain", async () => {
    const text = "a {{b}} <% c %> <%% d";
    const literal = literalTemplateText(text);
    expect(literal.startsWith("{{=<%%% %>=}}")).toBe(true);
    const rendered = await renderTemplate("completion", literal, {}, noPartials);
    expect(rendered).toEqual({ prompt: text });
    expect(literalTemplateText("no tags")).toBe("no tags");
    expect(literalText(literal)).toBe(text);
    expect(literalText("no tags")).toBe("no tags");
  });
});
