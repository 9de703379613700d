import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateApiKey } from "./api-key-hash";
import { assertStrongBootstrapKey, estimateKeyBits, writeKeyFile } from "./bootstrap-key";

describe("bootstrap key strength", () => {
  it("counts words and repeats for little, random characters for what they are worth", () => {
    expect(estimateKeyBits("pk-promptly-e2e-bootstrap-key-0000000000000000")).toBeLessThan(128);
    expect(estimateKeyBits("pk-promptly-" + "a".repeat(60))).toBeLessThan(128);
    expect(estimateKeyBits("correct-horse-battery-staple")).toBeLessThan(128);
    expect(estimateKeyBits("pk-promptly-e2e-5e594298cda76776816ce9200ab295210cdde35fe4f64dc567302c06a3e618ae")).toBeGreaterThanOrEqual(128);
    for (let i = 0; i < 200; i++) expect(estimateKeyBits(generateApiKey())).toBeGreaterThanOrEqual(128);
  });

  it("refuses a weak key without repeating it", () => {
    const weak = "pk-promptly-changeme-changeme";
    expect(() => assertStrongBootstrapKey(weak)).toThrow(/PROMPTLY_BOOTSTRAP_API_KEY.*128 bits/);
    try {
      assertStrongBootstrapKey(weak);
    } catch (error) {
      expect((error as Error).message).not.toContain("changeme");
    }
  });

  it("writes a generated key to a file only its owner can read", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-key-"));
    const file = writeKeyFile(dir, "pk-promptly-secret");
    expect(fs.readFileSync(file, "utf8").trim()).toBe("pk-promptly-secret");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});
