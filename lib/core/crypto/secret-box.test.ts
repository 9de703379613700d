import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { decryptLegacySecret, decryptSecret, encryptSecret, maskSecret, SecretDecryptError } from "./secret-box";
import { legacySeal } from "@/tests/unit/legacy-secret";
import { masterKey, resetMasterKeyCache } from "./master-key";

describe("secret encryption (AES-256-GCM)", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = "sk-test-" + randomBytes(24).toString("hex");
    const a = encryptSecret(secret, "row-1");
    const b = encryptSecret(secret, "row-1");
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptSecret(a, "row-1")).toBe(secret);
    expect(decryptSecret(b, "row-1")).toBe(secret);
  });

  it("detects tampering with the ciphertext, the tag or the IV", () => {
    const sealed = encryptSecret("sk-very-secret", "row-1");
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
      ["v1", iv, tag, data],
      ["v3", iv, tag, data],
    ]) {
      expect(() => decryptSecret(forged.join(":"), "row-1")).toThrow(SecretDecryptError);
    }
    expect(() => decryptSecret("garbage", "row-1")).toThrow(SecretDecryptError);
  });

  it("refuses a secret sealed under another key", () => {
    const sealed = encryptSecret("sk-other", "row-1", randomBytes(32));
    expect(() => decryptSecret(sealed, "row-1")).toThrow(SecretDecryptError);
  });

  it("binds a ciphertext to its record: under another record id it does not decrypt", () => {
    const sealed = encryptSecret("sk-bound", "virtual-key:a");
    expect(sealed.startsWith("v2:")).toBe(true);
    expect(() => decryptSecret(sealed, "virtual-key:b")).toThrow(SecretDecryptError);
    expect(() => decryptSecret(sealed, "")).toThrow(SecretDecryptError);
  });

  it("reads the old unbound format only through the explicit legacy path", () => {
    const legacy = legacySeal("sk-legacy");
    expect(decryptLegacySecret(legacy)).toBe("sk-legacy");
    expect(() => decryptSecret(legacy, "virtual-key:a")).toThrow(SecretDecryptError);
    expect(() => decryptLegacySecret(encryptSecret("sk-new", "virtual-key:a"))).toThrow(SecretDecryptError);
  });

  it("masks all but a few characters", () => {
    expect(maskSecret("sk-abcdefghijklmnop")).toBe("sk-a****mnop");
    expect(maskSecret("short")).toBe("****");
  });

  it("masks a key shorter than the mask's visible parts completely, its length too", () => {
    for (const secret of ["a", "sk-1", "sk-12345", "sk-123456", "sk-abcdefgh", "sk-0123456789"]) {
      expect(maskSecret(secret), secret).toBe("****");
    }
    // As many characters hidden as shown, at least.
    expect(maskSecret("sk-0123456789abc")).toBe("sk-0****9abc");
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

