import { describe, expect, it } from "vitest";
import type { VersionTemplate } from "@/lib/hooks/use-prompt-versions";
import { draftFromVersion, templateString } from "./draft";
import { draftFingerprint, draftOverrides, parseDraftSettings, versionBody } from "./draft-body";
import { analyzeDraft, invalidJsonVariables, readVariableField, variablesBody } from "./variables";

const version = (over: Partial<VersionTemplate> = {}): VersionTemplate => ({
  string: JSON.stringify([
    { role: "system", content: "You are {{persona}}. {{>rules}}" },
    { role: "user", content: [{ type: "text", text: "hi {{name}}" }] },
  ]),
  parameters: { temperature: 0.2, max_tokens: 50, n: 2, stop: ["END"] },
  model: "gpt-4o-mini",
  virtual_key: "vk",
  tools: null,
  tool_choice: null,
  functions: null,
  response_format: { type: "json_object" },
  template_metadata: { template_type: "chat" },
  template_type: "chat",
  ...over,
});

describe("drafts", () => {
  it("round-trips a version through the form without changes", () => {
    const draft = draftFromVersion(version());
    expect(draft.settings.numbers.temperature).toBe("0.2");
    expect(draft.settings.otherParameters).toEqual({ n: 2 });
    expect(JSON.parse(templateString(draft))).toEqual(JSON.parse(version().string));
    const body = versionBody(draft, " first ");
    expect(body).toMatchObject({
      model: "gpt-4o-mini",
      virtual_key: "vk",
      parameters: { n: 2, temperature: 0.2, max_tokens: 50, stop: ["END"] },
      response_format: { type: "json_object" },
      tools: null,
      version_description: "first",
    });
    expect(draftFingerprint(draft)).toBe(draftFingerprint(draftFromVersion(version())));
  });

  it("flags out-of-range numbers and invalid tools JSON, and marks an edit as a change", () => {
    const draft = draftFromVersion(version());
    draft.settings.numbers.temperature = "3";
    draft.settings.tools = "[{";
    const { errors } = parseDraftSettings(draft);
    expect(errors.temperature).toMatch(/at most 2/);
    expect(errors.tools).toMatch(/Invalid JSON/);
    expect(draftFingerprint(draft)).not.toBe(draftFingerprint(draftFromVersion(version())));
  });

  it("runs a draft as template overrides, with the variables of its partials", () => {
    const draft = draftFromVersion(version());
    expect(draftOverrides(draft)).toMatchObject({ template: templateString(draft), template_type: "chat", virtual_key: "vk", model: "gpt-4o-mini", temperature: 0.2 });
    const analysis = analyzeDraft(draft, { rules: "Be {{tone}}" });
    expect(analysis.variables).toEqual(["persona", "tone", "name"]);
    expect(analysis.partials).toEqual([{ tag: "rules", slug: "rules", known: true }]);
    expect(analyzeDraft(draft, {}).partials[0].known).toBe(false);
    expect(variablesBody(["a", "b"], { a: '{"x":1}', b: "[not json" })).toEqual({ a: { x: 1 }, b: "[not json" });
  });
});

describe("variable fields", () => {
  it("say when text that looks like JSON does not parse, and that it goes as text", () => {
    expect(readVariableField('{"a": 1}')).toEqual({ kind: "json", value: { a: 1 } });
    expect(readVariableField("plain")).toEqual({ kind: "text" });
    const broken = readVariableField('{"a": 1,}');
    expect(broken.kind).toBe("invalid-json");
    expect(invalidJsonVariables(["a", "b", "c"], { a: "[1, 2", b: "[1, 2]", c: "x" })).toEqual(["a"]);
  });
});
