import { z } from "zod";
import type { LogBodiesMode } from "./bodies";

/**
 * How long logs are kept: PROMPTLY_LOG_RETENTION_DAYS is the default, an admin's setting in
 * Settings (stored in app_setting) overrides it; 0 keeps logs forever. The default is 0: an
 * install that upgrades must not lose its history to a setting it never chose. Settings shows
 * the log count and the database size, so a team sees when to set one (analytics keep their
 * hourly rollups whatever is pruned).
 */
export const DEFAULT_LOG_RETENTION_DAYS = 0;
export const MAX_LOG_RETENTION_DAYS = 36_500;

export const retentionDaysSchema = z.number().int("must be a whole number of days").min(0).max(MAX_LOG_RETENTION_DAYS);

/** PUT /v1/settings/logs: `retention_days` (0 = forever), or null to fall back to the environment's default. */
export const updateLogSettingsSchema = z.strictObject({ retention_days: retentionDaysSchema.nullable() });
export type UpdateLogSettings = z.infer<typeof updateLogSettingsSchema>;

export interface LogSettings {
  /** Days logs are kept; 0 = forever. */
  retention_days: number;
  /** Where retention_days comes from. */
  retention_source: "setting" | "environment" | "default";
  /** What applies when the setting is cleared (PROMPTLY_LOG_RETENTION_DAYS, else 0: forever). */
  environment_retention_days: number;
  /** PROMPTLY_LOG_BODIES. */
  log_bodies: LogBodiesMode;
  log_count: number;
  database: "sqlite" | "postgres";
  /** SQLite: the database file's pages; PostgreSQL: pg_database_size. Null when it can't be read. */
  database_bytes: number | null;
}

