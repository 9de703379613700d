import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Caller, Role } from "./caller";
import { can, type Action } from "./permissions";

// Who is calling is the one thing faked here: every real /v1 route handler then answers
// through its declared access level. The table below is the policy per route; a route
// missing from it (or listed but gone) fails the test, so new routes must take a side.
const current = vi.hoisted(() => ({ caller: null as Caller | null }));
vi.mock("@/lib/auth/caller", async (original) => ({ ...(await original<typeof import("./caller")>()), getCaller: async () => current.caller }));

const EXPECTED: Record<string, Action | "public"> = {
  "GET /v1/[...path]": "public",
  "POST /v1/[...path]": "public",
  "PUT /v1/[...path]": "public",
  "PATCH /v1/[...path]": "public",
  "DELETE /v1/[...path]": "public",
  "POST /v1/prompts/[id]/completions": "run",
  "POST /v1/prompts/[id]/render": "run",
  "GET /v1/providers": "run",
  "GET /v1/prompts": "read",
  "POST /v1/prompts": "write",
  "GET /v1/prompts/[id]": "read",
  "PUT /v1/prompts/[id]": "write",
  "DELETE /v1/prompts/[id]": "write",
  "POST /v1/prompts/[id]/duplicate": "write",
  "POST /v1/prompts/[id]/archive": "write",
  "POST /v1/prompts/[id]/restore": "write",
  "PUT /v1/prompts/[id]/makeDefault": "write",
  "GET /v1/prompts/[id]/versions": "read",
  "GET /v1/prompts/[id]/versions/[versionId]": "read",
  "PUT /v1/prompts/[id]/versions/[versionId]": "write",
  "GET /v1/prompts/[id]/variable-sets": "read",
  "POST /v1/prompts/[id]/variable-sets": "write",
  "PUT /v1/prompts/[id]/variable-sets/[setId]": "write",
  "DELETE /v1/prompts/[id]/variable-sets/[setId]": "write",
  "GET /v1/prompts/partials": "read",
  "POST /v1/prompts/partials": "write",
  "GET /v1/prompts/partials/[id]": "read",
  "PUT /v1/prompts/partials/[id]": "write",
  "DELETE /v1/prompts/partials/[id]": "write",
  "PUT /v1/prompts/partials/[id]/makeDefault": "write",
  "GET /v1/prompts/partials/[id]/versions": "read",
  "GET /v1/prompts/partials/[id]/usage": "read",
  "PUT /v1/prompts/partials/[id]/labels/[label]": "write",
  "DELETE /v1/prompts/partials/[id]/labels/[label]": "write",
  "GET /v1/collections": "read",
  "POST /v1/collections": "write",
  "GET /v1/collections/[id]": "read",
  "PUT /v1/collections/[id]": "write",
  "DELETE /v1/collections/[id]": "write",
  "GET /v1/labels": "read",
  "POST /v1/labels": "write",
  "GET /v1/labels/[id]": "read",
  "PUT /v1/labels/[id]": "write",
  "DELETE /v1/labels/[id]": "write",
  "PUT /v1/labels/[id]/protection": "settings",
  "GET /v1/prompts/[id]/labels/[label]/history": "read",
  "POST /v1/prompts/[id]/labels/[label]/rollback": "write",
  "PUT /v1/prompts/[id]/labels/[label]/split": "write",
  "POST /v1/prompts/[id]/labels/[label]/split/promote": "write",
  "POST /v1/prompts/[id]/labels/[label]/split/abort": "write",
  "GET /v1/prompts/[id]/labels/[label]/gate": "read",
  "PUT /v1/prompts/[id]/labels/[label]/gate": "settings",
  "DELETE /v1/prompts/[id]/labels/[label]/gate": "settings",
  "GET /v1/release-requests": "read",
  "POST /v1/release-requests": "write",
  "GET /v1/release-requests/[id]": "read",
  "POST /v1/release-requests/[id]/reviews": "write",
  "POST /v1/release-requests/[id]/merge": "write",
  "POST /v1/release-requests/[id]/close": "write",
  "GET /v1/webhooks": "settings",
  "POST /v1/webhooks": "settings",
  "GET /v1/webhooks/[id]": "settings",
  "PUT /v1/webhooks/[id]": "settings",
  "DELETE /v1/webhooks/[id]": "settings",
  "POST /v1/webhooks/[id]/rotate-secret": "settings",
  "POST /v1/webhooks/[id]/ping": "settings",
  "GET /v1/webhooks/[id]/deliveries": "settings",
  "POST /v1/webhooks/[id]/deliveries/[deliveryId]/redeliver": "settings",
  "GET /v1/audit-logs": "settings",
  "GET /v1/audit-logs/export": "settings",
  "GET /v1/scorers": "read",
  "POST /v1/scorers": "write",
  "GET /v1/scorers/[id]": "read",
  "PUT /v1/scorers/[id]": "write",
  "DELETE /v1/scorers/[id]": "write",
  "POST /v1/scorers/test": "read",
  "GET /v1/scorers/templates": "read",
  "POST /v1/scorers/templates": "write",
  "GET /v1/logs": "read",
  "GET /v1/logs/[id]": "read",
  // External calls' rows are seen by every reader and priced into reports: not a run-only key's.
  "POST /v1/logs": "write",
  // Log exports reveal what reading logs does: viewers may export, run-only keys may not.
  "GET /v1/logs/exports": "read",
  "POST /v1/logs/exports": "read",
  "GET /v1/logs/exports/[exportId]": "read",
  "PUT /v1/logs/exports/[exportId]": "read",
  "POST /v1/logs/exports/[exportId]/start": "read",
  "POST /v1/logs/exports/[exportId]/cancel": "read",
  "GET /v1/logs/exports/[exportId]/download": "read",
  // A signed link (from .../download) is its own credential, as Portkey's signed URLs are.
  "GET /v1/logs/exports/[exportId]/file": "public",
  // The code that made a call sends its users' feedback on it, with the key it runs with.
  "POST /v1/feedback": "run",
  "PUT /v1/feedback/[id]": "run",
  "GET /v1/settings/logs": "read",
  "PUT /v1/settings/logs": "settings",
  // Analytics read like logs: viewers yes, run-only keys no.
  "GET /v1/analytics/graphs/[...metric]": "read",
  "GET /v1/analytics/groups/[...group]": "read",
  "GET /v1/analytics/summary": "read",
  "GET /v1/analytics/summary/[kind]": "read",
  "GET /v1/experiments": "read",
  "POST /v1/experiments": "write",
  "GET /v1/experiments/[id]": "read",
  "GET /v1/experiments/[id]/results": "read",
  "POST /v1/experiments/[id]/cancel": "write",
  "GET /v1/experiments/[id]/compare": "read",
  // A bundle is everything a reader sees; importing one writes prompts, partials, folders, labels.
  "GET /v1/bundles/export": "read",
  "POST /v1/bundles/import": "write",
  "GET /v1/datasets": "read",
  "POST /v1/datasets": "write",
  "GET /v1/datasets/[id]": "read",
  "PUT /v1/datasets/[id]": "write",
  "DELETE /v1/datasets/[id]": "write",
  "GET /v1/datasets/[id]/items": "read",
  "POST /v1/datasets/[id]/items": "write",
  "PUT /v1/datasets/[id]/items/[itemId]": "write",
  "DELETE /v1/datasets/[id]/items/[itemId]": "write",
  "GET /v1/datasets/[id]/versions": "read",
  "GET /v1/datasets/[id]/export": "read",
  // Listing keys shows masks only; the playground picks a key from this list.
  "GET /v1/virtual-keys": "read",
  "POST /v1/virtual-keys": "settings",
  "GET /v1/virtual-keys/[slug]": "read",
  "PUT /v1/virtual-keys/[slug]": "settings",
  "DELETE /v1/virtual-keys/[slug]": "settings",
  "GET /v1/model-prices": "read",
  "PUT /v1/model-prices": "settings",
  "DELETE /v1/model-prices": "settings",
  "POST /v1/model-prices/recompute": "settings",
  "GET /v1/api-keys": "settings",
  "POST /v1/api-keys": "settings",
  "DELETE /v1/api-keys/[id]": "settings",
  "GET /v1/members": "members",
  "PUT /v1/members/[id]": "members",
  "DELETE /v1/members/[id]": "members",
  "GET /v1/invites": "members",
  "POST /v1/invites": "members",
  "DELETE /v1/invites/[id]": "members",
};

type Handler = (request: Request, segment: { params: Promise<Record<string, unknown>> }) => Promise<Response>;
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const modules = import.meta.glob<Record<string, unknown>>("/app/v1/**/route.ts", { eager: true });
const handlers = Object.entries(modules).flatMap(([file, module]) => {
  const route = file.replace(/^\/app/, "").replace(/\/route\.ts$/, "");
  return METHODS.filter((method) => typeof module[method] === "function").map((method) => ({ name: `${method} ${route}`, method, handler: module[method] as Handler }));
});

const session = (role: Role): Caller => ({ kind: "session", userId: `u-${role}`, email: `${role}@x.test`, role });
const CALLERS: Record<string, Caller> = {
  owner: session("owner"),
  editor: session("editor"),
  viewer: session("viewer"),
  "admin key": { kind: "api_key", apiKeyId: "k1", scope: "admin", userId: null, rateLimitPerMinute: null },
  "editor key": { kind: "api_key", apiKeyId: "k3", scope: "editor", userId: null, rateLimitPerMinute: null },
  "completions key": { kind: "api_key", apiKeyId: "k2", scope: "completions", userId: null, rateLimitPerMinute: null },
};

async function call(method: string, handler: Handler) {
  const body = method === "GET" || method === "DELETE" ? undefined : "{}";
  const request = new Request("http://127.0.0.1/v1/x", { method, body, headers: { "content-type": "application/json" } });
  const params = { id: "no-such-id", slug: "no-such-slug", versionId: "no-such-version", path: ["nope"], metric: ["requests"], group: ["ai-models"], kind: "cache", exportId: "no-such-export" };
  return (await handler(request, { params: Promise.resolve(params) })).status;
}

beforeEach(() => {
  current.caller = null;
});

describe("every /v1 route declares its access", () => {
  it("and the table lists exactly the routes that exist", () => {
    expect(handlers.map((h) => h.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const { name, method, handler } of handlers) {
    const needs = EXPECTED[name];
    if (!needs || needs === "public") continue;
    it(`${name} needs "${needs}"`, async () => {
      expect(await call(method, handler), "no caller").toBe(401);
      for (const [who, caller] of Object.entries(CALLERS)) {
        current.caller = caller;
        const status = await call(method, handler);
        if (can(caller, needs)) expect([401, 403], `${who} should pass (got ${status})`).not.toContain(status);
        else expect(status, `${who} should be refused`).toBe(403);
      }
    });
  }
});
