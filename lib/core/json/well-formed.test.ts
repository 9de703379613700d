import { describe, expect, it } from "vitest";
import { wellFormedJson } from "./well-formed";

describe("wellFormedJson", () => {
  it("replaces lone surrogates in strings and keys, at any depth, with U+FFFD", () => {
    const value = JSON.parse('{"a":["x\\ud83d",{"\\udfff":"ok"}],"b":"\\ud800y","n":1,"z":null}');
    expect(wellFormedJson(value)).toEqual({ a: ["x\ufffd", { "\ufffd": "ok" }], b: "\ufffdy", n: 1, z: null });
  });

  it("keeps real pairs and returns the same value when nothing needs fixing", () => {
    const value = { a: ["😀", { b: "ok" }], when: new Date(0) };
    expect(wellFormedJson(value)).toBe(value);
  });

  it("copies instead of changing what it was given", () => {
    const value = { a: ["\ud800"], keep: { b: 1 } };
    const fixed = wellFormedJson(value);
    expect(value.a[0]).toBe("\ud800");
    expect(fixed.keep).toBe(value.keep);
  });
});
