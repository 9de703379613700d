import { anthropicRoutes } from "./anthropic-routes";
import { controlRoutes } from "./control-routes";
import { geminiRoutes } from "./gemini-routes";
import { openAIRoutes } from "./openai-routes";
import type { MockRoute } from "./route";

/**
 * The route table. Each wire format (OpenAI, Anthropic `/v1/messages`, Gemini
 * `generateContent` / `streamGenerateContent?alt=sse`) is a module exporting MockRoute[]
 * that reuses answer.ts / behavior.ts and the MockExchange helpers.
 */
export const defaultRoutes: MockRoute[] = [...controlRoutes, ...openAIRoutes, ...anthropicRoutes, ...geminiRoutes];

export interface RouteMatch {
  route: MockRoute;
  params: Record<string, string>;
}

export function matchRoute(routes: MockRoute[], method: string, pathname: string): RouteMatch | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPath(route.path, pathname);
    if (params) return { route, params };
  }
  return null;
}

/** `/a/:name/b` matches whole segments; a RegExp's named groups become the params. */
export function matchPath(pattern: string | RegExp, pathname: string): Record<string, string> | null {
  if (pattern instanceof RegExp) {
    const match = pathname.match(pattern);
    return match ? { ...match.groups } : null;
  }
  const want = pattern.split("/");
  const got = pathname.replace(/\/+$/, "").split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) params[want[i].slice(1)] = safeDecode(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return params;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
