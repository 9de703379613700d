import { describe, expect, it } from "vitest";
import { listPartialRefs, listVariables, missingVariables, TemplateError } from "./index";

describe("listVariables", () => {
  it("lists plain variables in first-appearance order, deduplicated", () => {
    expect(listVariables("{{b}} {{a}} {{{b}}} {{&c}} {{a}}")).toEqual(["b", "a", "c"]);
  });

  it("reports the first segment of dotted names", () => {
    expect(listVariables("{{user.name}} {{user.address.city}} {{org.id}}")).toEqual(["user", "org"]);
  });

  it("ignores {{.}}, comments, text and set-delimiter tags", () => {
    expect(listVariables("text {{! not_a_var }} {{.}} {{=<% %>=}}<% real %>")).toEqual(["real"]);
  });

  it("reports a section name but not its item's fields", () => {
    expect(listVariables("{{#items}}{{name}} {{price.amount}}{{/items}}")).toEqual(["items"]);
  });

  it("reports names in inverted sections, whose context is unchanged", () => {
    expect(listVariables("{{^vip}}Dear {{name}}{{/vip}}")).toEqual(["vip", "name"]);
  });

  it("treats inverted sections nested in a section as item scope", () => {
    expect(listVariables("{{#items}}{{^sold}}{{label}}{{/sold}}{{/items}} {{after}}")).toEqual(["items", "after"]);
  });

  it("reports a name used both inside and outside a section", () => {
    expect(listVariables("{{#items}}{{title}}{{/items}} {{title}}")).toEqual(["items", "title"]);
  });

  it("reports dotted section names by their first segment", () => {
    expect(listVariables("{{#cfg.flags.on}}x{{/cfg.flags.on}}")).toEqual(["cfg"]);
  });

  it("follows partials recursively, respecting section scope", () => {
    const partials = { header: "{{title}} {{>footer@2}}", "footer@2": "{{company}}", row: "{{cell}}" };
    expect(listVariables("{{>header}} {{#rows}}{{>row}}{{/rows}} {{end}}", partials)).toEqual([
      "title",
      "company",
      "rows",
      "end",
    ]);
  });

  it("ignores partials missing from the map and stops on cycles", () => {
    expect(listVariables("{{a}}{{>gone}}{{>loop}}", { loop: "{{b}}{{>loop}}" })).toEqual(["a", "b"]);
  });

  it("throws invalid_template on a malformed template", () => {
    expect(() => listVariables("{{#a}}")).toThrow(TemplateError);
  });

  it("returns nothing for a template without tags", () => {
    expect(listVariables("just text")).toEqual([]);
  });
});

describe("listPartialRefs", () => {
  it("lists direct partial refs with slug, version and tag, deduplicated", () => {
    expect(listPartialRefs("{{>intro}} {{#x}}{{> body@12 }}{{/x}} {{>intro}} {{^y}}{{>my-slug_2@3}}{{/y}}")).toEqual([
      { slug: "intro", version: null, tag: "intro" },
      { slug: "body", version: 12, tag: "body@12" },
      { slug: "my-slug_2", version: 3, tag: "my-slug_2@3" },
    ]);
  });

  it("keeps a non-numeric suffix as part of the slug", () => {
    expect(listPartialRefs("{{>p@latest}}")).toEqual([{ slug: "p@latest", version: null, tag: "p@latest" }]);
  });

  it("returns nothing without partials", () => {
    expect(listPartialRefs("{{a}} {{#b}}{{/b}}")).toEqual([]);
  });
});

describe("missingVariables", () => {
  it("reports absent, undefined and null as missing, in the order used", () => {
    expect(missingVariables(["a", "b", "c", "d"], { b: undefined, c: "x", d: null })).toEqual(["a", "b", "d"]);
    expect(missingVariables(["z", "y"], {})).toEqual(["z", "y"]);
  });

  it("counts empty strings, zero, false and empty containers as provided", () => {
    expect(missingVariables(["s", "n", "f", "l", "o"], { s: "", n: 0, f: false, l: [], o: {} })).toEqual([]);
  });

  it("does not count inherited properties as provided", () => {
    expect(missingVariables(["constructor", "toString"], {})).toEqual(["constructor", "toString"]);
  });
});

describe("listVariables on partials that include each other many times", () => {
  it("walks each partial once per context, not once per path", () => {
    // 8 levels, each including the next 20 times: 20^8 paths.
    const partials: Record<string, string> = { p8: "{{leaf}}" };
    for (let level = 7; level >= 0; level--) partials[`p${level}`] = `{{>p${level + 1}}}`.repeat(20);
    expect(listVariables("{{>p0}}", partials)).toEqual(["leaf"]);
  });
});
