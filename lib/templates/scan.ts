/**
 * A forgiving reading of a Mustache template that keeps where each tag is. Mustache's own
 * parser stops at the first mistake and says only "at N"; the editor needs every mistake with
 * its place, and the variables pane needs the names it can still find around a mistake.
 * The rules are Mustache's (tag types, whitespace, `{{{ }}}`), so a template this finds no
 * problem in is one Mustache parses, apart from custom delimiters, which end the scan.
 */

export interface ScannedTag {
  /** Mustache's token type: name, &, #, ^, /, >, ! */
  type: string;
  name: string;
  from: number;
  to: number;
  /**
   * Inside no closed `{{#section}}`: a name here is a variable of the prompt, not a list
   * item's field. A section left open is not known to contain anything (the author is
   * probably still typing it), so names after it count as top level.
   */
  topLevel: boolean;
}

export interface SyntaxProblem {
  message: string;
  from: number;
  to: number;
}

export interface TemplateScan {
  tags: ScannedTag[];
  problems: SyntaxProblem[];
  /** `{{=<% %>=}}` was met: the rest was not read. */
  customDelimiters: boolean;
}

const TYPES = new Set(["#", "^", "/", ">", "{", "&", "=", "!"]);
const CLOSE = /\s*\}\}/g;
const CLOSE_TRIPLE = /\s*\}\}\}/g;

function closing(text: string, from: number, pattern: RegExp): { index: number; end: number } | null {
  pattern.lastIndex = from;
  const match = pattern.exec(text);
  return match ? { index: match.index, end: match.index + match[0].length } : null;
}

export function scanTemplate(text: string): TemplateScan {
  const tags: ScannedTag[] = [];
  const problems: SyntaxProblem[] = [];
  const open: ScannedTag[] = [];
  // innermostLoop[k]: the innermost "#" section among open[0..k]. Each tag keeps only that one
  // (its loop), each loop its parent loop: a copy of the open stack per tag is quadratic in
  // memory, and thousands of nested sections would take hundreds of megabytes.
  const innermostLoop: (ScannedTag | null)[] = [];
  const loopOf = new Map<ScannedTag, ScannedTag | null>();
  const closed = new Set<ScannedTag>();
  let pos = 0;
  while (pos < text.length) {
    const start = text.indexOf("{{", pos);
    if (start < 0) break;
    let i = start + 2;
    let type = TYPES.has(text[i]) ? text[i] : "name";
    if (type !== "name") i++;
    while (i < text.length && /\s/.test(text[i])) i++;
    if (type === "=") return { tags, problems, customDelimiters: true };
    const end = closing(text, i, type === "{" ? CLOSE_TRIPLE : CLOSE);
    if (!end) {
      // Mustache reads the rest of the text as this tag's name: nothing after it is a tag.
      const lineEnd = text.indexOf("\n", start);
      report(problems, { message: 'Unclosed tag: add "}}"', from: start, to: lineEnd < 0 ? text.length : Math.max(lineEnd, start + 2) });
      break;
    }
    if (type === "{") type = "&";
    const tag: ScannedTag = { type, name: text.slice(i, end.index), from: start, to: end.end, topLevel: true };
    tags.push(tag);
    const loop = innermostLoop.at(-1) ?? null;
    loopOf.set(tag, loop);
    pos = end.end;
    if (type === "#" || type === "^") {
      open.push(tag);
      innermostLoop.push(type === "#" ? tag : loop);
    } else if (type === "/") {
      const section = closeSection(tag, open, problems);
      if (section) closed.add(section);
      innermostLoop.length = open.length;
    }
  }
  for (const section of open) report(problems, { message: `Unclosed section "${section.name}": add {{/${section.name}}}`, from: section.from, to: section.to });
  // A tag is top level unless a closed "#" section encloses it. Loops open before the loops
  // inside them, so one pass in order settles each loop from its parent's answer.
  const insideClosedLoop = new Map<ScannedTag, boolean>();
  const inside = (loop: ScannedTag | null | undefined) => (loop ? insideClosedLoop.get(loop)! : false);
  for (const tag of tags) {
    const loop = loopOf.get(tag);
    if (tag.type === "#") insideClosedLoop.set(tag, closed.has(tag) || inside(loop));
    tag.topLevel = !inside(loop);
  }
  return { tags, problems, customDelimiters: false };
}

// Enough to fix a template by; more would only cost time (each is placed by line and column)
// and bytes in the answer for a template written to produce thousands.
export const MAX_SYNTAX_PROBLEMS = 100;

function report(problems: SyntaxProblem[], problem: SyntaxProblem) {
  if (problems.length < MAX_SYNTAX_PROBLEMS) problems.push(problem);
}

/** Closes the section `tag` ends; returns it, or null when none of that name is open. */
function closeSection(tag: ScannedTag, open: ScannedTag[], problems: SyntaxProblem[]): ScannedTag | null {
  const last = open.at(-1);
  if (last?.name === tag.name) return open.pop()!;
  const depth = open.map((s) => s.name).lastIndexOf(tag.name);
  if (depth < 0) {
    report(problems, { message: `{{/${tag.name}}} closes a section that was never opened`, from: tag.from, to: tag.to });
    return null;
  }
  // Sections opened inside this one and never closed: each is reported at its opening tag.
  for (const unclosed of open.splice(depth + 1)) {
    report(problems, { message: `Unclosed section "${unclosed.name}": add {{/${unclosed.name}}} before {{/${tag.name}}}`, from: unclosed.from, to: unclosed.to });
  }
  return open.pop()!;
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The top-level variables found by the scan, in order, as listVariables would list them for
 * a template that parses: names inside a `{{#section}}` belong to the section's items.
 */
export function scannedVariables(scan: TemplateScan): string[] {
  const found = new Set<string>();
  for (const tag of scan.tags) {
    if (!["name", "&", "#", "^"].includes(tag.type) || !tag.topLevel) continue;
    if (tag.name !== "." && tag.name !== "") found.add(tag.name.split(".")[0]);
  }
  return [...found];
}
