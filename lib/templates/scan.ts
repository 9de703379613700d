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
  const closed = new Set<ScannedTag>();
  const enclosing = new Map<ScannedTag, ScannedTag[]>();
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
      problems.push({ message: 'Unclosed tag: add "}}"', from: start, to: lineEnd < 0 ? text.length : Math.max(lineEnd, start + 2) });
      break;
    }
    if (type === "{") type = "&";
    const tag: ScannedTag = { type, name: text.slice(i, end.index), from: start, to: end.end, topLevel: true };
    tags.push(tag);
    enclosing.set(tag, open.filter((s) => s.type === "#"));
    pos = end.end;
    if (type === "#" || type === "^") open.push(tag);
    else if (type === "/") {
      const section = closeSection(tag, open, problems);
      if (section) closed.add(section);
    }
  }
  for (const section of open) problems.push({ message: `Unclosed section "${section.name}": add {{/${section.name}}}`, from: section.from, to: section.to });
  for (const tag of tags) tag.topLevel = !enclosing.get(tag)!.some((section) => closed.has(section));
  return { tags, problems, customDelimiters: false };
}

/** Closes the section `tag` ends; returns it, or null when none of that name is open. */
function closeSection(tag: ScannedTag, open: ScannedTag[], problems: SyntaxProblem[]): ScannedTag | null {
  const last = open.at(-1);
  if (last?.name === tag.name) return open.pop()!;
  const depth = open.map((s) => s.name).lastIndexOf(tag.name);
  if (depth < 0) {
    problems.push({ message: `{{/${tag.name}}} closes a section that was never opened`, from: tag.from, to: tag.to });
    return null;
  }
  // Sections opened inside this one and never closed: each is reported at its opening tag.
  for (const unclosed of open.splice(depth + 1)) {
    problems.push({ message: `Unclosed section "${unclosed.name}": add {{/${unclosed.name}}} before {{/${tag.name}}}`, from: unclosed.from, to: unclosed.to });
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
