import { z } from "zod";

/**
 * Limits on what callers may make the server hold or compute, each overridable by an
 * environment variable. Read on use (not at import), so a test or a restart with a new
 * value takes effect. Free of server imports: the playground and forms use the schemas too.
 */

export interface Limit {
  /** The environment variable that overrides the default. */
  env: string;
  fallback: number;
  /** How a message names one unit of it ("bytes", "nodes", "levels"). */
  unit: string;
}

export const MAX_RENDER_BYTES: Limit = { env: "PROMPTLY_MAX_RENDER_BYTES", fallback: 1_048_576, unit: "bytes" };
export const MAX_RENDER_NODES: Limit = { env: "PROMPTLY_MAX_RENDER_NODES", fallback: 250_000, unit: "nodes" };
export const MAX_RENDER_DEPTH: Limit = { env: "PROMPTLY_MAX_RENDER_DEPTH", fallback: 50, unit: "levels" };
export const MAX_TEMPLATE_BYTES: Limit = { env: "PROMPTLY_MAX_TEMPLATE_BYTES", fallback: 262_144, unit: "bytes" };
export const MAX_VARIABLES_BYTES: Limit = { env: "PROMPTLY_MAX_VARIABLES_BYTES", fallback: 262_144, unit: "bytes" };
export const CACHE_MAX_BYTES: Limit = { env: "PROMPTLY_CACHE_MAX_BYTES", fallback: 33_554_432, unit: "bytes" };
export const MAX_BODY_BYTES: Limit = { env: "PROMPTLY_MAX_BODY_BYTES", fallback: 1_048_576, unit: "bytes" };
export const MAX_UPSTREAM_BYTES: Limit = { env: "PROMPTLY_MAX_UPSTREAM_BYTES", fallback: 10_485_760, unit: "bytes" };
export const MAX_UPSTREAM_STREAM_BYTES: Limit = { env: "PROMPTLY_MAX_UPSTREAM_STREAM_BYTES", fallback: 67_108_864, unit: "bytes" };
// Dataset imports (CSV, JSON Lines) stream through their route, so they have limits of their own.
export const MAX_IMPORT_BYTES: Limit = { env: "PROMPTLY_MAX_IMPORT_BYTES", fallback: 67_108_864, unit: "bytes" };
// A workspace bundle (POST /v1/bundles/import) is parsed whole: larger than a body, bounded all the same.
export const MAX_BUNDLE_BYTES: Limit = { env: "PROMPTLY_MAX_BUNDLE_BYTES", fallback: 33_554_432, unit: "bytes" };
export const MAX_IMPORT_ROWS: Limit = { env: "PROMPTLY_MAX_IMPORT_ROWS", fallback: 100_000, unit: "rows" };
export const UPSTREAM_IDLE_TIMEOUT_MS: Limit = { env: "PROMPTLY_UPSTREAM_IDLE_TIMEOUT_MS", fallback: 120_000, unit: "ms" };

/** The limit's value: its variable (in `env`, the process's by default) when that is a positive integer, else the default. */
export function limitValue(limit: Limit, env?: Record<string, string | undefined>): number {
  // `process` is absent in some browser bundles; the defaults apply there.
  const raw = (env ?? (typeof process === "undefined" ? undefined : process.env))?.[limit.env];
  const value = Number(raw);
  return raw !== undefined && raw !== "" && Number.isSafeInteger(value) && value > 0 ? value : limit.fallback;
}

/** "1048576 bytes (PROMPTLY_MAX_RENDER_BYTES)": how every message names a limit. */
export function describeLimit(limit: Limit, value = limitValue(limit)): string {
  return `${value} ${limit.unit} (${limit.env})`;
}

/** UTF-8 length without building a buffer (works in the browser too). */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff) {
      // A surrogate pair: 4 bytes for its 2 units.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** True when `text` is within `max` UTF-8 bytes; short strings skip the count. */
export function fitsBytes(text: string, max: number): boolean {
  if (text.length * 3 <= max) return true;
  if (text.length > max) return false;
  return utf8Length(text) <= max;
}

/** A template or partial body: a string within PROMPTLY_MAX_TEMPLATE_BYTES. */
export const templateText = z.string().superRefine((text, ctx) => {
  const max = limitValue(MAX_TEMPLATE_BYTES);
  if (!fitsBytes(text, max)) {
    ctx.addIssue({ code: "custom", message: `template is larger than the limit of ${describeLimit(MAX_TEMPLATE_BYTES, max)}` });
  }
});

/** True when a JSON value serializes within `max` UTF-8 bytes (false when it can't be serialized). */
export function jsonFits(value: unknown, max: number): boolean {
  try {
    return fitsBytes(JSON.stringify(value) ?? "", max);
  } catch {
    return false;
  }
}
