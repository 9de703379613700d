import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { environmentRetentionDays, getLogSettings, updateLogSettings } from "./log-settings";
import { updateLogSettingsSchema } from "./log-settings-schemas";

afterEach(() => {
  delete process.env.PROMPTLY_LOG_RETENTION_DAYS;
});

describe("log settings", () => {
  it("reads PROMPTLY_LOG_RETENTION_DAYS, 0 (forever) by default, ignoring a malformed value", () => {
    expect(environmentRetentionDays({})).toEqual({ days: 0, source: "default" });
    expect(environmentRetentionDays({ PROMPTLY_LOG_RETENTION_DAYS: "7" })).toEqual({ days: 7, source: "environment" });
    expect(environmentRetentionDays({ PROMPTLY_LOG_RETENTION_DAYS: "0" })).toEqual({ days: 0, source: "environment" });
    expect(environmentRetentionDays({ PROMPTLY_LOG_RETENTION_DAYS: "1.5" })).toEqual({ days: 0, source: "default" });
    expect(environmentRetentionDays({ PROMPTLY_LOG_RETENTION_DAYS: "-3" })).toEqual({ days: 0, source: "default" });
  });

  it("a stored setting overrides the environment until cleared", async () => {
    process.env.PROMPTLY_LOG_RETENTION_DAYS = "14";
    expect(await getLogSettings()).toMatchObject({ retention_days: 14, retention_source: "environment", environment_retention_days: 14 });
    expect(await updateLogSettings({ retention_days: 90 })).toMatchObject({ retention_days: 90, retention_source: "setting" });
    expect(await updateLogSettings({ retention_days: null })).toMatchObject({ retention_days: 14, retention_source: "environment" });
  });

  it("refuses what is not a whole number of days", () => {
    expect(updateLogSettingsSchema.safeParse({ retention_days: -1 }).success).toBe(false);
    expect(updateLogSettingsSchema.safeParse({ retention_days: 2.5 }).success).toBe(false);
    expect(updateLogSettingsSchema.safeParse({ retention_days: "30" }).success).toBe(false);
    expect(updateLogSettingsSchema.safeParse({}).success).toBe(false);
  });

  it("counts logs and reads the database size", async () => {
    await db.completionLog.createMany({ data: [{ traceId: "size-1", status: "success" }, { traceId: "size-2", status: "error" }] });
    const settings = await getLogSettings();
    expect(settings.log_count).toBe(await db.completionLog.count());
    expect(settings.database).toBe("sqlite");
    expect(settings.database_bytes).toBeGreaterThan(4096);
    expect(settings.log_bodies).toBe("full");
  });
});
