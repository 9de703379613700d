import { describe, expect, it } from "vitest";
import { describeIssue, errorsOf, validateVersion } from "./index";

const chat = (...contents: string[]) => JSON.stringify(contents.map((content, i) => ({ role: i === 0 ? "system" : "user", content })));
const completion = (template: string) => ({ kind: "completion" as const, template });

describe("template syntax", () => {
  it("accepts a well-formed template", () => {
    expect(validateVersion(completion("Hi {{name}}, {{#items}}{{.}}{{/items}}{{^none}}x{{/none}} {{! note }} {{{raw}}} {{>p}}"))).toEqual([]);
  });

  it("reports an unclosed section at its opening tag, by line and column", () => {
    const [issue, ...rest] = validateVersion(completion("Hello\n  {{#items}}\n- {{name}}\n"));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ severity: "error", code: "template_invalid", path: "template", line: 2, column: 3, from: 8, to: 18 });
    expect(issue.message).toContain('Unclosed section "items"');
    expect(describeIssue(issue)).toBe('The template at line 2, column 3: Unclosed section "items": add {{/items}}');
  });

  it("names the chat message and the line within it", () => {
    const issues = validateVersion({ kind: "chat", template: chat("Be brief.", "Ask {{topic}\nabout") });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ path: "messages[1].content", where: "message 2 (user)", line: 1, column: 5 });
    expect(issues[0].message).toContain("Unclosed tag");
  });

  it("finds every mistake, not only the first", () => {
    const issues = validateVersion(completion("{{/stray}} {{#a}}{{#b}}{{/a}} {{#c}}"));
    expect(issues.map((i) => i.message)).toEqual([
      "{{/stray}} closes a section that was never opened",
      'Unclosed section "b": add {{/b}} before {{/a}}',
      'Unclosed section "c": add {{/c}}',
    ]);
  });

  it("lets Mustache have the last word on what the scan can't read (custom delimiters)", () => {
    expect(validateVersion(completion("{{=<% %>=}} <%#a%>"))[0]).toMatchObject({ code: "template_invalid" });
    expect(validateVersion(completion("{{=<% %>=}} <%a%>"))).toEqual([]);
  });
});

describe("tools and response format", () => {
  const weather = { type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };

  it("accepts OpenAI's shapes", () => {
    expect(validateVersion({ ...completion("x"), tools: [weather, { type: "function", function: { name: "now" } }], responseFormat: { type: "json_object" } })).toEqual([]);
    expect(validateVersion({ ...completion("x"), responseFormat: { type: "json_schema", json_schema: { name: "a", schema: { type: "object" } } } })).toEqual([]);
  });

  it("refuses malformed tools, each with its path", () => {
    const issues = validateVersion({
      ...completion("x"),
      tools: [{ name: "flat" }, { type: "function", function: { name: "" } }, weather, weather, { type: "function", function: { name: "g", parameters: { type: "dict" } } }],
    });
    expect(issues.map((i) => [i.code, i.path])).toEqual([
      ["tools_invalid", "tools[0]"],
      ["tools_invalid", "tools[1].function.name"],
      ["tools_invalid", "tools[3].function.name"],
      ["tools_invalid", "tools[4].function.parameters"],
    ]);
    expect(validateVersion({ ...completion("x"), tools: { type: "function" } })[0].message).toBe("must be a JSON array of tools");
  });

  it("refuses a response format without a usable schema", () => {
    const codes = (responseFormat: unknown) => validateVersion({ ...completion("x"), responseFormat }).map((i) => i.path);
    expect(codes({ type: "xml" })).toEqual(["response_format.type"]);
    expect(codes({ type: "json_schema" })).toEqual(["response_format.json_schema"]);
    expect(codes({ type: "json_schema", json_schema: { schema: { type: "object" } } })).toEqual(["response_format.json_schema.name"]);
    expect(codes({ type: "json_schema", json_schema: { name: "a", schema: { properties: [] } } })).toEqual(["response_format.json_schema.schema"]);
  });
});

describe("partials and test values", () => {
  it("flags unknown partials where they are, once per string", () => {
    const issues = validateVersion(completion("A {{>known}}\n{{>missing}} {{>missing}} {{>known@9}}"), { partialExists: (ref) => ref.tag === "known" });
    expect(issues.map((i) => [i.code, i.line, i.column])).toEqual([
      ["unknown_partial", 2, 1],
      ["unknown_partial", 2, 27],
    ]);
    expect(issues[1].message).toBe('Partial "known" has no version 9');
  });

  it("warns (never errs) about variables without a test value", () => {
    const issues = validateVersion(completion("{{a}} {{b}} {{c}}"), { testValues: { names: ["a", "b", "c"], values: { a: "x", b: "" } } });
    expect(errorsOf(issues)).toEqual([]);
    expect(issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ["warning", "missing_test_value", "variables.b"],
      ["warning", "missing_test_value", "variables.c"],
    ]);
  });

  it("puts errors before warnings", () => {
    const issues = validateVersion(completion("{{a}} {{#b}}"), { testValues: { names: ["a"], values: {} } });
    expect(issues.map((i) => i.severity)).toEqual(["error", "warning"]);
  });
});
