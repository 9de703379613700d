import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decryptSecret, encryptSecret, maskSecret, SecretDecryptError } from "./secret-box";
import { masterKey, resetMasterKeyCache } from "./master-key";

describe("secret encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = "sk-test-" + randomBytes(24).toString("hex");
    const a = encryptSecret(secret);
    const b = encryptSecret(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptSecret(a)).toBe(secret);
    expect(decryptSecret(b)).toBe(secret);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const sealed = encryptSecret("sk-very-secret");
    const [version, iv, tag, data] = sealed.split(":");
    const flip = (part: string) => {
      const bytes = Buffer.from(part, "base64url");
      bytes[0] ^= 1;
      return bytes.toString("base64url");
    };
    for (const forged of [
      [version, iv, tag, flip(data)],
      [version, iv, flip(tag), data],
      [version, flip(iv), tag, data],
      ["v2", iv, tag, data],
    ]) {
      expect(() => decryptSecret(forged.join(":"))).toThrow(SecretDecryptError);
    }
    expect(() => decryptSecret("garbage")).toThrow(SecretDecryptError);
  });

  it("refuses a secret sealed under another key", () => {
    const sealed = encryptSecret("sk-other", randomBytes(32));
    expect(() => decryptSecret(sealed)).toThrow(SecretDecryptError);
  });

  it("masks all but a few characters", () => {
    expect(maskSecret("sk-abcdefghijklmnop")).toBe("sk-a****mnop");
    expect(maskSecret("short")).toBe("*****");
  });
});

describe("the master key", () => {
  const saved = process.env.PROMPTLY_SECRET_KEY;
  afterEach(() => {
    process.env.PROMPTLY_SECRET_KEY = saved;
    delete process.env.PROMPTLY_DATA_DIR;
    resetMasterKeyCache();
    vi.restoreAllMocks();
  });

  it("is generated once into a 0600 file when PROMPTLY_SECRET_KEY is unset, and says so", () => {
    delete process.env.PROMPTLY_SECRET_KEY;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-key-"));
    process.env.PROMPTLY_DATA_DIR = dir;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    resetMasterKeyCache();
    const first = masterKey();
    const file = path.join(dir, "secret.key");
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining("generated a master key"));
    resetMasterKeyCache();
    expect(masterKey().equals(first)).toBe(true);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it("refuses a short PROMPTLY_SECRET_KEY", () => {
    process.env.PROMPTLY_SECRET_KEY = "too-short";
    resetMasterKeyCache();
    expect(() => masterKey()).toThrow(/at least 32 characters/);
  });
});
