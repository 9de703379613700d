import { execFileSync } from "node:child_process";
import path from "node:path";
import Mustache from "mustache";
import { describe, expect, it } from "vitest";
import { parseMustache } from "./parse";

const TAGS: [string, string] = ["{{", "}}"];

/** mustache.js's own parse, or its error's message. */
function reference(template: string): unknown {
  try {
    return new Mustache.Writer().parse(template, TAGS);
  } catch (error) {
    return (error as Error).message;
  }
}

function ours(template: string): unknown {
  try {
    return parseMustache(template, TAGS);
  } catch (error) {
    return (error as Error).message;
  }
}

// Pieces that exercise every rule: tag types, standalone lines, indentation of partials,
// delimiter changes, unicode whitespace and surrogate pairs, and mistakes.
const PIECES = [
  "x", "lorem ipsum", " ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2028", "😀", "é",
  "{{a}}", "{{ a }}", "{{{b}}}", "{{& c}}", "{{#s}}", "{{/s}}", "{{^t}}", "{{/t}}", "{{#s}}{{/s}}",
  "{{>p}}", "{{> q@2 }}", "{{! note }}", "{{!multi\nline}}", "{{=<% %>=}}", "<%a%>", "<%={{ }}=%>", "<%#s%>", "<%/s%>",
  "{{", "}}", "{{#", "{{/u}}", "{{=x=}}", "{{ #s}}", "{{{d}}", "{{a.b}}", "{{.}}",
];

function seeded(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
}

describe("parseMustache", () => {
  it("returns what mustache.js returns, or throws what it throws, on 5,000 generated templates", () => {
    const random = seeded(20261204);
    let parsed = 0;
    for (let i = 0; i < 5_000; i++) {
      const length = 1 + Math.floor(random() * 14);
      const template = Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join("");
      const expected = reference(template);
      expect(ours(template), JSON.stringify(template)).toStrictEqual(expected);
      if (typeof expected !== "string") parsed++;
    }
    // Both outcomes were exercised a fair number of times.
    expect(parsed).toBeGreaterThan(1_000);
    expect(parsed).toBeLessThan(4_900);
  });

  it.each([
    ["standalone section lines", "a\n  {{#s}}  \n  b\n  {{/s}}\nc"],
    ["an indented standalone partial", "x\n\t {{>p}}\n  {{>p}} y\n"],
    ["a partial after text and a tag on its line", "ab {{a}} {{>p}}\n"],
    ["a comment alone on a line, last line without newline", "a\n {{! c }} "],
    ["a delimiter change mid-line", "a {{=<% %>=}} <%b%>\n <%#s%>\n<%/s%>"],
    ["windows line ends", "{{#s}}\r\n  x\r\n{{/s}}\r\n"],
    ["empty", ""],
  ])("matches mustache.js on %s", (_, template) => {
    expect(ours(template)).toStrictEqual(reference(template));
  });

  it("keeps one token per run of text, however long", () => {
    const text = "lorem ipsum ".repeat(20_000);
    const tokens = parseMustache(`${text}{{x}}\n${text}`, TAGS);
    expect(tokens.map((token) => token[0])).toEqual(["text", "name", "text"]);
    expect(tokens[0][1]).toBe(text);
  });

  // mustache.js holds an array per character of text until its parse returns (~30 MB for the
  // largest template allowed): the server's capped heap ran out on one such request.
  it("parses the largest templates allowed (256 kB of text, on one line or short lines) in a 16 MB heap", () => {
    const script = path.join(process.cwd(), "tests", "fixtures", "parse-in-small-heap.ts");
    // `--import tsx` in this process: tsx's own CLI would start a child without the heap flag.
    const output = execFileSync(process.execPath, ["--max-old-space-size=16", "--import", "tsx", script], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(output.trim()).toBe("parsed 262144 262144");
  });
});
