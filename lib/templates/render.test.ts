import v8 from "node:v8";
import vm from "node:vm";
import Mustache from "mustache";
import { describe, expect, it } from "vitest";
import {
  loadPartialsFor,
  renderText,
  renderWithPartials,
  type PartialLoader,
} from "./index";
import { parseCacheBytes, parseTemplate } from "./render";
import { catchAsync, catchError, fakeLoader } from "@/tests/fixtures/templates";

const render = (template: string, variables: Record<string, unknown> = {}, partials: Record<string, string> = {}) =>
  renderWithPartials(template, variables, partials);

describe("variables", () => {
  it("replaces simple and dotted names", () => {
    expect(render("Hi {{name}}, from {{user.address.city}}", { name: "Ann", user: { address: { city: "Oslo" } } })).toBe(
      "Hi Ann, from Oslo",
    );
  });

  it("tolerates whitespace inside tags", () => {
    expect(render("{{ name }}|{{{ name }}}|{{& name }}", { name: "x" })).toBe("x|x|x");
  });

  it("renders absent, null and undefined variables as empty", () => {
    expect(render("[{{a}}][{{b}}][{{c}}][{{d.e}}][{{{a}}}]", { b: null, c: undefined })).toBe("[][][][][]");
  });

  it("renders numbers and booleans with String()", () => {
    expect(render("{{i}} {{f}} {{z}} {{t}} {{n}}", { i: 42, f: 1.5, z: 0, t: true, n: false })).toBe("42 1.5 0 true false");
  });

  it("renders an empty string as empty", () => {
    expect(render("<{{s}}>", { s: "" })).toBe("<>");
  });

  it("does not HTML-escape anything, in any tag form", () => {
    const value = `<b>&amp; "quoted" 'single' / \` =</b>`;
    expect(render("{{v}}|{{{v}}}|{{&v}}", { v: value })).toBe(`${value}|${value}|${value}`);
  });

  it("renders objects and arrays as JSON in double, triple and ampersand tags", () => {
    const obj = { a: 1, b: ["x", { c: null }], s: `<"'&>` };
    const arr = [1, "two", { three: 3 }];
    const json = JSON.stringify(obj);
    expect(render("{{o}}|{{{o}}}|{{&o}}", { o: obj })).toBe(`${json}|${json}|${json}`);
    expect(render("{{a}}|{{{a}}}|{{&a}}", { a: arr })).toBe(Array(3).fill(JSON.stringify(arr)).join("|"));
    expect(render("{{e}}{{o}}", { e: [], o: {} })).toBe("[]{}");
  });

  it("renders a nested object reached by a dotted name as JSON", () => {
    expect(render("{{user.prefs}}", { user: { prefs: { dark: true } } })).toBe('{"dark":true}');
  });

  it("reads own properties of arrays and strings, like length and indices", () => {
    expect(render("{{items.length}} {{items.0}} {{s.length}}", { items: ["a", "b"], s: "abcd" })).toBe("2 a 4");
  });

  it("never reaches Object.prototype: inherited names are absent", () => {
    expect(render("[{{constructor}}][{{toString}}][{{o.hasOwnProperty}}][{{__proto__}}]", { o: {} })).toBe("[][][][]");
    expect(render("{{#constructor}}yes{{/constructor}}{{^toString}}no{{/toString}}", {})).toBe("no");
  });

  it("does not call functions passed as values", () => {
    let called = false;
    const fn = () => {
      called = true;
      return "ran";
    };
    expect(render("[{{f}}][{{#f}}x{{/f}}]", { f: fn })).toBe("[][]");
    expect(called).toBe(false);
  });

  it("does not re-render mustache tags contained in values", () => {
    expect(render("{{a}}", { a: "{{b}}", b: "no" })).toBe("{{b}}");
  });
});

describe("sections", () => {
  it("renders a section on true and skips it on false, absent, null, 0 and empty string", () => {
    const t = "{{#v}}shown{{/v}}";
    expect(render(t, { v: true })).toBe("shown");
    for (const v of [false, null, 0, ""]) expect(render(t, { v })).toBe("");
    expect(render(t, {})).toBe("");
  });

  it("pushes an object as the context", () => {
    expect(render("{{#user}}{{name}} ({{age}}){{/user}}", { user: { name: "Bo", age: 3 } })).toBe("Bo (3)");
  });

  it("falls back to outer names inside a section", () => {
    expect(render("{{#user}}{{greeting}} {{name}}{{/user}}", { greeting: "Hi", user: { name: "Bo" } })).toBe("Hi Bo");
  });

  it("iterates over a list of objects", () => {
    const items = [
      { name: "a", qty: 1 },
      { name: "b", qty: 2 },
    ];
    expect(render("{{#items}}- {{name}} x{{qty}}\n{{/items}}", { items })).toBe("- a x1\n- b x2\n");
  });

  it("iterates over a list of scalars with {{.}}", () => {
    expect(render("{{#tags}}<{{.}}>{{/tags}}", { tags: ["x", "y", 3] })).toBe("<x><y><3>");
  });

  it("renders {{.}} of an object item as JSON", () => {
    expect(render("{{#rows}}{{.}};{{/rows}}", { rows: [{ a: 1 }, [2]] })).toBe('{"a":1};[2];');
  });

  it("renders nothing for an empty list", () => {
    expect(render("{{#items}}x{{/items}}", { items: [] })).toBe("");
  });

  it("survives null items in a list", () => {
    expect(render("{{#items}}[{{name}}]{{/items}}", { items: [null, { name: "n" }], name: "outer" })).toBe("[outer][n]");
  });

  it("handles nested sections and dotted section names", () => {
    const view = { groups: [{ name: "g1", members: [{ n: "a" }, { n: "b" }] }, { name: "g2", members: [] }], cfg: { on: true } };
    expect(render("{{#cfg.on}}on:{{/cfg.on}}{{#groups}}{{name}}({{#members}}{{n}}{{/members}}){{/groups}}", view)).toBe(
      "on:g1(ab)g2()",
    );
  });

  it("removes standalone section lines", () => {
    expect(render("a\n{{#v}}\nb\n{{/v}}\nc", { v: true })).toBe("a\nb\nc");
  });
});

describe("inverted sections", () => {
  const t = "{{^items}}none{{/items}}";
  it("renders on an empty list, false, null and absent", () => {
    expect(render(t, { items: [] })).toBe("none");
    expect(render(t, { items: false })).toBe("none");
    expect(render(t, { items: null })).toBe("none");
    expect(render(t, {})).toBe("none");
  });

  it("skips on a non-empty list, true, or an object", () => {
    expect(render(t, { items: [1] })).toBe("");
    expect(render(t, { items: true })).toBe("");
    expect(render(t, { items: {} })).toBe("");
  });

  it("keeps the outer context inside", () => {
    expect(render("{{^vip}}Dear {{name}}{{/vip}}", { name: "Al" })).toBe("Dear Al");
  });
});

describe("comments and delimiters", () => {
  it("drops comments, including multi-line ones", () => {
    expect(render("a{{! note }}b{{!\nmulti\nline\n}}c", {})).toBe("abc");
  });

  it("supports set-delimiter tags", () => {
    expect(render("{{=<% %>=}}<% a %> {{a}}", { a: "x" })).toBe("x {{a}}");
  });
});

describe("no global Mustache state", () => {
  it("leaves Mustache's default escaping alone", () => {
    render("{{v}}", { v: "<>" });
    expect(Mustache.render("{{v}}", { v: "<>" })).toBe("&lt;&gt;");
  });

  it("is not affected by changes to the global Mustache tags or escape", () => {
    const { tags, escape } = Mustache;
    try {
      Mustache.tags = ["<%", "%>"];
      Mustache.escape = () => "ESCAPED";
      expect(render("{{v}} <% v %>", { v: "<x>" })).toBe("<x> <% v %>");
    } finally {
      Mustache.tags = tags;
      Mustache.escape = escape;
    }
  });

  it("counts a cached parse at what its tokens weigh, not at its text's length", () => {
    // 40,000 tags in 200 kB of text: about 4 MB of token arrays on Node 20.
    const template = "{{x}}".repeat(40_000);
    const before = parseCacheBytes();
    parseTemplate(template);
    expect(parseCacheBytes() - before).toBeGreaterThanOrEqual(20 * template.length);
  });

  it("keeps a cached template's text flat, not as a rope of one node per character", () => {
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    // 400 kB of text: as Mustache builds it, 13 MB of rope; flat, under 1 MB.
    const template = `${"g".repeat(200_000)}{{x}}${"h".repeat(200_000)}`;
    gc();
    const before = process.memoryUsage().heapUsed;
    const tokens = parseTemplate(template);
    gc();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4_000_000);
    expect(tokens[0][1]).toHaveLength(200_000);
  });

  it("renders a repeated template quickly (the parse is cached)", () => {
    const template = "{{#items}}{{name}}: {{value}}\n{{/items}}".repeat(50);
    const items = Array.from({ length: 5 }, (_, i) => ({ name: `n${i}`, value: i }));
    const first = render(template, { items });
    const start = performance.now();
    for (let i = 0; i < 500; i++) expect(render(template, { items })).toBe(first);
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe("invalid templates", () => {
  it.each([
    ["an unclosed section", "{{#a}}x", /Unclosed section "a"/],
    ["an unopened section", "x{{/a}}", /Unopened section "a"/],
    ["mismatched sections", "{{#a}}{{#b}}{{/a}}{{/b}}", /Unclosed section "b"/],
    ["an unclosed tag", "hello {{name", /Unclosed tag/],
  ])("rejects %s with invalid_template", (_, template, message) => {
    const err = catchError(() => render(template, {}));
    expect(err.code).toBe("invalid_template");
    expect(err.message).toMatch(/^Invalid template: /);
    expect(err.message).toMatch(message);
  });

  it("is a real Error with a name", () => {
    const err = catchError(() => render("{{#a}}", {}));
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe("TemplateError");
  });

  it("names the partial that is malformed", async () => {
    const { load } = fakeLoader({ bad: "{{#x}}" });
    const err = await catchAsync(renderText("a {{>bad}}", {}, load));
    expect(err.code).toBe("invalid_template");
    expect(err.message).toContain('partial "bad"');
  });
});

describe("partials", () => {
  it("loads a partial by slug as its published version", async () => {
    const { load, calls } = fakeLoader({ greet: "Hello {{name}}" });
    expect(await renderText("{{>greet}}!", { name: "Zed" }, load)).toBe("Hello Zed!");
    expect(calls).toEqual([{ slug: "greet", version: null }]);
  });

  it("loads a pinned version with @N", async () => {
    const { load, calls } = fakeLoader({ greet: "published", "greet@5": "v5 {{x}}" });
    expect(await renderText("{{>greet@5}} / {{> greet }}", { x: 1 }, load)).toBe("v5 1 / published");
    expect(calls).toEqual([
      { slug: "greet", version: 5 },
      { slug: "greet", version: null },
    ]);
  });

  it("loads each distinct ref once, however often it is used", async () => {
    const { load, calls } = fakeLoader({ p: "P", "p@2": "P2", q: "Q{{>p}}" });
    const out = await renderText("{{>p}}{{>p}}{{#l}}{{>p@2}}{{/l}}{{>p@02}}{{>q}}", { l: [1, 2] }, load);
    expect(out).toBe("PPP2P2P2QP");
    expect(calls).toHaveLength(3);
    expect(calls).toEqual(
      expect.arrayContaining([
        { slug: "p", version: null },
        { slug: "p", version: 2 },
        { slug: "q", version: null },
      ]),
    );
  });

  it("keys the partials map by the literal tag", async () => {
    const { load } = fakeLoader({ p: "P", "p@1": "P1", "my-part": "M" });
    expect(await loadPartialsFor(["{{>p@1}} {{>p}}", "{{#x}}{{> my-part }}{{/x}}"], load)).toEqual({
      "p@1": "P1",
      p: "P",
      "my-part": "M",
    });
  });

  it("loads the partials of one level in parallel", async () => {
    let inFlight = 0;
    let peak = 0;
    const load: PartialLoader = async ({ slug }) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight--;
      return slug.toUpperCase();
    };
    expect(await renderText("{{>a}}{{>b}}{{>c}}", {}, load)).toBe("ABC");
    expect(peak).toBe(3);
  });

  it("resolves nested partials and renders them in the caller's context", async () => {
    const { load, calls } = fakeLoader({
      outer: "[{{#items}}{{>inner}}{{/items}}]",
      inner: "<{{name}}{{>leaf@3}}>",
      "leaf@3": "!{{mark}}",
    });
    expect(await renderText("{{>outer}}", { items: [{ name: "a" }, { name: "b" }], mark: "*" }, load)).toBe("[<a!*><b!*>]");
    expect(calls.map((c) => c.slug)).toEqual(["outer", "inner", "leaf"]);
  });

  it("renders partial values without escaping and objects as JSON", async () => {
    const { load } = fakeLoader({ p: "{{v}}|{{{o}}}" });
    expect(await renderText("{{>p}}", { v: "<&>", o: { a: 1 } }, load)).toBe('<&>|{"a":1}');
  });

  it("rejects an unknown partial, naming it", async () => {
    const { load } = fakeLoader({});
    const err = await catchAsync(renderText("x {{>missing@7}}", {}, load));
    expect(err.code).toBe("unknown_partial");
    expect(err.message).toContain("missing@7");
    expect(err.details).toEqual({ partial: "missing@7" });
  });

  it("rejects an unknown partial nested in another partial", async () => {
    const { load } = fakeLoader({ a: "{{>b}}" });
    const err = await catchAsync(renderText("{{>a}}", {}, load));
    expect(err.code).toBe("unknown_partial");
    expect(err.message).toContain('"b"');
  });

  it("rejects a partial including itself", async () => {
    const { load } = fakeLoader({ a: "{{#x}}{{>a}}{{/x}}" });
    const err = await catchAsync(renderText("{{>a}}", {}, load));
    expect(err.code).toBe("partial_cycle");
    expect(err.details).toEqual({ cycle: ["a", "a"] });
  });

  it("rejects a cycle across partials and versions", async () => {
    const { load, calls } = fakeLoader({ a: "{{>b@2}}", "b@2": "{{>c}}", c: "{{>a}}" });
    const err = await catchAsync(renderText("start {{>a}}", {}, load));
    expect(err.code).toBe("partial_cycle");
    expect(err.message).toContain("a -> b@2 -> c -> a");
    expect(calls).toHaveLength(3);
  });

  const chain = (depth: number) =>
    Object.fromEntries(Array.from({ length: depth }, (_, i) => [`p${i + 1}`, i + 1 < depth ? `{{>p${i + 2}}}` : "end"]));

  it("accepts partials nested 10 levels deep", async () => {
    const { load } = fakeLoader(chain(10));
    expect(await renderText("{{>p1}}", {}, load)).toBe("end");
  });

  it("rejects partials nested more than 10 levels deep", async () => {
    const { load, calls } = fakeLoader(chain(50));
    const err = await catchAsync(renderText("{{>p1}}", {}, load));
    expect(err.code).toBe("partial_cycle");
    expect(err.message).toMatch(/more than 10 levels/);
    expect(calls.length).toBeLessThanOrEqual(10);
  });

  it("passes the loader's own errors through", async () => {
    const load: PartialLoader = async () => {
      throw new Error("db down");
    };
    await expect(renderText("{{>p}}", {}, load)).rejects.toThrow("db down");
  });

  it("does not call the loader for a template without partials", async () => {
    const { load, calls } = fakeLoader({});
    expect(await renderText("plain {{x}}", { x: 1 }, load)).toBe("plain 1");
    expect(calls).toHaveLength(0);
  });
});

describe("renderWithPartials", () => {
  it("renders from an in-memory map", () => {
    expect(render("{{>p@1}}", { x: "y" }, { "p@1": "x={{x}}" })).toBe("x=y");
  });

  it("indents standalone partials like Mustache does", () => {
    expect(render("  {{>p}}\n", {}, { p: "a\nb" })).toBe("  a\n  b");
  });

  // Inherited from mustache.js (and so from Portkey's fork): a line of only tags and spaces is "standalone".
  it("strips the spaces of a line holding only partial tags, as mustache.js does", () => {
    expect(render("{{>a}} {{>b}}", {}, { a: "A", b: "B" })).toBe("AB");
    expect(render("x {{>a}} {{>b}}", {}, { a: "A", b: "B" })).toBe("x A B");
  });

  it("rejects a partial missing from the map instead of rendering it empty", () => {
    const err = catchError(() => render("{{>nope}}", {}, {}));
    expect(err.code).toBe("unknown_partial");
  });

  it("rejects a cyclic map instead of overflowing the stack", () => {
    const err = catchError(() => render("{{>a}}", {}, { a: "{{>b}}", b: "{{>a}}" }));
    expect(err.code).toBe("partial_cycle");
  });

  it("does not look partials up on the prototype", () => {
    expect(catchError(() => render("{{>constructor}}", {}, {})).code).toBe("unknown_partial");
  });
});
