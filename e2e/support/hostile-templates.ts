import fc from "fast-check";

/**
 * Hostile Mustache templates and variables for e2e/api/hostile-templates.spec.ts: what an
 * attacker with a key (or an editor with a grudge) can save or send as a draft. Each piece
 * aims at one way a renderer dies: deep nesting, sections multiplying over lists, partials
 * that recurse or chain past the depth limit, giant values, broken tags and delimiters,
 * characters databases and JSON dislike.
 */
export interface TemplateCase {
  kind: "chat" | "completion";
  template: string;
  variables: Record<string, unknown>;
  /** Saved as a new version of a prompt, as a new partial the draft includes, or sent as a draft only. */
  via: "version" | "partial" | "draft";
  call: "render" | "completions" | "stream";
}

const NAMES = ["a", "b", "list", "items", "name", "x", "deep"];
const name = fc.constantFrom(...NAMES);

const oddText = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "\udfff", "x\ud83d", "\u202e", "\ufeff", "😀", "\r\n", "\\", '"', "</script>", "{{", "}}", "{", "}"),
);

const variableTag = fc.oneof(
  name.map((n) => `{{${n}}}`),
  name.map((n) => `{{{${n}}}}`),
  name.map((n) => `{{& ${n}}}`),
  fc.constantFrom("{{.}}", "{{a.b.c.d.e}}", "{{constructor}}", "{{__proto__}}", "{{constructor.name}}", "{{toString}}", "{{list.length}}", "{{ }}", "{{}}"),
);

const broken = fc.constantFrom(
  "{{#a}}", "{{^a}}", "{{/a}}", "{{#a}}{{/b}}", "{{a", "{{{a}}", "{{{a}", "{{>", "{{> }}", "{{!", "{{!-- x", "{{=", "{{=}}", "{{==}}",
  "{{=a b=}}", "{{= | | =}}|a|", "{{=<% %>=}}<%a%>", "{{=<% %>=}}<%#list%><%.%><%/list%>", "{{=[[ ]]=}}[[#a]]x[[/a]]", "{{=<% %>=}}{{a}}", "}}", "{{{{a}}}}", "{{#}}{{/}}",
);

const section = fc
  .tuple(name, fc.constantFrom("#", "^"), fc.oneof(oddText, variableTag))
  .map(([n, kind, inner]) => `{{${kind}${n}}}${inner}{{/${n}}}`);

/** Nesting thousands deep: every recursive walk over the parse tree is at risk. */
const deepNesting = fc
  .record({ depth: fc.integer({ min: 50, max: 5_000 }), tag: name, kind: fc.constantFrom("#", "^") })
  .map(({ depth, tag, kind }) => `{{${kind}${tag}}}`.repeat(depth) + "x" + `{{/${tag}}}`.repeat(depth));

/** Sections over a list nested inside each other: output grows as length^depth. */
const multiplying = fc
  .record({ depth: fc.integer({ min: 2, max: 10 }), text: fc.constantFrom("x", "{{.}}", "{{name}}", "0123456789") })
  .map(({ depth, text }) => "{{#list}}".repeat(depth) + text + "{{/list}}".repeat(depth));

const partialTag = (slugs: string[]) => fc.oneof(fc.constantFrom(...slugs).map((s) => `{{>${s}}}`), fc.constantFrom("{{>missing-partial}}", "{{> __proto__}}", "{{>constructor}}", "{{>..}}", "{{>a/b}}"));

const giant = fc.integer({ min: 10_000, max: 150_000 }).map((n) => "g".repeat(n));

const piece = (slugs: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: oddText },
    { weight: 4, arbitrary: variableTag },
    { weight: 3, arbitrary: section },
    { weight: 3, arbitrary: broken },
    { weight: 1, arbitrary: deepNesting },
    { weight: 2, arbitrary: multiplying },
    { weight: 2, arbitrary: partialTag(slugs) },
    { weight: 1, arbitrary: giant },
  );

const smallValue = fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom("\u0000", "{{a}}", "{{>x}}"));

/** A value nested `depth` levels (below the JSON depth check's 64, so it reaches the renderer). */
const nested = fc.integer({ min: 1, max: 60 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { deep: value, a: value === "bottom" ? "x" : undefined };
  return value;
});

const variableValue = fc.oneof(
  { weight: 4, arbitrary: smallValue },
  { weight: 2, arbitrary: fc.array(smallValue, { maxLength: 20 }) },
  // Huge lists: a section over them repeats its body that many times.
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => Array.from({ length: n }, (_, i) => i % 10)) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 400_000 }).map((n) => "v".repeat(n)) },
  { weight: 1, arbitrary: nested },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...NAMES, "__proto__", "constructor"), smallValue, { maxKeys: 4 }) },
);

const variables = fc.record({
  list: fc.oneof(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 2, maxLength: 12 }), variableValue),
  a: variableValue,
  b: variableValue,
  name: variableValue,
  items: variableValue,
}, { requiredKeys: ["list"] });

/** The template as the kind wants it: chat templates are a JSON array of messages (sometimes not). */
function asKind(kind: "chat" | "completion", text: string, shape: number): string {
  if (kind === "completion") return text;
  if (shape === 0) return text; // not JSON at all: refused as an invalid chat template
  if (shape === 1) return JSON.stringify([{ role: "system", content: "You help." }, { role: "user", content: text }]);
  if (shape === 2) return JSON.stringify([{ role: "user", content: [{ type: "text", text }, { type: "image_url", image_url: { url: text } }] }]);
  return JSON.stringify([{ role: text, content: text, name: text }]);
}

export function templateCaseArb(partialSlugs: string[]): fc.Arbitrary<TemplateCase> {
  return fc
    .record({
      kind: fc.constantFrom("completion", "completion", "chat") as fc.Arbitrary<"chat" | "completion">,
      pieces: fc.array(piece(partialSlugs), { minLength: 1, maxLength: 4 }),
      shape: fc.integer({ min: 0, max: 3 }),
      variables,
      via: fc.constantFrom("version", "version", "partial", "draft", "draft") as fc.Arbitrary<TemplateCase["via"]>,
      call: fc.constantFrom("render", "render", "completions", "stream") as fc.Arbitrary<TemplateCase["call"]>,
    })
    .map(({ kind, pieces, shape, variables, via, call }) => ({ kind, template: asKind(kind, pieces.join(""), shape), variables, via, call }));
}
