import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { databaseDialect } from "@/lib/core/db/dialect";
import { badRequest } from "@/lib/core/http/errors";
import { logBodiesMode } from "./bodies";
import { DEFAULT_LOG_RETENTION_DAYS, retentionDaysSchema as days, type LogSettings, type UpdateLogSettings } from "./log-settings-schemas";

const RETENTION_KEY = "log_retention_days";

/** The environment's default; a malformed value stops nothing but is reported and ignored. */
export function environmentRetentionDays(env: Record<string, string | undefined> = process.env): { days: number; source: "environment" | "default" } {
  const raw = env.PROMPTLY_LOG_RETENTION_DAYS?.trim();
  if (!raw) return { days: DEFAULT_LOG_RETENTION_DAYS, source: "default" };
  const parsed = days.safeParse(Number(raw));
  if (!/^\d+$/.test(raw) || !parsed.success) {
    console.error(`[promptly] PROMPTLY_LOG_RETENTION_DAYS must be a whole number of days, 0 for forever (got "${raw}"); using ${DEFAULT_LOG_RETENTION_DAYS}`);
    return { days: DEFAULT_LOG_RETENTION_DAYS, source: "default" };
  }
  return { days: parsed.data, source: "environment" };
}

/** The retention in force: the stored setting, else the environment's default. */
export async function retentionDays(): Promise<{ days: number; source: LogSettings["retention_source"] }> {
  const stored = await db.appSetting.findUnique({ where: { key: RETENTION_KEY } });
  const parsed = days.safeParse(stored?.value);
  if (stored && parsed.success) return { days: parsed.data, source: "setting" };
  return environmentRetentionDays();
}

export async function getLogSettings(): Promise<LogSettings> {
  const [retention, count, bytes] = await Promise.all([retentionDays(), db.completionLog.count(), databaseBytes()]);
  return {
    retention_days: retention.days,
    retention_source: retention.source,
    environment_retention_days: environmentRetentionDays().days,
    log_bodies: logBodiesMode(),
    log_count: count,
    database: databaseDialect(process.env.DATABASE_URL),
    database_bytes: bytes,
  };
}

export async function updateLogSettings(update: UpdateLogSettings): Promise<LogSettings> {
  const before = await retentionDays();
  if (update.retention_days === null) await db.appSetting.deleteMany({ where: { key: RETENTION_KEY } });
  else {
    if (!days.safeParse(update.retention_days).success) throw badRequest("retention_days: must be a whole number of days", "retention_days");
    await db.appSetting.upsert({ where: { key: RETENTION_KEY }, create: { key: RETENTION_KEY, value: update.retention_days }, update: { value: update.retention_days } });
  }
  await recordChange(db, { action: "settings.logs", target: { type: "settings", name: "logs" }, before: { retention_days: before.days }, after: update });
  return getLogSettings();
}

async function databaseBytes(): Promise<number | null> {
  try {
    if (databaseDialect(process.env.DATABASE_URL) === "postgres") {
      const [row] = await db.$queryRaw<{ bytes: bigint | number | string }[]>`SELECT pg_database_size(current_database()) AS bytes`;
      return row ? Number(row.bytes) : null;
    }
    const [row] = await db.$queryRaw<{ bytes: bigint | number }[]>`SELECT page_count * page_size AS bytes FROM pragma_page_count(), pragma_page_size()`;
    return row ? Number(row.bytes) : null;
  } catch (error) {
    console.error("[promptly] could not read the database size:", (error as Error).message);
    return null;
  }
}
