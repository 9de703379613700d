import Mustache from "mustache";
import { BoundedLru, cacheShare } from "@/lib/core/cache/bounded-lru";
import { limitValue, MAX_RENDER_DEPTH } from "@/lib/core/limits/content-limits";
import { runtimeSlot } from "@/lib/core/runtime";
import { RenderBudget, sectionDepth, tooDeepToRender } from "./budget";
import { parseMustache, type Token } from "./parse";
import { TemplateError } from "./template-error";

export { TemplateError, type TemplateErrorCode } from "./template-error";
export { RenderBudget } from "./budget";

/**
 * `version: null` asks for the partial's published version, unless `label` names the label
 * whose version to include (`{{>slug@staging}}`).
 */
export type PartialRef = { slug: string; version: number | null; label?: string };
export type PartialLoader = (ref: PartialRef) => Promise<string | null>;
/** `tag` is the literal name inside `{{> }}`: the key of the partials map. */
export type PartialTag = PartialRef & { tag: string };

export const MAX_PARTIAL_DEPTH = 10;

export type { Token } from "./parse";

const partialWhere = (tag: string) => `partial "${tag}"`;
const MAX_RENDER_DEPTH_VALUE = () => limitValue(MAX_RENDER_DEPTH);

// Always passed explicitly so that nobody's change to the global `Mustache.tags` reaches us.
const TAGS: [string, string] = ["{{", "}}"];

const hasOwn = (value: unknown, key: string) =>
  value != null && (typeof value === "object" || typeof value === "string") && Object.hasOwn(Object(value), key);

/**
 * Own properties only: with Mustache's default lookup `{{constructor}}` or `{{toString}}` would
 * reach Object.prototype and call it, where a prompt expects an absent variable to be empty.
 * Functions are never called for the same reason (variables are JSON).
 */
class PromptContext extends Mustache.Context {
  push(view: unknown): PromptContext {
    return new PromptContext(view, this);
  }

  lookup(name: string): unknown {
    if (name === ".") return dataOnly(this.view);
    const names = name.split(".");
    // Walking up the context chain starts at this context: not an alias kept around.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    for (let ctx: InstanceType<typeof Mustache.Context> | undefined = this; ctx; ctx = ctx.parent) {
      // Mustache only looks at primitives' own properties (`{{name.length}}`) past the first segment.
      if (ctx.view === null || typeof ctx.view !== "object") continue;
      let value: unknown = ctx.view;
      let hit = true;
      for (const key of names) {
        if (!hasOwn(value, key)) {
          hit = false;
          break;
        }
        value = (value as Record<string, unknown>)[key];
      }
      if (hit) return dataOnly(value);
    }
    return undefined;
  }
}

const dataOnly = (value: unknown) => (typeof value === "function" ? undefined : value);

/** Prompts are not HTML: strings go in as given, objects and arrays as JSON. */
export function toText(value: unknown): string {
  if (value == null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") {
    try {
      return JSON.stringify(value) ?? "";
    } catch {
      return String(value);
    }
  }
  return String(value);
}

type MustacheContext = InstanceType<typeof Mustache.Context>;

// Mustache's own cache is an unbounded object; prompts are user content, so bound it. Keyed by
// the template alone: every parse uses TAGS.
// A quarter of PROMPTLY_CACHE_MAX_BYTES, for the process (a runtime slot: the fast routes'
// copy of this module shares it, or the budget would count twice).
const parseCache = runtimeSlot("template-parse-cache", () => new BoundedLru<Token[]>({ maxEntries: 500, maxBytes: cacheShare(0.25), sizeOf: tokenBytes }));

// Measured on Node 20: each token is an array of 4-6 slots plus its strings, about 100 bytes
// whatever its text; a template of `{{x}}` tags holds 20 bytes per character of its source,
// five times what a per-character estimate assumed. Counted once, when a tree is stored.
const BYTES_PER_TOKEN = 100;
function tokenBytes(tokens: Token[], template: string): number {
  let count = 0;
  const stack: Token[][] = [tokens];
  while (stack.length > 0) {
    for (const token of stack.pop()!) {
      count++;
      if (Array.isArray(token[4])) stack.push(token[4] as Token[]);
    }
  }
  return 2 * template.length + BYTES_PER_TOKEN * count;
}

/** The estimated bytes the parse cache holds (for tests). */
export const parseCacheBytes = () => parseCache.bytes;

type Rest = unknown[];

/**
 * Renders under the budget of the call in progress (rendering is synchronous, so one field
 * is enough): output characters are counted where they are produced (text and values),
 * tokens where they are visited, and sections where they nest, so an oversized render
 * stops while it runs instead of once the whole string is built.
 */
class PromptWriter extends Mustache.Writer {
  budget: RenderBudget | null = null;

  /** Mustache calls this for the template and each partial, always with TAGS (the render's config). */
  parse(template: string): Token[] {
    let tokens = parseCache.get(template);
    if (!tokens) {
      tokens = parseMustache(template, TAGS);
      parseCache.set(template, tokens);
    }
    return tokens;
  }
  renderTokens(tokens: string[][], ...rest: Rest): string {
    this.budget?.visit(tokens.length);
    return (super.renderTokens as (tokens: string[][], ...rest: Rest) => string)(tokens, ...rest);
  }
  renderSection(...args: Rest): string {
    return this.nested(() => (super.renderSection as (...args: Rest) => string)(...args));
  }
  renderInverted(...args: Rest): string {
    return this.nested(() => (super.renderInverted as (...args: Rest) => string)(...args));
  }
  renderPartial(...args: Rest): string {
    return this.nested(() => (super.renderPartial as (...args: Rest) => string)(...args));
  }
  rawValue(token: string[]): string {
    return this.counted(token[1]);
  }
  escapedValue(token: string[], context: MustacheContext): string {
    return this.counted(toText(context.lookup(token[1])));
  }
  unescapedValue(token: string[], context: MustacheContext): string {
    return this.counted(toText(context.lookup(token[1])));
  }

  private counted(text: string): string {
    this.budget?.output(text.length);
    return text;
  }

  private nested(render: () => string): string {
    const budget = this.budget;
    if (!budget) return render();
    budget.enter();
    try {
      return render();
    } finally {
      budget.leave();
    }
  }
}

/**
 * Mustache builds each render's output one token at a time (`+=`). V8 keeps such strings as
 * ropes of 32-byte nodes: 400 kB of output from short tokens holds megabytes. Converting a string
 * to a number makes V8 flatten it in place, which frees the rope's nodes; the number itself is
 * not used.
 * Called through Reflect.apply: production minifiers drop a bare `Number(text)` whose result
 * is unused as a pure call.
 */
function flatten(text: string): string {
  Reflect.apply(Number, undefined, [text]);
  return text;
}

// One private writer: its state is the parse cache and the budget of the render in
// progress; no global Mustache setting is touched.
const writer = new PromptWriter();

// Token trees already checked for depth: the parse cache hands back the same arrays.
const depthChecked = new WeakSet<Token[]>();

export function parseTemplate(template: string, where?: string): Token[] {
  let tokens: Token[];
  try {
    tokens = writer.parse(template);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    const prefix = where ? `Invalid template in ${where}` : "Invalid template";
    throw new TemplateError("invalid_template", `${prefix}: ${reason}`, { reason });
  }
  // Everything that walks tokens recurses by section: refuse a depth that would overflow it.
  if (!depthChecked.has(tokens)) {
    if (sectionDepth(tokens) > MAX_RENDER_DEPTH_VALUE()) throw tooDeepToRender(where);
    depthChecked.add(tokens);
  }
  return tokens;
}

/** The ref a loader is asked for, without the tag. */
export function refOf(tag: PartialTag): PartialRef {
  return tag.label === undefined ? { slug: tag.slug, version: tag.version } : { slug: tag.slug, version: null, label: tag.label };
}

export function parsePartialTag(tag: string): PartialTag {
  const pinned = /^(.+)@(\d+)$/.exec(tag);
  if (pinned) return { slug: pinned[1], version: Number(pinned[2]), tag };
  // A non-numeric suffix is a label name (label names are never all digits, and never
  // the reserved `latest` or `default`, which stay part of the slug as before).
  const labelled = /^(.+)@([A-Za-z0-9][A-Za-z0-9._-]*)$/.exec(tag);
  if (labelled && !["latest", "default"].includes(labelled[2].toLowerCase())) return { slug: labelled[1], version: null, label: labelled[2], tag };
  return { slug: tag, version: null, tag };
}

function collectPartialTags(tokens: Token[], out: Map<string, PartialTag>) {
  for (const token of tokens) {
    if (token[0] === ">" && !out.has(token[1])) out.set(token[1], parsePartialTag(token[1]));
    if ((token[0] === "#" || token[0] === "^") && token[4]) collectPartialTags(token[4], out);
  }
}

/** The partials a template includes directly, deduplicated by tag, in order of appearance. */
export function listPartialRefs(template: string): PartialTag[] {
  const out = new Map<string, PartialTag>();
  collectPartialTags(parseTemplate(template), out);
  return [...out.values()];
}


function childTags(partials: Record<string, string>, tag: string): string[] {
  const out = new Map<string, PartialTag>();
  collectPartialTags(parseTemplate(partials[tag], partialWhere(tag)), out);
  return [...out.keys()];
}

const tooDeep = (chain: string[]) =>
  new TemplateError("partial_cycle", `Partials are nested more than ${MAX_PARTIAL_DEPTH} levels deep: ${chain.join(" -> ")}`, {
    chain,
  });

/**
 * Mustache would recurse until the stack overflows on a partial that includes itself, and
 * silently render an unknown partial as empty: both are authoring mistakes to report.
 */
function checkPartialGraph(roots: string[], partials: Record<string, string>) {
  const heights = new Map<string, number>();
  const visit = (tag: string, chain: string[]): number => {
    const path = [...chain, tag];
    if (chain.includes(tag)) {
      const cycle = path.slice(chain.indexOf(tag));
      throw new TemplateError("partial_cycle", `Partials include each other in a cycle: ${cycle.join(" -> ")}`, { cycle });
    }
    if (path.length > MAX_PARTIAL_DEPTH) throw tooDeep(path);
    if (!Object.hasOwn(partials, tag)) {
      throw new TemplateError("unknown_partial", `Unknown partial "${tag}"`, { partial: tag });
    }
    // Heights are memoized so that diamonds of partials are walked once, not once per path.
    let height = heights.get(tag);
    if (height === undefined) {
      height = 1 + Math.max(0, ...childTags(partials, tag).map((child) => visit(child, path)));
      heights.set(tag, height);
    }
    if (chain.length + height > MAX_PARTIAL_DEPTH) throw tooDeep(path);
    return height;
  };
  for (const root of roots) for (const ref of listPartialRefs(root)) visit(ref.tag, []);
}

/**
 * Loads every partial the templates need, transitively, level by level: each distinct
 * ref is asked for once and the refs of one level are loaded in parallel.
 */
export async function loadPartialsFor(templates: string[], loadPartial: PartialLoader): Promise<Record<string, string>> {
  // No prototype: a partial tagged `__proto__` must stay a plain key.
  const partials: Record<string, string> = Object.create(null);
  const bodies = new Map<string, Promise<string | null>>();
  let level = new Map<string, PartialTag>();
  for (const template of templates) collectPartialTags(parseTemplate(template), level);

  for (let depth = 1; level.size > 0; depth++) {
    if (depth > MAX_PARTIAL_DEPTH) throw tooDeep([...level.keys()]);
    const tags = [...level.values()];
    const loaded = await Promise.all(
      tags.map((ref) => {
        // `p@05` and `p@5` are different tags but the same ref.
        const key = `${ref.slug}@${ref.version ?? ""}@${ref.label ?? ""}`;
        if (!bodies.has(key)) bodies.set(key, loadPartial(refOf(ref)));
        return bodies.get(key)!;
      }),
    );
    const next = new Map<string, PartialTag>();
    tags.forEach((ref, i) => {
      const body = loaded[i];
      if (body == null) throw new TemplateError("unknown_partial", `Unknown partial "${ref.tag}"`, { partial: ref.tag });
      partials[ref.tag] = body;
    });
    for (const ref of tags) {
      const children = new Map<string, PartialTag>();
      collectPartialTags(parseTemplate(partials[ref.tag], partialWhere(ref.tag)), children);
      for (const [tag, child] of children) if (!Object.hasOwn(partials, tag)) next.set(tag, child);
    }
    level = next;
  }
  checkPartialGraph(templates, partials);
  return partials;
}

/** Renders with partials already in memory (keyed by their literal tag, e.g. `p@1`). */
export function renderWithPartials(
  template: string,
  variables: Record<string, unknown>,
  partials: Record<string, string>,
): string {
  checkPartialGraph([template], partials);
  return renderLoaded(template, variables, partials);
}

/**
 * Renders with the partials loadPartialsFor returned for this template: it already checked
 * their graph, so the engine skips walking it again for every message of every call.
 * `budget` is shared by every string of one request (all messages of a chat template).
 */
export function renderLoaded(
  template: string,
  variables: Record<string, unknown>,
  partials: Record<string, string>,
  budget: RenderBudget = new RenderBudget(),
): string {
  const lookup = (tag: string) => (Object.hasOwn(partials, tag) ? partials[tag] : undefined);
  const outer = writer.budget;
  writer.budget = budget;
  try {
    return flatten(writer.render(template, new PromptContext(variables), lookup, { tags: TAGS }));
  } finally {
    writer.budget = outer;
  }
}

export async function renderText(
  template: string,
  variables: Record<string, unknown>,
  loadPartial: PartialLoader,
): Promise<string> {
  const partials = await loadPartialsFor([template], loadPartial);
  return renderWithPartials(template, variables, partials);
}
