import { describe, expect, it } from "vitest";
import { analyzeTemplate } from "./variables";

describe("the variables pane's analysis", () => {
  it("keeps listing variables (and says where the mistake is) when the template does not parse", () => {
    const chat = JSON.stringify([{ role: "user", content: "About {{topic}}\n{{#items}}{{name}} from {{city}}" }]);
    const analysis = analyzeTemplate("chat", chat, {});
    expect(analysis.variables).toEqual(["topic", "items", "name", "city"]);
    expect(analysis.error).toBe('Message 1 (user) at line 2, column 1: Unclosed section "items": add {{/items}}');
  });

  it("follows known partials at the top level even then", () => {
    const analysis = analyzeTemplate("completion", "{{>sig}} {{a}} {{#open}}", { sig: "by {{author}}" });
    expect(analysis.variables).toEqual(["a", "open", "author"]);
    expect(analysis.partials).toEqual([{ tag: "sig", slug: "sig", known: true }]);
  });
});
