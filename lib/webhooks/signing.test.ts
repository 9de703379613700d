import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signedHeaders, signPayload, verifySignature } from "./signing";

describe("webhook signatures (Standard Webhooks style)", () => {
  it("signs id.timestamp.body with the base64 key after whsec_, as v1,<base64>", () => {
    const key = Buffer.from("0123456789abcdef0123456789abcdef");
    const secret = `whsec_${key.toString("base64")}`;
    const expected = createHmac("sha256", key).update('evt_1.1700000000.{"a":1}').digest("base64");
    expect(signPayload(secret, "evt_1", 1700000000, '{"a":1}')).toBe(`v1,${expected}`);
  });

  it("makes whsec_ secrets and headers a receiver verifies; a changed body or id fails", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const headers = signedHeaders(secret, "evt_2", "{}", new Date(1_700_000_000_500));
    expect(headers["webhook-id"]).toBe("evt_2");
    expect(headers["webhook-timestamp"]).toBe("1700000000");
    expect(verifySignature(secret, "evt_2", 1700000000, "{}", headers["webhook-signature"])).toBe(true);
    expect(verifySignature(secret, "evt_2", 1700000000, "{ }", headers["webhook-signature"])).toBe(false);
    expect(verifySignature(secret, "evt_3", 1700000000, "{}", headers["webhook-signature"])).toBe(false);
    expect(verifySignature(newWebhookSecret(), "evt_2", 1700000000, "{}", headers["webhook-signature"])).toBe(false);
  });
});
