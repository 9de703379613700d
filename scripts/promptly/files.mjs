// The prompts-as-code file format, written and read by `npm run promptly -- pull|push`.
//
//   <folder slug>/<sub-folder slug>/<prompt slug>.prompt.md
//   _partials/<partial slug>.partial.md
//
// A file is front matter between `---` lines, one `key: <JSON value>` per line, keys sorted,
// then the template. A chat template is its JSON messages, indented by two spaces; a
// completion template is its text as is. The file ends with one newline more than the
// template, so a template that ends in a newline (or not) comes back exactly.
// Rendering what parsing gives back yields the same bytes: pull → push → pull is identical.

export const PROMPT_SUFFIX = ".prompt.md";
export const PARTIAL_SUFFIX = ".partial.md";
export const PARTIALS_DIR = "_partials";

// Slugs become file and folder names: nothing that could climb out of the tree or hide.
export const SAFE_SLUG = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

const PROMPT_KEYS = ["functions", "labels", "model", "name", "parameters", "published_version", "response_format", "template_metadata", "template_type", "tool_choice", "tools", "virtual_key"];
const PARTIAL_KEYS = ["name", "published_version"];
// Version fields: a change in any of them is a new version.
export const VERSION_KEYS = ["functions", "model", "parameters", "response_format", "template_metadata", "template_type", "tool_choice", "tools", "virtual_key"];

export class FormatError extends Error {}

const isObject = (value) => typeof value === "object" && value !== null && !Array.isArray(value);

/** JSON with object keys sorted at every level, on one line. */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** How a template is written in a file: chat messages indented, anything else verbatim. */
export function templateBody(templateType, string) {
  if (templateType !== "chat") return string;
  try {
    return JSON.stringify(JSON.parse(string), null, 2);
  } catch {
    return string;
  }
}

function render(meta, keys, body) {
  const lines = keys.filter((key) => meta[key] !== undefined && meta[key] !== null).map((key) => `${key}: ${canonical(meta[key])}`);
  return `---\n${lines.join("\n")}\n---\n${body}\n`;
}

/**
 * A prompt as a file. `prompt`: name, labels ({label: version}), published_version and the
 * latest version's fields (template_type, string, model, parameters, tools...). Empty
 * values are left out; `parameters` is always written.
 */
export function renderPrompt(prompt) {
  const metadata = isObject(prompt.template_metadata) ? Object.fromEntries(Object.entries(prompt.template_metadata).filter(([key]) => key !== "template_type")) : {};
  const labels = isObject(prompt.labels) && Object.keys(prompt.labels).length ? prompt.labels : undefined;
  const meta = {
    name: prompt.name,
    labels,
    published_version: prompt.published_version ?? undefined,
    template_type: prompt.template_type,
    model: prompt.model ?? undefined,
    parameters: prompt.parameters ?? {},
    tools: prompt.tools ?? undefined,
    tool_choice: prompt.tool_choice ?? undefined,
    functions: prompt.functions ?? undefined,
    response_format: prompt.response_format ?? undefined,
    template_metadata: Object.keys(metadata).length ? metadata : undefined,
    virtual_key: prompt.virtual_key ?? undefined,
  };
  return render(meta, PROMPT_KEYS, templateBody(prompt.template_type, prompt.string));
}

export function renderPartial(partial) {
  return render({ name: partial.name, published_version: partial.published_version ?? undefined }, PARTIAL_KEYS, partial.string);
}

function parse(text, keys, where) {
  if (text.includes("\r")) throw new FormatError(`${where}: line endings must be LF`);
  if (!text.startsWith("---\n")) throw new FormatError(`${where}: must start with a front matter line '---'`);
  const end = text.indexOf("\n---\n", 3);
  if (end < 0) throw new FormatError(`${where}: the front matter has no closing '---' line`);
  if (!text.endsWith("\n")) throw new FormatError(`${where}: must end with a newline`);
  const meta = {};
  const header = text.slice(4, end);
  header.split("\n").forEach((line, index) => {
    if (line === "" && header === "") return;
    const at = `${where}:${index + 2}`;
    const match = /^([a-z_]+): (.*)$/.exec(line);
    if (!match) throw new FormatError(`${at}: expected 'key: <JSON value>'`);
    const [, key, raw] = match;
    if (!keys.includes(key)) throw new FormatError(`${at}: unknown key '${key}' (known: ${keys.join(", ")})`);
    if (key in meta) throw new FormatError(`${at}: '${key}' is given twice`);
    try {
      meta[key] = JSON.parse(raw);
    } catch {
      throw new FormatError(`${at}: the value of '${key}' is not JSON`);
    }
  });
  return { meta, body: text.slice(end + 5, -1) };
}

const fail = (where, message) => {
  throw new FormatError(`${where}: ${message}`);
};

/** A prompt file back into the fields renderPrompt takes; the template is the body as written. */
export function parsePrompt(text, where = "prompt") {
  const { meta, body } = parse(text, PROMPT_KEYS, where);
  if (typeof meta.name !== "string" || !meta.name.trim()) fail(where, "'name' must be a non-empty string");
  const templateType = meta.template_type ?? "completion";
  if (templateType !== "chat" && templateType !== "completion") fail(where, "'template_type' must be \"chat\" or \"completion\"");
  if (templateType === "chat") {
    try {
      JSON.parse(body);
    } catch {
      fail(where, "a chat template must be a JSON array of {role, content} messages");
    }
  }
  const labels = meta.labels ?? {};
  if (!isObject(labels)) fail(where, "'labels' must be an object {label: version}");
  for (const [label, version] of Object.entries(labels)) {
    if (!(Number.isInteger(version) && version > 0) && version !== "latest") fail(where, `label '${label}' must point at a version number or "latest"`);
  }
  const published = meta.published_version;
  if (published !== undefined && !(Number.isInteger(published) && published > 0) && published !== "latest") fail(where, "'published_version' must be a version number or \"latest\"");
  if (meta.parameters !== undefined && !isObject(meta.parameters)) fail(where, "'parameters' must be an object");
  return {
    name: meta.name,
    labels,
    published_version: published ?? null,
    template_type: templateType,
    string: body,
    model: meta.model ?? null,
    parameters: meta.parameters ?? {},
    tools: meta.tools ?? null,
    tool_choice: meta.tool_choice ?? null,
    functions: meta.functions ?? null,
    response_format: meta.response_format ?? null,
    template_metadata: meta.template_metadata ?? null,
    virtual_key: meta.virtual_key ?? null,
  };
}

export function parsePartial(text, where = "partial") {
  const { meta, body } = parse(text, PARTIAL_KEYS, where);
  if (typeof meta.name !== "string" || !meta.name.trim()) fail(where, "'name' must be a non-empty string");
  const published = meta.published_version;
  if (published !== undefined && !(Number.isInteger(published) && published > 0) && published !== "latest") fail(where, "'published_version' must be a version number or \"latest\"");
  return { name: meta.name, published_version: published ?? null, string: body };
}

/** What makes a prompt's version: equal texts, no new version. Chat messages compare as JSON. */
export function versionKey(prompt) {
  const fields = Object.fromEntries(VERSION_KEYS.map((key) => [key, prompt[key] ?? null]));
  const metadata = isObject(fields.template_metadata) ? Object.fromEntries(Object.entries(fields.template_metadata).filter(([key]) => key !== "template_type")) : {};
  fields.template_metadata = Object.keys(metadata).length ? metadata : null;
  fields.parameters = prompt.parameters ?? {};
  return canonical({ ...fields, body: templateBody(prompt.template_type, prompt.string) });
}
