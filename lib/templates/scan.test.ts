import { describe, expect, it } from "vitest";
import { lineColumn, scannedVariables, scanTemplate } from "./scan";

describe("the forgiving scan", () => {
  it("lists the variables around an unclosed section, as listVariables would once it is closed", () => {
    expect(scannedVariables(scanTemplate("Hi {{name}} {{#items}}{{title}}{{/items}} {{city}}"))).toEqual(["name", "items", "city"]);
    // Unclosed: nothing is known to be inside it, so what follows still counts.
    expect(scannedVariables(scanTemplate("Hi {{name}} {{#items}} {{title}} {{city}}"))).toEqual(["name", "items", "title", "city"]);
  });

  it("gives line and column from an offset", () => {
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
});
