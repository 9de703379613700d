import { describe, expect, it } from "vitest";
import { safeNextPath, signInHref } from "./next-path";

describe("the sign-in redirect's next path", () => {
  it("keeps a path on this site with its query and fragment", () => {
    expect(safeNextPath("/prompts/pp-x-123abc?version=2#run")).toBe("/prompts/pp-x-123abc?version=2#run");
    expect(safeNextPath("/logs?status=error&range=7d")).toBe("/logs?status=error&range=7d");
  });

  it("refuses other origins and anything a browser could read as one", () => {
    for (const evil of [
      "https://evil.example",
      "https://evil.example/prompts",
      "//evil.example",
      "//evil.example/prompts",
      "/\\evil.example",
      "\\\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "javascript:alert(1)",
      "evil.example",
      "http:/evil.example",
      "",
    ]) {
      expect(safeNextPath(evil), evil).toBeNull();
    }
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
    expect(safeNextPath(`/${"a".repeat(5000)}`)).toBeNull();
  });

  it("does not loop back to the sign-in page", () => {
    expect(safeNextPath("/sign-in?next=/logs")).toBeNull();
  });

  it("builds the sign-in link, leaving out the default landing page", () => {
    expect(signInHref("/datasets/abc?tab=items")).toBe("/sign-in?next=%2Fdatasets%2Fabc%3Ftab%3Ditems");
    expect(signInHref("/prompts")).toBe("/sign-in");
    expect(signInHref("//evil.example")).toBe("/sign-in");
    expect(signInHref(null)).toBe("/sign-in");
  });
});
