import { describe, expect, it } from "vitest";
import { lineColumn, MAX_SYNTAX_PROBLEMS, scannedVariables, scanTemplate } from "./scan";

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

  it("knows which tags a closed loop encloses, through nested and inverted sections", () => {
    const scan = scanTemplate("{{#a}}{{^b}}{{x}}{{/b}}{{/a}}{{y}}{{#c}}{{#d}}{{z}}{{/d}}");
    const topLevel = Object.fromEntries(scan.tags.filter((t) => t.type === "name").map((t) => [t.name, t.topLevel]));
    // x is inside the closed loop a; y follows it; z is inside d (closed) inside c (never closed).
    expect(topLevel).toEqual({ x: false, y: true, z: false });
    expect(scan.problems.map((p) => p.message)).toEqual(['Unclosed section "c": add {{/c}}']);
  });

  it("scans tens of thousands of nested sections without a copy of the open stack per tag", () => {
    // A copy per tag holds n²/2 references: 30,000 deep would need gigabytes.
    const depth = 30_000;
    const scan = scanTemplate("{{#a}}".repeat(depth) + "{{x}}" + "{{/a}}".repeat(depth));
    expect(scan.problems).toEqual([]);
    expect(scan.tags.find((t) => t.name === "x")?.topLevel).toBe(false);
    expect(scan.tags[0].topLevel).toBe(true);
  });

  it("reports at most a bounded number of problems, however many the template holds", () => {
    expect(scanTemplate("{{/a}}".repeat(20_000)).problems).toHaveLength(MAX_SYNTAX_PROBLEMS);
  });
});
