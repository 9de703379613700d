import { describe, expect, it } from "vitest";
import * as keysRoute from "@/app/v1/api-keys/route";
import * as keyRoute from "@/app/v1/api-keys/[id]/route";
import { db } from "@/lib/core/db";
import type { ApiRequest } from "@/lib/core/http/api-request";
import { createApiKey, findActiveApiKey } from "./api-keys";

type Handler = (request: ApiRequest, segment: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call(handler: Handler, method: string, apiKey: string, options: { body?: unknown; id?: string } = {}) {
  const request = new Request(`http://x/v1/api-keys${options.id ? `/${options.id}` : ""}`, {
    method,
    headers: { "x-portkey-api-key": apiKey, "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const response = await handler(request, { params: Promise.resolve<Record<string, string>>(options.id ? { id: options.id } : {}) });
  return { status: response.status, text: await response.clone().text(), body: await response.json() };
}

describe("/v1/api-keys", () => {
  it("creates a key, shows it once, and never lists the key or its hash", async () => {
    const admin = (await createApiKey({ name: "admin-for-routes" })).key;
    const created = await call(keysRoute.POST as Handler, "POST", admin, { body: { name: "CI pipeline", scope: "completions" } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ id: expect.any(String), name: "CI pipeline", scope: "completions", key: expect.stringMatching(/^pk-promptly-/) });
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    expect((await findActiveApiKey(created.body.key))?.scope).toBe("completions");
    // Created with an API key: no user to credit.
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: created.body.id } })).userId).toBeNull();

    const list = await call(keysRoute.GET as Handler, "GET", admin);
    expect(list.status).toBe(200);
    const row = list.body.data.find((key: { id: string }) => key.id === created.body.id);
    expect(row).toEqual({
      id: created.body.id,
      name: "CI pipeline",
      prefix: created.body.prefix,
      scope: "completions",
      created_at: expect.any(String),
      // Used once above (findActiveApiKey), so last-used is set.
      last_used_at: expect.any(String),
      revoked_at: null,
      rate_limit_per_minute: null,
      allow_drafts: false,
      virtual_keys: [],
    });
    expect(list.body.total).toBe(list.body.data.length);
    const { hash } = await db.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(list.text).not.toContain(created.body.key);
    expect(list.text).not.toContain(hash);
    expect(list.text).not.toContain(admin);
  });

  it("validates the body", async () => {
    const admin = (await createApiKey({ name: "admin-validate" })).key;
    const noName = await call(keysRoute.POST as Handler, "POST", admin, { body: { name: " ", scope: "admin" } });
    expect(noName.status).toBe(400);
    expect(noName.body.message).toMatch(/name/);
    const badScope = await call(keysRoute.POST as Handler, "POST", admin, { body: { name: "x", scope: "root" } });
    expect(badScope.status).toBe(400);
    expect(badScope.body.message).toMatch(/admin, editor, completions/);
  });

  it("revokes: the key stops working at once and stays listed as revoked; unknown ids are 404", async () => {
    const admin = (await createApiKey({ name: "admin-revoke" })).key;
    const created = await call(keysRoute.POST as Handler, "POST", admin, { body: { name: "temp", scope: "admin" } });
    expect(await findActiveApiKey(created.body.key)).not.toBeNull();
    const revoked = await call(keyRoute.DELETE as Handler, "DELETE", admin, { id: created.body.id });
    expect(revoked).toMatchObject({ status: 200, body: {} });
    expect(await findActiveApiKey(created.body.key)).toBeNull();
    const usingIt = await call(keysRoute.GET as Handler, "GET", created.body.key);
    expect(usingIt.status).toBe(401);
    const list = await call(keysRoute.GET as Handler, "GET", admin);
    expect(list.body.data.find((key: { id: string }) => key.id === created.body.id).revoked_at).toEqual(expect.any(String));
    expect((await call(keyRoute.DELETE as Handler, "DELETE", admin, { id: created.body.id })).status).toBe(200);
    const unknown = await call(keyRoute.DELETE as Handler, "DELETE", admin, { id: "no-such-key" });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toMatch(/not found/);
  });

  it("is admin only: a completions key gets 403, no key 401", async () => {
    const completions = (await createApiKey({ name: "runner", scope: "completions" })).key;
    expect((await call(keysRoute.GET as Handler, "GET", completions)).status).toBe(403);
    expect((await call(keysRoute.POST as Handler, "POST", completions, { body: { name: "x", scope: "admin" } })).status).toBe(403);
    expect((await call(keysRoute.GET as Handler, "GET", "pk-promptly-not-a-key")).status).toBe(401);
  });
});
