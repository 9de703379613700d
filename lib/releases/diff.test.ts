import { describe, expect, it } from "vitest";
import { versionDiff, type VersionFacts } from "./diff";

const version = (over: Partial<VersionFacts>): VersionFacts => ({
  version: 1,
  templateType: "chat",
  template: JSON.stringify([{ role: "user", content: "Hi {{name}}" }]),
  model: "gpt-4o-mini",
  virtualKeyId: "vk-1",
  parameters: { model: "gpt-4o-mini", temperature: 0.2, max_tokens: 100 },
  tools: null,
  toolChoice: null,
  responseFormat: null,
  ...over,
});

describe("versionDiff", () => {
  it("shows the template as a unified diff and lists the settings that changed", () => {
    const base = version({});
    const candidate = version({ version: 2, template: JSON.stringify([{ role: "user", content: "Hello {{name}}" }]), model: "gpt-4o", parameters: { max_tokens: 100, temperature: 0.2, model: "gpt-4o" } });
    const diff = versionDiff(base, candidate);
    expect(diff.template).toContain('-    "content": "Hi {{name}}"');
    expect(diff.template).toContain('+    "content": "Hello {{name}}"');
    // Parameters differ only in key order: not a change.
    expect(diff.changes).toEqual([{ field: "model", from: "gpt-4o-mini", to: "gpt-4o" }]);
  });

  it("compares against nothing when the label serves no version yet", () => {
    const diff = versionDiff(null, version({ tools: [{ type: "function", function: { name: "f" } }] }));
    expect(diff.template).toContain('+    "content": "Hi {{name}}"');
    expect(diff.changes.map((c) => c.field)).toEqual(["template_type", "model", "virtual_key", "parameters", "tools"]);
  });
});
