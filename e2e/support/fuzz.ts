import fc from "fast-check";

/**
 * Arbitraries for the API fuzz test (e2e/api/reliability.spec.ts): hostile bodies, headers,
 * path ids and query strings, aimed at every /v1 route with the methods it serves.
 */

export interface FuzzRequest {
  method: string;
  /** Raw path and query, sent as-is (lib/http raw request), so `%`, `@` and `..` arrive untouched. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** Ids that exist, so requests get past the lookups; filled in by the test's setup. */
export interface KnownIds {
  /** The mock-backed prompt that completions and render address; never edited by the fuzz. */
  target: string[];
  prompt: string[];
  partial: string[];
  label: string[];
  collection: string[];
  virtualKey: string[];
  version: string[];
}

// Every field any route reads, so generated objects often reach the validators' deep paths.
const FIELDS = [
  "name", "string", "parameters", "model", "virtual_key", "tools", "tool_choice", "functions", "response_format",
  "template_metadata", "version_description", "description", "collection_id", "patch", "variables", "stream",
  "prompt_id", "temperature", "top_p", "max_tokens", "n", "stop", "seed", "logprobs", "template", "template_type",
  "label_id", "version", "color_code", "provider", "key", "custom_host", "parent_collection_id", "note",
  "stream_options", "messages", "template_type", "workspace_id", "__proto__", "constructor",
];

const HUGE = [1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 2 ** 31, 2 ** 31 - 1, 4294967296, 1e21, 5e-324, -0, 0.5, -1];
const HUGE_TEXT = ["1e400", "-1e400", "123456789012345678901234567890", "0.0000000000000000000000001e-400", "-0"];

const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "{{", "}}", "{{>", "{{>x}}", "{{#a}}{{/b}}", "{{{x}}}", "{{=<% %>=}}", "\u0000", "\ud800", "😀".repeat(50), "production", "latest"),
  fc.string({ minLength: 1000, maxLength: 5000 }),
);

const scalar = fc.oneof(text, fc.constantFrom(...HUGE), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(text, scalar, { maxKeys: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.record({ role: text, content: fc.oneof(text, fc.jsonValue({ maxDepth: 2 })) }), { maxLength: 3 }) },
);

const objectBody = fc.dictionary(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...FIELDS) }, { weight: 1, arbitrary: text }), value, { maxKeys: 8 }).map((o) => JSON.stringify(o));

/** Deep nesting as text: JSON.parse copes, anything recursive afterwards may not. */
const deepBody = fc
  .record({ depth: fc.integer({ min: 50, max: 20_000 }), open: fc.constantFrom("[", '{"a":'), field: fc.constantFrom(...FIELDS) })
  .map(({ depth, open, field }) => {
    const close = open === "[" ? "]" : "}";
    return `{"${field}":{"x":${open.repeat(depth)}1${close.repeat(depth)}}}`;
  });

const brokenJson = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom("{", "[", '{"a":', '{"variables":', "nul", "NaN", "{'a':1}", '{"a":1,}', "\ufeff{}", "[][]", '"\\ud800"', "1", "true", "null", '""', "[]"),
  fc.constantFrom(...HUGE_TEXT).chain((n) => fc.constantFrom(...FIELDS).map((f) => `{"${f}":${n}}`)),
  objectBody.map((s) => s.slice(0, Math.max(1, s.length - 3))),
);

export const bodyArb = fc.oneof(
  { weight: 6, arbitrary: objectBody },
  { weight: 1, arbitrary: deepBody },
  { weight: 2, arbitrary: brokenJson },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

// Header values must be ISO-8859-1 without control characters, or the client refuses them.
const headerText = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v).replace(/[^\x20-\x7e]/g, "?")),
  fc.constantFrom("", "null", "{}", "[]", '{"retry":"x"}', '{"strategy":{"mode":"nope"}}', '{"targets":7}', "%", "@"),
);

const headersArb = (apiKey: string) =>
  fc
    .record({
      portkey: fc.dictionary(
        fc.oneof(fc.constantFrom("config", "virtual-key", "trace-id", "provider", "metadata", "cache-force-refresh", "retry-count", "prompt-id"), fc.stringMatching(/^[a-z0-9-]{1,20}$/)).map((k) => `x-portkey-${k}`),
        headerText,
        { maxKeys: 3 },
      ),
      contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "", "application/json; charset=latin1"),
      auth: fc.constantFrom("key", "key", "key", "key", "bearer", "none", "wrong"),
    })
    .map(({ portkey, contentType, auth }) => {
      const headers: Record<string, string> = { ...portkey };
      if (contentType) headers["content-type"] = contentType;
      delete headers["x-portkey-api-key"];
      if (auth === "key") headers["x-portkey-api-key"] = apiKey;
      if (auth === "bearer") headers.authorization = `Bearer ${apiKey}`;
      if (auth === "wrong") headers["x-portkey-api-key"] = "pk-wrong";
      return headers;
    });

/**
 * A path segment: an existing id (maybe with a suffix), or something hostile. Not "." or
 * "..": clients and Next normalise those away, so they address another route (and the
 * collection routes answer a method they don't serve with Next's bare 405).
 */
const idArb = (known: string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...known), fc.constantFrom("@", "@latest", "@0", "@1", "@2", "@99999999999999999999", "@production", "@%", "%40staging", "@-1", "@1.5", "@@", "@default", "%")).map(([id, s]) => id + s) },
    { weight: 2, arbitrary: text.map((s) => s.slice(0, 3000)) },
    { weight: 1, arbitrary: fc.constantFrom("%", "%%", "%zz", "%E0%A4%A", "%00", "@", "@@", "a@b@c", "undefined", "null", "0", "-1", "99999999999999999999", "../..", "a..b", "...", "a%2Fb", "😀", "\u202e") },
  ).filter((id) => id !== "." && id !== "..");

/** Keeps `%`, `@`, `.` as typed; escapes only what can't be in a request line or would split the path. */
export function segment(id: string, raw: boolean): string {
  // A lone surrogate has no UTF-8 form: no client can send it, so send what one would (U+FFFD).
  const text = id.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  if (!raw) return encodeURIComponent(text);
  return Array.from(text, (ch) => (/^[\x21-\x7e]$/.test(ch) && !"/?#".includes(ch) ? ch : encodeURIComponent(ch))).join("");
}

const queryArb = fc.dictionary(fc.constantFrom("current_page", "page_size", "search", "force", "collection_id", "prompt_id", "status", "from", "to", "x"), fc.oneof(text, fc.constantFrom("-1", "1e400", "99999999999999999999", "true", "0")), { maxKeys: 3 });

type Route = [method: string, template: string];
// Every route with the methods it serves. DELETE and PUT on existing ids are left to the
// targeted tests: a fuzzed delete of the fixture prompt would only make later calls 404.
const ROUTES: Route[] = [
  ["POST", "/v1/prompts/{target}/completions"], ["POST", "/v1/prompts/{target}/completions"], ["POST", "/v1/prompts/{target}/completions"],
  ["POST", "/v1/prompts/{target}/render"], ["POST", "/v1/prompts/{target}/render"],
  ["GET", "/v1/prompts"], ["POST", "/v1/prompts"], ["GET", "/v1/prompts/{prompt}"], ["PUT", "/v1/prompts/{prompt}"], ["DELETE", "/v1/prompts/{any}"],
  ["GET", "/v1/prompts/{prompt}/versions"], ["GET", "/v1/prompts/{prompt}/versions/{version}"], ["PUT", "/v1/prompts/{prompt}/versions/{version}"],
  ["PUT", "/v1/prompts/{prompt}/makeDefault"],
  ["GET", "/v1/prompts/partials"], ["POST", "/v1/prompts/partials"], ["GET", "/v1/prompts/partials/{partial}"], ["PUT", "/v1/prompts/partials/{partial}"],
  ["DELETE", "/v1/prompts/partials/{any}"], ["GET", "/v1/prompts/partials/{partial}/versions"], ["PUT", "/v1/prompts/partials/{partial}/makeDefault"],
  ["GET", "/v1/labels"], ["POST", "/v1/labels"], ["GET", "/v1/labels/{label}"], ["PUT", "/v1/labels/{label}"], ["DELETE", "/v1/labels/{any}"],
  ["GET", "/v1/collections"], ["POST", "/v1/collections"], ["GET", "/v1/collections/{collection}"], ["PUT", "/v1/collections/{collection}"], ["DELETE", "/v1/collections/{any}"],
  ["GET", "/v1/virtual-keys"], ["POST", "/v1/virtual-keys"], ["GET", "/v1/virtual-keys/{virtualKey}"], ["PUT", "/v1/virtual-keys/{any}"], ["DELETE", "/v1/virtual-keys/{any}"],
  ["GET", "/v1/logs"], ["GET", "/v1/logs/{any}"], ["GET", "/v1/nope/{any}"],
];

export function requestArb(known: KnownIds, apiKey: string): fc.Arbitrary<FuzzRequest> {
  const hostile = idArb(["x"]).filter((id) => id !== "x");
  const ids: Record<string, fc.Arbitrary<string>> = {
    target: idArb(known.target), prompt: idArb(known.prompt), partial: idArb(known.partial), label: idArb(known.label),
    collection: idArb(known.collection), virtualKey: idArb(known.virtualKey), version: idArb(known.version), any: hostile,
  };
  const headers = headersArb(apiKey);
  // One arbitrary per route, built once (building them per sample in a chain is slow).
  const routes = ROUTES.map(([method, template]) => {
    const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    const readOnly = method === "GET" || method === "DELETE";
    return fc
      .record({
        values: fc.tuple(...names.map((name) => fc.tuple(ids[name], fc.boolean()))),
        query: readOnly ? queryArb : fc.constant({}),
        headers,
        body: readOnly ? fc.constant(undefined) : bodyArb,
      })
      .map(({ values, query, headers, body }) => {
        let i = 0;
        const path = template.replace(/\{\w+\}/g, () => {
          const [id, raw] = values[i++];
          return segment(id, raw);
        });
        const search = new URLSearchParams(query as Record<string, string>).toString();
        return { method, path: search ? `${path}?${search}` : path, headers, body };
      });
  });
  return fc.oneof(...routes);
}
