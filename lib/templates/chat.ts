import { BoundedLru, cacheShare } from "@/lib/core/cache/bounded-lru";
import { deepFreeze } from "@/lib/core/cache/deep-freeze";
import { MAX_JSON_DEPTH } from "@/lib/core/http/json-depth";
import { wellFormedJson } from "@/lib/core/json/well-formed";
import { runtimeSlot } from "@/lib/core/runtime";
import { loadPartialsFor, parseTemplate, RenderBudget, renderLoaded, TemplateError, type PartialLoader } from "./render";
import { listVariables, missingVariables } from "./variables";

export type ContentPart = {
  type: string;
  text?: string;
  image_url?: { url: string; detail?: string; [key: string]: unknown };
  [key: string]: unknown;
};

/** Fields other than `content` (name, tool_calls, tool_call_id, ...) pass through untouched. */
export type ChatMessage = { role: string; content?: string | ContentPart[] | null; [key: string]: unknown };

export type TemplateKind = "chat" | "completion";
export type RenderedTemplate = { messages: ChatMessage[] } | { prompt: string };
export type RenderOptions = { strict?: boolean };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const invalid = (message: string) => new TemplateError("invalid_template", message);

export function parseChatTemplate(template: string): ChatMessage[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(template);
  } catch (err) {
    throw invalid(`Chat template is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!Array.isArray(parsed)) throw invalid("Chat template must be a JSON array of messages");
  // Messages are copied, frozen and serialized recursively later: a template of nested
  // brackets (a string inside the body, so the body's own depth check never saw it) must stop here.
  if (nestsDeeperThan(parsed, MAX_JSON_DEPTH)) throw invalid(`Chat template nests deeper than ${MAX_JSON_DEPTH} levels`);
  // An escape such as `\ud83d` in the template's JSON makes a lone surrogate, which no
  // provider or database takes: it becomes U+FFFD, as a UTF-8 encoder would write it.
  const messages: unknown[] = wellFormedJson(parsed);
  messages.forEach((message, i) => {
    if (!isObject(message) || typeof message.role !== "string") {
      throw invalid(`Chat template message ${i} must be an object with a string "role"`);
    }
    const { content } = message;
    if (!(content == null || typeof content === "string" || (Array.isArray(content) && content.every(isObject)))) {
      throw invalid(`Chat template message ${i}: "content" must be a string, an array of content parts or null`);
    }
  });
  return messages as ChatMessage[];
}

/** Iterative, so that it can't overflow itself. */
function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== "object") continue;
    if (depth >= maxDepth) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

type StringMapper = (text: string, where: string) => string;

/** Visits exactly the strings a chat template renders; everything else is copied as is. */
function mapMessages(messages: ChatMessage[], map: StringMapper): ChatMessage[] {
  return messages.map((message, i) => {
    const where = `messages[${i}].content`;
    const { content } = message;
    if (typeof content === "string") return { ...message, content: map(content, where) };
    if (!Array.isArray(content)) return { ...message };
    return { ...message, content: content.map((part, j) => mapPart(part, `${where}[${j}]`, map)) };
  });
}

function mapPart(part: ContentPart, where: string, map: StringMapper): ContentPart {
  if (part.type === "text" && typeof part.text === "string") return { ...part, text: map(part.text, `${where}.text`) };
  // Rendering the url makes `{{image}}` variables work for vision prompts.
  if (part.type === "image_url" && isObject(part.image_url) && typeof part.image_url.url === "string") {
    return { ...part, image_url: { ...part.image_url, url: map(part.image_url.url, `${where}.image_url.url`) } };
  }
  return part;
}

/** Also validates each string as a template, so that a syntax error names the message it is in. */
function stringsOf(messages: ChatMessage[]): string[] {
  const strings: string[] = [];
  mapMessages(messages, (text, where) => {
    parseTemplate(text, where);
    strings.push(text);
    return text;
  });
  return strings;
}

export function chatTemplateStrings(template: string): string[] {
  return stringsOf(parseChatTemplate(template));
}

/** Every string of a template that gets rendered: what to load partials for and list variables of. */
export function templateStrings(kind: TemplateKind, template: string): string[] {
  return kind === "chat" ? chatTemplateStrings(template) : [template];
}

function variablesOf(strings: string[], partials: Record<string, string>): string[] {
  return [...new Set(strings.flatMap((text) => listVariables(text, partials)))];
}

export function templateVariables(kind: TemplateKind, template: string, partials: Record<string, string> = {}): string[] {
  return variablesOf(templateStrings(kind, template), partials);
}

function assertProvided(strings: string[], partials: Record<string, string>, variables: Record<string, unknown>) {
  const missing = missingVariables(variablesOf(strings, partials), variables);
  if (missing.length > 0) {
    throw new TemplateError("missing_variables", `Missing variables: ${missing.join(", ")}`, { missing });
  }
}

/**
 * Parses the JSON first and renders each string on its own: a value holding quotes, newlines
 * or `"}]` can then never break the message structure, which rendering the raw JSON text would.
 */
export async function renderChat(
  template: string,
  variables: Record<string, unknown>,
  loadPartial: PartialLoader,
  options: RenderOptions = {},
): Promise<ChatMessage[]> {
  const { messages, strings } = analyzeChat(template);
  const partials = await loadPartialsFor(strings, loadPartial);
  if (options.strict) assertProvided(strings, partials, variables);
  // One budget for every message: the request's whole output counts, not each string's.
  const budget = new RenderBudget();
  return mapMessages(messages, (text) => renderLoaded(text, variables, partials, budget));
}

type AnalyzedChat = { messages: ChatMessage[]; strings: string[] };

// A stored version's template is the same text on every call: parse and check it once.
// Frozen, since every call shares it (mapMessages copies what it renders). Bounded in
// entries, per entry and in bytes (an eighth of PROMPTLY_CACHE_MAX_BYTES): playground drafts
// are templates too, each edit a new one. The parsed messages hold about the template's text again.
// A runtime slot: one budget for the process, whichever bundled copy of this module fills it.
const analyzed = runtimeSlot("chat-template-cache", () => new BoundedLru<AnalyzedChat>({ maxEntries: 256, maxBytes: cacheShare(0.125), sizeOf: (_entry, template) => 3 * template.length }));
const MAX_CACHED_TEMPLATE_CHARS = 32_000;

function analyzeChat(template: string): AnalyzedChat {
  let entry = analyzed.get(template);
  if (!entry) {
    const messages = parseChatTemplate(template);
    entry = deepFreeze({ messages, strings: stringsOf(messages) });
    if (template.length <= MAX_CACHED_TEMPLATE_CHARS) analyzed.set(template, entry);
  }
  return entry;
}

/** The one entry point for the completion engine. `strict` throws `missing_variables` instead of rendering blanks. */
export async function renderTemplate(
  kind: TemplateKind,
  template: string,
  variables: Record<string, unknown>,
  loadPartial: PartialLoader,
  options: RenderOptions = {},
): Promise<RenderedTemplate> {
  if (kind === "chat") return { messages: await renderChat(template, variables, loadPartial, options) };
  const partials = await loadPartialsFor([template], loadPartial);
  if (options.strict) assertProvided([template], partials, variables);
  return { prompt: renderLoaded(template, variables, partials) };
}
