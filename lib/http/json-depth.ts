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

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What is wrong with a parsed body, or null. Iterative: it must not overflow itself. */
export function jsonBodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current === "string") {
      if (LONE_SURROGATE.test(current)) return "Request body contains a lone UTF-16 surrogate (\\ud800-\\udfff), which is not valid Unicode";
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return `Request body nests deeper than ${maxDepth} levels`;
    const entries = Array.isArray(current) ? current : Object.entries(current).flat();
    for (const child of entries) stack.push([child, depth + 1]);
  }
  return null;
}
