import { describe, expect, it } from "vitest";
import { FormatError, parsePartial, parsePrompt, renderPartial, renderPrompt, versionKey } from "../../scripts/promptly/files.mjs";

const chatPrompt = {
  name: "Reply",
  labels: { staging: 2, production: 1 },
  published_version: 1,
  template_type: "chat",
  string: JSON.stringify([{ role: "system", content: "Be {{tone}}.\n{{>footer}}" }, { role: "user", content: "{{q}}" }]),
  model: "gpt-4o-mini",
  parameters: { temperature: 0.2, max_tokens: 100 },
  tools: [{ type: "function", function: { name: "lookup", parameters: { type: "object", properties: {} } } }],
  tool_choice: "auto",
  functions: null,
  response_format: { type: "json_object" },
  template_metadata: { template_type: "chat" },
  virtual_key: "openai-main",
};

describe("the prompts-as-code file format", () => {
  it("writes sorted front matter of JSON values, the chat messages indented, LF and one trailing newline", () => {
    const text = renderPrompt(chatPrompt);
    const header = text.split("\n---\n")[0].split("\n").slice(1);
    expect(header.map((line) => line.split(":")[0])).toEqual([...header.map((line) => line.split(":")[0])].sort());
    expect(header).toContain('labels: {"production":1,"staging":2}');
    expect(header).toContain('parameters: {"max_tokens":100,"temperature":0.2}');
    expect(header.some((line) => line.startsWith("functions") || line.startsWith("template_metadata"))).toBe(false);
    expect(text).toContain('---\n[\n  {\n    "role": "system",');
    expect(text.endsWith("]\n")).toBe(true);
    expect(text).not.toContain("\r");
  });

  it("round-trips byte for byte: chat, completion with and without a trailing newline, partials", () => {
    for (const prompt of [
      chatPrompt,
      { ...chatPrompt, template_type: "completion", string: "Hello {{name}}\n", labels: {}, tools: null, model: null },
      { ...chatPrompt, template_type: "completion", string: "no newline\n---\nstill body", labels: {} },
      { ...chatPrompt, template_type: "completion", string: "", labels: {} },
    ]) {
      const text = renderPrompt(prompt);
      const parsed = parsePrompt(text);
      expect(renderPrompt(parsed)).toBe(text);
      expect(versionKey(parsed)).toBe(versionKey(prompt));
    }
    const partial = renderPartial({ name: "Footer", published_version: 3, string: "Thanks,\n{{team}}\n" });
    expect(parsePartial(partial)).toEqual({ name: "Footer", published_version: 3, string: "Thanks,\n{{team}}\n" });
    expect(renderPartial(parsePartial(partial))).toBe(partial);
  });

  it("sees chat messages formatted another way as the same version, and any field change as a new one", () => {
    const reformatted = { ...chatPrompt, string: JSON.stringify(JSON.parse(chatPrompt.string), null, 4), parameters: { temperature: 0.2, max_tokens: 100 } };
    expect(versionKey(reformatted)).toBe(versionKey(chatPrompt));
    expect(versionKey({ ...chatPrompt, model: "gpt-4o" })).not.toBe(versionKey(chatPrompt));
    expect(versionKey({ ...chatPrompt, labels: { production: 2 } })).toBe(versionKey(chatPrompt));
  });

  it("refuses what it would not write back: unknown or repeated keys, values that are not JSON, CRLF, a bad label", () => {
    const good = renderPrompt(chatPrompt);
    const bad = [
      good.replace("name:", "nmae:"),
      good.replace('name: "Reply"', 'name: "Reply"\nname: "Again"'),
      good.replace('model: "gpt-4o-mini"', "model: gpt-4o-mini"),
      good.replace(/\n/g, "\r\n"),
      good.replace('"staging":2', '"staging":"two"'),
      good.slice(4),
      good.replace("\n---\n[", "\n[").replace(/\n$/, ""),
    ];
    for (const text of bad) expect(() => parsePrompt(text, "x.prompt.md")).toThrow(FormatError);
  });
});
