/** [type, value, start, end, children?]: Mustache's token shape; children only on `#` and `^`. */
export type Token = [string, string, number, number, Token[]?, ...unknown[]];

/**
 * Mustache's template parser (mustache.js 4.2), rewritten to use memory in proportion to the
 * tokens it returns. mustache.js makes an array of every character of text (so that it can drop
 * the whitespace around a standalone tag) and joins them back one `+=` at a time: one parse of
 * a 256 kB paragraph held ~30 MB until it returned, enough to take a server with a capped heap
 * past its limit. This one reads text a line at a time: a line's text is either all kept or,
 * when it is only whitespace around standalone tags, all dropped, so a line is all the
 * granularity the rule needs. Tokens, positions, errors and whitespace rules are mustache.js's
 * (the unit test compares the two on generated templates).
 */
export function parseMustache(template: string, tags: readonly [string, string]): Token[] {
  if (!template) return [];
  const tokens: (Token | undefined)[] = [];
  const sections: Token[] = [];
  // The current line: indices of its whitespace-only text tokens, whether it has a tag, and
  // whether it has anything besides whitespace and tags that print nothing.
  let spaces: number[] = [];
  let hasTag = false;
  let nonSpace = false;
  let lineHasNonSpace = false;
  // What precedes a partial's tag on its line, as blanks: how far its lines are indented.
  let indentation = "";
  let tagIndex = 0;

  const stripSpace = () => {
    if (hasTag && !nonSpace) {
      for (const index of spaces) tokens[index] = undefined;
    }
    spaces = [];
    hasTag = false;
    nonSpace = false;
  };

  let re = compileTags(tags);
  const scanner = new Scanner(template);
  while (!scanner.done) {
    let start = scanner.pos;
    const value = scanner.scanUntil(re.open);
    for (let from = 0; from < value.length; ) {
      const newline = value.indexOf("\n", from);
      const to = newline === -1 ? value.length : newline + 1;
      const text = value.slice(from, to);
      if (NON_SPACE.test(text)) {
        nonSpace = true;
        lineHasNonSpace = true;
      } else {
        spaces.push(tokens.length);
      }
      tokens.push(["text", text, start, start + text.length]);
      start += text.length;
      from = to;
      if (newline === -1) {
        indentation += text.replace(NON_SPACES, " ");
      } else {
        stripSpace();
        indentation = "";
        tagIndex = 0;
        lineHasNonSpace = false;
      }
    }

    if (!scanner.scan(re.open)) break;
    hasTag = true;
    let type = scanner.scan(TAG_TYPE) || "name";
    scanner.scan(WHITE);
    let name: string;
    if (type === "=") {
      name = scanner.scanUntil(EQUALS);
      scanner.scan(EQUALS);
      scanner.scanUntil(re.close);
    } else if (type === "{") {
      name = scanner.scanUntil(re.closeCurly);
      scanner.scan(CURLY);
      scanner.scanUntil(re.close);
      type = "&";
    } else {
      name = scanner.scanUntil(re.close);
    }
    if (!scanner.scan(re.close)) throw new Error(`Unclosed tag at ${scanner.pos}`);

    // A partial's token carries what its indentation needs where a section's has its children.
    const token = (type === ">" ? [type, name, start, scanner.pos, indentation, tagIndex, lineHasNonSpace] : [type, name, start, scanner.pos]) as Token;
    tagIndex++;
    tokens.push(token);

    if (type === "#" || type === "^") {
      sections.push(token);
    } else if (type === "/") {
      const open = sections.pop();
      if (!open) throw new Error(`Unopened section "${name}" at ${start}`);
      if (open[1] !== name) throw new Error(`Unclosed section "${open[1]}" at ${start}`);
    } else if (type === "name" || type === "&") {
      nonSpace = true;
    } else if (type === "=") {
      re = compileTags(name);
    }
  }
  stripSpace();

  const open = sections.pop();
  if (open) throw new Error(`Unclosed section "${open[1]}" at ${scanner.pos}`);
  return nest(squash(tokens));
}

const NON_SPACE = /\S/;
const NON_SPACES = /\S/g;
const TAG_TYPE = pattern("#|\\^|\\/|>|\\{|&|=|!");
const WHITE = pattern("\\s*");
const EQUALS = pattern("\\s*=");
const CURLY = pattern("\\s*\\}");

/** A regular expression twice: to find its next match, and to match it where the scan is. */
type Pattern = { next: RegExp; here: RegExp };

function pattern(source: string): Pattern {
  return { next: new RegExp(source, "g"), here: new RegExp(source, "y") };
}

const escapeRegExp = (text: string) => text.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, "\\$&");

function compileTags(given: string | readonly string[]) {
  const tags = typeof given === "string" ? given.split(/\s+/, 2) : given;
  if (!Array.isArray(tags) || tags.length !== 2) throw new Error(`Invalid tags: ${tags}`);
  return {
    open: pattern(`${escapeRegExp(tags[0])}\\s*`),
    close: pattern(`\\s*${escapeRegExp(tags[1])}`),
    closeCurly: pattern(`\\s*${escapeRegExp(`}${tags[1]}`)}`),
  };
}

/** A position in the template; matches are read in place (no copies of the rest of it). */
class Scanner {
  pos = 0;
  constructor(private readonly text: string) {}

  get done(): boolean {
    return this.pos >= this.text.length;
  }

  /** The match starting here, consumed; "" when there is none. */
  scan({ here }: Pattern): string {
    here.lastIndex = this.pos;
    const match = here.exec(this.text);
    if (!match) return "";
    this.pos += match[0].length;
    return match[0];
  }

  /** The text up to the next match, or to the end when there is none, consumed. */
  scanUntil({ next }: Pattern): string {
    next.lastIndex = this.pos;
    const match = next.exec(this.text);
    const end = match ? match.index : this.text.length;
    const skipped = this.text.slice(this.pos, end);
    this.pos = end;
    return skipped;
  }
}

/** Adjacent text tokens as one, its text joined once (a flat string, not a rope). */
function squash(tokens: (Token | undefined)[]): Token[] {
  const out: Token[] = [];
  let last: Token | undefined;
  let pieces: string[] | null = null;
  const join = () => {
    if (pieces) last![1] = pieces.join("");
    pieces = null;
  };
  for (const token of tokens) {
    if (!token) continue;
    if (token[0] === "text" && last?.[0] === "text") {
      (pieces ??= [last[1]]).push(token[1]);
      last[3] = token[3];
    } else {
      join();
      out.push(token);
      last = token;
    }
  }
  join();
  return out;
}

/** Sections take their tokens as children, and the position where their closing tag starts. */
function nest(tokens: Token[]): Token[] {
  const root: Token[] = [];
  let collector = root;
  const sections: Token[] = [];
  for (const token of tokens) {
    if (token[0] === "#" || token[0] === "^") {
      collector.push(token);
      sections.push(token);
      collector = token[4] = [];
    } else if (token[0] === "/") {
      sections.pop()![5] = token[2];
      collector = sections.length > 0 ? sections[sections.length - 1][4]! : root;
    } else {
      collector.push(token);
    }
  }
  return root;
}
