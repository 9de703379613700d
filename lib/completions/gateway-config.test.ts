import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/http/errors";
import { promptGatewaySettings, promptSettingsSchema, readGatewayConfig, targetsToTry } from "./gateway-config";

const headers = (config: unknown) => new Headers({ "x-portkey-config": typeof config === "string" ? config : JSON.stringify(config) });

describe("x-portkey-config", () => {
  it("reads retry, strategy, targets and timeout", () => {
    const config = readGatewayConfig(
      headers({ retry: { attempts: 2 }, strategy: { mode: "fallback", on_status_codes: [500] }, targets: [{ virtual_key: "a" }, { virtual_key: "b" }], request_timeout: 5000 }),
    );
    expect(config.retry?.attempts).toBe(2);
    expect(targetsToTry(config).map((entry) => entry.index)).toEqual([0, 1]);
  });

  it("is empty when absent, and a clear 400 when malformed", () => {
    expect(readGatewayConfig(new Headers())).toEqual({});
    for (const bad of ["pc-saved-config", { retry: { attempts: "many" } }, { strategy: { mode: "fallback" } }, { targets: [] }]) {
      const error = (() => {
        try {
          readGatewayConfig(headers(bad));
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(400);
      expect((error as ApiError).message).toContain("x-portkey-config");
    }
  });

  it("load balances by weight", () => {
    const config = readGatewayConfig(headers({ strategy: { mode: "loadbalance" }, targets: [{ weight: 1 }, { weight: 3 }] }));
    expect(targetsToTry(config, () => 0.1)[0].index).toBe(0);
    expect(targetsToTry(config, () => 0.5)[0].index).toBe(1);
    expect(targetsToTry(config, () => 0.99)).toHaveLength(1);
  });
});

describe("a prompt's stored gateway settings", () => {
  it("are written strictly (an unknown key is a typo) and read leniently (one never voids the rest)", () => {
    expect(promptSettingsSchema.safeParse({ retry: { attempts: 2 }, request_timeout: 1000 }).success).toBe(true);
    expect(promptSettingsSchema.safeParse({ retries: 2 }).success).toBe(false);
    expect(promptSettingsSchema.safeParse({ request_timeout: 3_600_001 }).success).toBe(false);
    expect(promptGatewaySettings({ retry: { attempts: 2 }, from_a_newer_version: true })).toMatchObject({ retry: { attempts: 2 } });
    expect(promptGatewaySettings({ retry: { attempts: "many" } })).toEqual({});
    expect(promptGatewaySettings(null)).toEqual({});
  });
});
