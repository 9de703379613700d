/**
 * The text a log search matches (completion_log."searchText"): the rendered input and the
 * output, as plain words, whatever the provider's wire shape (OpenAI messages or prompt,
 * Anthropic system and content blocks, Gemini parts, a stream's summary). Tool calls count
 * as output (their names and arguments); tool declarations and settings are not what was
 * said, so they are left out. Bounded, since the index grows with it.
 */
export const SEARCH_TEXT_MAX_CHARS = 100_000;

// Keys whose string values are what was said; every other string (roles, ids, models) is not.
const TEXT_KEYS = new Set(["content", "text", "prompt", "system", "arguments", "input", "query"]);
// Parts of a request that configure rather than say.
const SKIPPED_KEYS = new Set(["tools", "tool_choice", "functions", "response_format", "generationConfig", "safetySettings", "metadata", "stop"]);

export function searchTextOf(request: unknown, response: unknown): string | null {
  const parts: string[] = [];
  let length = 0;
  const push = (text: string) => {
    if (length >= SEARCH_TEXT_MAX_CHARS || text.trim() === "") return;
    const piece = text.slice(0, SEARCH_TEXT_MAX_CHARS - length);
    parts.push(piece);
    length += piece.length + 1;
  };
  const walk = (value: unknown, key: string | null, inFunction: boolean) => {
    if (typeof value === "string") {
      if ((key !== null && TEXT_KEYS.has(key)) || (inFunction && key === "name")) push(value);
      return;
    }
    if (!value || typeof value !== "object") return;
    if (Array.isArray(value)) {
      // Strings straight in an array (a prompt list, stop words aside) count as their key's.
      for (const item of value) walk(item, key, inFunction);
      return;
    }
    // A called function's name is output too (OpenAI `function`, Gemini `functionCall`).
    const isFunction = key === "function" || key === "functionCall";
    for (const [name, child] of Object.entries(value)) {
      if (!SKIPPED_KEYS.has(name)) walk(child, name, isFunction);
    }
  };
  walk(request, null, false);
  walk(response, null, false);
  return parts.length > 0 ? parts.join("\n") : null;
}

/**
 * The words of a search box, as both databases' indexes split text: runs of letters and
 * digits, lower-cased. Each must occur (as a word or a word's beginning) for a row to match.
 * Capped so that one query can't make the index do unbounded work.
 */
export function searchTerms(query: string): string[] {
  const words = query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, 16).map((word) => word.slice(0, 64));
}
