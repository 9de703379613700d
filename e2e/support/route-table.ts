import fs from "node:fs";
import path from "node:path";

/**
 * Every /v1 route the app serves, read from app/v1/**\/route.ts and the HTTP methods each
 * file exports, so a fuzz over "every route" cannot miss one added later.
 */
export interface RouteEntry {
  method: string;
  /** The path with its dynamic segments as `{name}` after the folder before them: `/v1/prompts/{prompts}/versions/{versionId}`. */
  template: string;
  /** The dynamic segments, in order: the collection they index (`prompts`, `labels`...) or their own name. */
  params: string[];
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

export function v1Routes(root = path.resolve("app/v1")): RouteEntry[] {
  const entries: RouteEntry[] = [];
  const visit = (dir: string, segments: string[]) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) visit(full, [...segments, name]);
      else if (name === "route.ts") entries.push(...routeEntries(fs.readFileSync(full, "utf8"), segments));
    }
  };
  visit(root, []);
  return entries;
}

function routeEntries(source: string, segments: string[]): RouteEntry[] {
  const methods = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:const|async\s+function|function)\s+(GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(match[1]);
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1].split(",")) {
      const exported = part.split(/\s+as\s+/).pop()!.trim();
      if (METHODS.includes(exported)) methods.add(exported);
    }
  }
  const params: string[] = [];
  const template = "/v1/" + segments
    .map((segment, i) => {
      const dynamic = /^\[(\.\.\.)?(\w+)\]$/.exec(segment);
      if (!dynamic) return segment;
      // `[id]` under `prompts/partials` indexes partials; `[versionId]` names itself.
      const kind = dynamic[1] ? "rest" : dynamic[2] === "id" || dynamic[2] === "slug" ? segments[i - 1] : dynamic[2];
      params.push(kind);
      return `{${kind}}`;
    })
    .join("/");
  return [...methods].sort().map((method) => ({ method, template, params }));
}
