import { describe, expect, it } from "vitest";
import { lineDiff } from "./line-diff";

describe("line diff", () => {
  it("shows a trailing newline as a note, not as the last line removed and added", () => {
    const diff = lineDiff("Hello\n{{name}}", "Hello\n{{name}}\n");
    expect(diff).toMatchObject({ added: 0, removed: 0, finalNewline: "added" });
    expect(diff.lines).toEqual([
      { kind: "same", text: "Hello" },
      { kind: "same", text: "{{name}}" },
    ]);
    expect(lineDiff("a\n", "a").finalNewline).toBe("removed");
  });

  it("still shows real changes, with counts", () => {
    const diff = lineDiff("a\nb\n", "a\nc");
    expect(diff.lines).toEqual([
      { kind: "same", text: "a" },
      { kind: "remove", text: "b" },
      { kind: "add", text: "c" },
    ]);
    expect(diff).toMatchObject({ added: 1, removed: 1, finalNewline: "removed" });
    expect(lineDiff("", "x")).toMatchObject({ added: 1, removed: 0, finalNewline: null });
    expect(lineDiff("same", "same")).toMatchObject({ added: 0, removed: 0, finalNewline: null });
  });
});
