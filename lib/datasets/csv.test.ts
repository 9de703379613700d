import { describe, expect, it } from "vitest";
import { CsvParser, csvLine, parseCsv } from "./csv";

const fields = (text: string) => parseCsv(text).map((record) => record.fields);

describe("the CSV parser", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const text = 'q,expected\n"a, b","say ""hi"""\n"two\nlines",x\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["q", "expected"] },
      { line: 2, fields: ["a, b", 'say "hi"'] },
      { line: 3, fields: ["two\nlines", "x"] },
    ]);
  });

  it("drops a byte order mark, reads CRLF and CR line ends, skips blank lines, keeps empty fields", () => {
    expect(fields("\uFEFFa,b\r\n1,\r\n\r\n,2\r3,4")).toEqual([["a", "b"], ["1", ""], ["", "2"], ["3", "4"]]);
  });

  it("numbers lines across CRLF inside quotes", () => {
    const records = parseCsv('a\r\n"x\r\ny"\r\nz\r\n');
    expect(records.map((record) => record.line)).toEqual([1, 2, 4]);
  });

  it("gives the same records whatever the pieces the text arrives in", () => {
    const text = '\uFEFFa,b\r\n"x,""y""\r\nz",2\r\n3,4\n';
    const whole = parseCsv(text);
    for (const size of [1, 2, 3, 7]) {
      const parser = new CsvParser();
      const records = [];
      for (let i = 0; i < text.length; i += size) records.push(...parser.push(text.slice(i, i + size)));
      records.push(...parser.end());
      expect(records).toEqual(whole);
    }
  });

  it("names the line of an unterminated quoted field, a stray quote and text after a closing quote", () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\nstill open\n')).toThrow(/^line 3: unterminated quoted field/);
    expect(() => parseCsv('a,b\n1,x"y\n')).toThrow(/^line 2: unexpected quote/);
    expect(() => parseCsv('a,b\n1,2\n"x"y,2\n')).toThrow(/^line 3: unexpected text after a closing quote/);
  });

  it("bounds a record's length", () => {
    const parser = new CsvParser(10);
    expect(() => parser.push('a\n"' + "x".repeat(20))).toThrow(/^line 2: record is longer than 10 characters/);
  });

  it("writes fields that read back the same", () => {
    const values = ["plain", "a, b", 'say "hi"', "two\nlines", " padded ", ""];
    expect(fields(csvLine(values))).toEqual([values]);
  });
});
