import { isWellFormed } from "@/lib/core/json/well-formed";

/**
 * Checks on a parsed JSON request body, before anything else touches it.
 * - Depth: JSON.parse copes with any depth, but everything after it recurses
 *   (JSON.stringify for the provider call and the log row, the template renderer, Prisma's
 *   JSON columns) and overflows the stack at a few thousand levels: a 20 kB body of
 *   brackets would be a 500. Real prompts, tools and JSON schemas stay far below this.
 * - Lone surrogates: `"\ud800"` is valid JSON text but not Unicode; Prisma refuses to
 *   store such a string in a JSON column (a 500 on save, a lost log row on a completion).
 */
export const MAX_JSON_DEPTH = 64;

const LONE_SURROGATE_PROBLEM = "Request body contains a lone UTF-16 surrogate (\\ud800-\\udfff), which is not valid Unicode";

/** What is wrong with a parsed body, or null. Iterative: it must not overflow itself. */
export function jsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const stack: unknown[] = [value];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const current = stack.pop();
    const depth = depths.pop()!;
    if (typeof current === "string") {
      if (!isWellFormed(current)) return LONE_SURROGATE_PROBLEM;
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return `Request body nests deeper than ${maxDepth} levels`;
    if (Array.isArray(current)) {
      for (const child of current) {
        stack.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in current) {
      if (!isWellFormed(key)) return LONE_SURROGATE_PROBLEM;
      stack.push((current as Record<string, unknown>)[key]);
      depths.push(depth + 1);
    }
  }
  return null;
}
