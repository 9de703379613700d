import { describe, expect, it } from "vitest";
import { promptSettingsSchema } from "@/lib/completions/gateway-config";
import { gatewaySettingsForm, readGatewaySettingsForm } from "./gateway-settings-form";

const form = (attempts = "", statusCodes = "", timeoutMs = "", dropUnsupported = false) => ({ attempts, statusCodes, timeoutMs, dropUnsupported });

describe("the gateway settings form", () => {
  it("reads empty fields as no settings, and fills in what it reads", () => {
    expect(readGatewaySettingsForm(form())).toEqual({ ok: true, settings: null });
    expect(readGatewaySettingsForm(form(" 2 ", "429, 503 ,504", "15000"))).toEqual({
      ok: true,
      settings: { retry: { attempts: 2, on_status_codes: [429, 503, 504] }, request_timeout: 15000 },
    });
    expect(readGatewaySettingsForm(form("0"))).toEqual({ ok: true, settings: { retry: { attempts: 0 } } });
    expect(readGatewaySettingsForm(form("", "", "", true))).toEqual({ ok: true, settings: { drop_unsupported_params: true } });
  });

  it("round-trips stored settings", () => {
    for (const settings of [null, { retry: { attempts: 3 } }, { retry: { attempts: 1, on_status_codes: [500] }, request_timeout: 1 }, { drop_unsupported_params: true }]) {
      const read = readGatewaySettingsForm(gatewaySettingsForm(settings));
      expect(read).toEqual({ ok: true, settings });
    }
  });

  it("names the field at fault, with the bounds the API enforces", () => {
    const errors = (f: ReturnType<typeof form>) => {
      const read = readGatewaySettingsForm(f);
      if (read.ok) throw new Error("expected errors");
      return read.errors;
    };
    expect(Object.keys(errors(form("two")))).toEqual(["attempts"]);
    expect(Object.keys(errors(form("11")))).toEqual(["attempts"]);
    expect(Object.keys(errors(form("", "429")))).toEqual(["attempts"]);
    expect(Object.keys(errors(form("1", "429, abc")))).toEqual(["statusCodes"]);
    expect(Object.keys(errors(form("1", "99")))).toEqual(["statusCodes"]);
    expect(Object.keys(errors(form("", "", "0")))).toEqual(["timeoutMs"]);
    expect(Object.keys(errors(form("", "", "1.5")))).toEqual(["timeoutMs"]);
    expect(Object.keys(errors(form("", "", "3600001")))).toEqual(["timeoutMs"]);
    // Said in the user's terms, the same words the admin API answers with.
    expect(errors(form("11", "99", "0"))).toEqual({ attempts: "0 to 10 retries", statusCodes: "HTTP status codes are 100 to 599", timeoutMs: "At least 1 ms" });
  });

  it("never lets through what the admin API's schema refuses", () => {
    for (const f of [form("10", "100, 599", "3600000"), form("1", Array(50).fill("500").join(","), "")]) {
      const read = readGatewaySettingsForm(f);
      expect(read.ok && promptSettingsSchema.safeParse(read.settings ?? {}).success).toBe(true);
    }
    expect(readGatewaySettingsForm(form("1", Array(51).fill("500").join(","))).ok).toBe(false);
  });
});
