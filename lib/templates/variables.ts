import { parseTemplate, type Token } from "./render";

export { listPartialRefs } from "./render";

/**
 * The top-level variables a template reads, in order of first appearance. Inside a `{{#section}}`
 * the context may be a list item, so names there are taken to be the item's fields and not
 * reported; an inverted section keeps the outer context, so its names are.
 */
export function listVariables(template: string, partials: Record<string, string> = {}): string[] {
  const found = new Set<string>();
  // A partial adds the same names wherever it is included: walking it once per context is
  // enough, and keeps partials that include others many times from multiplying the work.
  const walked = new Set<string>();
  const walk = (tokens: Token[], topLevel: boolean, stack: string[]) => {
    for (const [type, value, , , children] of tokens) {
      if (type === "name" || type === "&" || type === "#" || type === "^") {
        if (topLevel && value !== "." && value !== "") found.add(value.split(".")[0]);
      }
      if (type === "#" && children) walk(children, false, stack);
      if (type === "^" && children) walk(children, topLevel, stack);
      // A cycle is reported when rendering; here it just stops the walk.
      if (type === ">" && Object.hasOwn(partials, value) && !stack.includes(value) && !walked.has(`${topLevel}:${value}`)) {
        walked.add(`${topLevel}:${value}`);
        walk(parseTemplate(partials[value], `partial "${value}"`), topLevel, [...stack, value]);
      }
    }
  };
  walk(parseTemplate(template), true, []);
  return [...found];
}

/** Absent, undefined and null are missing; an empty string is a deliberate value. */
export function missingVariables(used: string[], provided: Record<string, unknown>): string[] {
  return used.filter((name) => !Object.hasOwn(provided, name) || provided[name] == null);
}
