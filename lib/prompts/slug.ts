import { randomBytes } from "node:crypto";

/** "My  Prompt!" -> "my-prompt"; cut to `max` characters without a dangling hyphen. */
export function kebab(name: string, max: number): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
}

/** A prompt's slug: `pp-<name, at most 20 chars>-<6 hex>`, like Portkey's. */
export function promptSlug(name: string): string {
  return `pp-${kebab(name, 20) || "prompt"}-${randomBytes(3).toString("hex")}`;
}

/**
 * A readable slug derived from a name (partials are referenced as `{{>slug}}`, collections
 * and virtual keys by slug), made unique with -2, -3... when taken. The unique index still
 * guards against a concurrent insert: callers retry on a unique-constraint conflict.
 */
export async function uniqueSlug(
  name: string,
  fallback: string,
  taken: (slug: string) => Promise<boolean>,
  max = 40,
): Promise<string> {
  const base = kebab(name, max) || fallback;
  if (!(await taken(base))) return base;
  for (let n = 2; n < 1000; n += 1) {
    if (!(await taken(`${base}-${n}`))) return `${base}-${n}`;
  }
  return `${base}-${randomBytes(3).toString("hex")}`;
}
