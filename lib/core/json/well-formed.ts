/**
 * Lone UTF-16 surrogates (`"\ud800"`) are valid JSON text but not Unicode: no UTF-8 form, and
 * Prisma refuses any query that carries one (serde_json rejects the escape). Request bodies
 * with one are refused (lib/core/http/json-depth.ts); these helpers cover what is parsed
 * later: a chat template's own JSON, a provider's answer.
 */

type WellFormedString = string & { isWellFormed(): boolean; toWellFormed(): string };

// Native in Node 20 (ES2024); far cheaper than a regex over every string.
export const isWellFormed = (text: string): boolean => (text as WellFormedString).isWellFormed();

/** U+FFFD for each lone surrogate, as a UTF-8 encoder would write it. */
export const toWellFormed = (text: string): string => (text as WellFormedString).toWellFormed();

/**
 * The value with every string and key well-formed; the very same value when nothing needed
 * it. Recursive: callers pass values already bounded in depth (parsed bodies and templates
 * are checked against MAX_JSON_DEPTH).
 */
export function wellFormedJson<T>(value: T): T {
  if (typeof value === "string") return (isWellFormed(value) ? value : toWellFormed(value)) as T;
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    value.forEach((item, i) => {
      const fixed = wellFormedJson(item);
      if (fixed !== item) (copy ??= [...value])[i] = fixed;
    });
    return (copy ?? value) as T;
  }
  let copy: Record<string, unknown> | null = null;
  for (const [key, item] of Object.entries(value)) {
    const fixed = wellFormedJson(item);
    if (fixed === item && isWellFormed(key)) continue;
    copy ??= { ...(value as Record<string, unknown>) };
    if (!isWellFormed(key)) delete copy[key];
    copy[toWellFormed(key)] = fixed;
  }
  return (copy ?? value) as T;
}
