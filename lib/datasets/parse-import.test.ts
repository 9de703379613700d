import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/http/errors";
import { parseImport, textPieces, type ImportFormat } from "./parse-import";
import type { ColumnMapping } from "./schemas";

async function parse(text: string, format: ImportFormat, mapping?: ColumnMapping) {
  const out = [];
  for await (const parsed of parseImport(textPieces(text, 5), format, mapping)) out.push(parsed);
  return out;
}

async function failure(text: string, format: ImportFormat, mapping?: ColumnMapping): Promise<ApiError> {
  const error = await parse(text, format, mapping).then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("CSV imports", () => {
  it("by default: `expected` fills expected, metadata.KEY fills metadata, every other column is a variable", async () => {
    const items = await parse("question,expected,metadata.source,lang\nWhat?,Yes,web,en\nWhy?,,,fr\n", "csv");
    expect(items).toEqual([
      { line: 2, item: { variables: { question: "What?", lang: "en" }, expected: "Yes", metadata: { source: "web" } } },
      { line: 3, item: { variables: { question: "Why?", lang: "fr" } } },
    ]);
  });

  it("follows a mapping: another expected column, renamed variables, metadata, ignored columns", async () => {
    const mapping = { answer: "expected", q: "variables.question", team: "metadata", junk: "ignore", expected: "variables" };
    const [first] = await parse("q,answer,team,junk,expected\nHi,Hello,core,x,old\n", "csv", mapping);
    expect(first.item).toEqual({ variables: { question: "Hi", expected: "old" }, expected: "Hello", metadata: { team: "core" } });
  });

  it("refuses a row with the wrong number of fields, naming its line", async () => {
    const error = await failure("a,b\n1,2\n3\n", "csv");
    expect(error).toMatchObject({ status: 400, code: "invalid_import", param: "line 3" });
    expect(error.message).toBe("line 3: expected 2 fields (as in the header row), found 1");
  });

  it("refuses an unterminated quote, duplicate columns, a mapping naming a missing column", async () => {
    expect((await failure('a\n"x\n', "csv")).message).toMatch(/^line 2: unterminated quoted field/);
    expect((await failure("a,a\n1,2\n", "csv")).message).toMatch(/^line 1: column 'a' appears twice/);
    expect((await failure("a\n1\n", "csv", { b: "expected" })).message).toMatch(/column 'b'/);
  });

  it("stops past PROMPTLY_MAX_IMPORT_ROWS with a 413", async () => {
    process.env.PROMPTLY_MAX_IMPORT_ROWS = "2";
    try {
      expect(await failure("a\n1\n2\n3\n", "csv")).toMatchObject({ status: 413, code: "import_too_large" });
      expect(await parse("a\n1\n2\n", "csv")).toHaveLength(2);
    } finally {
      delete process.env.PROMPTLY_MAX_IMPORT_ROWS;
    }
  });
});

describe("JSON Lines imports", () => {
  it("reads one item per line, CRLF and blank lines included; expected may be JSON", async () => {
    const text = '\uFEFF{"variables":{"q":"a"},"expected":"b"}\r\n\n{"variables":{"q":"c"},"expected":{"ok":true},"metadata":{"k":"v"}}';
    expect(await parse(text, "jsonl")).toEqual([
      { line: 1, item: { variables: { q: "a" }, expected: "b" } },
      { line: 3, item: { variables: { q: "c" }, expected: { ok: true }, metadata: { k: "v" } } },
    ]);
  });

  it("names the line of bad JSON, of a non-object, of a wrong field", async () => {
    expect(await failure('{"variables":{}}\n{"variables":\n', "jsonl")).toMatchObject({ message: "line 2: not valid JSON", param: "line 2" });
    expect((await failure("[1]\n", "jsonl")).message).toMatch(/^line 1: must be a JSON object/);
    expect((await failure('{"variables":{}}\n\n{"variables":"x"}\n', "jsonl")).message).toMatch(/^line 3: variables: /);
  });
});
