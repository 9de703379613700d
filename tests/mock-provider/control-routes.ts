import { BehaviorParseError, parseBehavior } from "./behavior";
import type { MockRoute } from "./route";
import type { MockExchange } from "./types";

/**
 * `/__mock/*`: lets tests in another process (Playwright against the mock run as a web
 * server) inspect and steer it. These calls are not recorded.
 */
export const controlRoutes: MockRoute[] = [
  { method: "GET", path: "/__mock/health", control: true, handle: (ex) => ex.json(200, { ok: true }) },
  {
    method: "GET",
    path: "/__mock/requests",
    control: true,
    // ?path=/v1/chat narrows to one endpoint, as count(pathPrefix) does.
    handle: (ex, state) => {
      const prefix = ex.url.searchParams.get("path");
      ex.json(200, prefix ? state.requests.filter((r) => r.path.startsWith(prefix)) : state.requests);
    },
  },
  // Since start: a client comparing two readings learns how many connections it opened.
  { method: "GET", path: "/__mock/stats", control: true, handle: (ex, state) => ex.json(200, { connectionsOpened: state.connectionsOpened }) },
  {
    method: "POST",
    path: "/__mock/reset",
    control: true,
    handle: (ex, state) => {
      state.reset();
      ex.json(200, { ok: true });
    },
  },
  {
    method: "POST",
    path: "/__mock/behavior",
    control: true,
    // An empty body or `null` clears the default behaviour.
    handle: (ex, state) =>
      withBehaviors(ex, (behaviors) => {
        state.defaultBehavior = behaviors[0] && Object.keys(behaviors[0]).length > 0 ? behaviors[0] : null;
        ex.json(200, { ok: true, behavior: state.defaultBehavior });
      }),
  },
  {
    method: "POST",
    path: "/__mock/enqueue",
    control: true,
    // One behaviour or an array of them, each consumed by one upcoming LLM request.
    handle: (ex, state) =>
      withBehaviors(ex, (behaviors) => {
        state.queue.push(...behaviors);
        ex.json(200, { ok: true, queued: state.queue.length });
      }),
  },
];

function withBehaviors(ex: MockExchange, apply: (behaviors: ReturnType<typeof parseBehavior>[]) => void) {
  try {
    const raw = Array.isArray(ex.body) ? ex.body : [ex.body];
    apply(raw.map((item) => parseBehavior(item)));
  } catch (error) {
    if (!(error instanceof BehaviorParseError)) throw error;
    ex.json(400, { error: { message: error.message, type: "invalid_request_error", param: null, code: null } });
  }
}
