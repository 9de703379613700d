import path from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { acceptInvite, invite, signUp } from "../support/accounts";
import { E2E } from "../support/env";
import { ownPostgresSchema, startOwnServer, type OwnServer } from "../support/own-server";

/**
 * Protected labels and release requests, with real members: on a server of this file's own
 * (new install: production is protected), an owner, three editors (one a publisher) and the
 * admin key. Both databases: on PostgreSQL the server gets a schema of its own.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let server: OwnServer;
let owner: APIRequestContext;
let author: APIRequestContext;
let reviewer: APIRequestContext;
let publisher: APIRequestContext;
let promptId: string;
const admin = { "x-portkey-api-key": E2E.apiKey };

async function json(response: APIResponse): Promise<Json> {
  return (await response.json()) as Json;
}

async function expectStatus(response: APIResponse, status: number, code?: string): Promise<Json> {
  const body = await json(response);
  expect(response.status(), JSON.stringify(body)).toBe(status);
  if (code) expect(body.error?.code, JSON.stringify(body)).toBe(code);
  return body;
}

const template = (text: string) => JSON.stringify([{ role: "user", content: text }]);

test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startOwnServer(E2E.port + 35, path.join(E2E.dataDir, `releases-own-${Date.now()}`), await ownPostgresSchema(`releases_${process.pid}`));
  const created = await signUp(server.baseUrl, { name: "Rel Owner", email: "owner@releases.test", password: "owner-password-123" });
  expect(created.status).toBe(200);
  owner = created.context;
  author = await acceptInvite(server.baseUrl, (await invite(owner, { role: "editor", email: "author@releases.test" })).token, "author@releases.test");
  reviewer = await acceptInvite(server.baseUrl, (await invite(owner, { role: "editor", email: "reviewer@releases.test" })).token, "reviewer@releases.test");
  publisher = await acceptInvite(server.baseUrl, (await invite(owner, { role: "editor", email: "publisher@releases.test" })).token, "publisher@releases.test");
  const members = (await json(await owner.get("/v1/members"))).data as Json[];
  const publisherId = members.find((m) => m.email === "publisher@releases.test")!.id;
  expect((await expectStatus(await owner.put(`/v1/members/${publisherId}`, { data: { publisher: true } }), 200)).publisher).toBe(true);

  const prompt = await expectStatus(await owner.post("/v1/prompts", { data: { name: "Release me", string: template("v1 {{x}}"), parameters: { model: "gpt-4o-mini" } } }), 200);
  promptId = prompt.id;
  for (const text of ["v2 {{x}}", "v3 {{x}}"]) await expectStatus(await owner.put(`/v1/prompts/${promptId}`, { data: { string: template(text), parameters: { model: text.startsWith("v3") ? "gpt-4o" : "gpt-4o-mini" } } }), 200);
});

test.afterAll(async () => {
  for (const context of [owner, author, reviewer, publisher]) await context?.dispose();
  await server?.stop("SIGTERM");
});

const moveTo = (who: APIRequestContext, version: number, label = "production") => who.put(`/v1/prompts/${promptId}/versions/${version}`, { data: { label_id: label } });
const serving = async (label = "production") => (await json(await owner.get(`/v1/prompts/${promptId}/labels/${label}/history`))).current_version;

test("production is protected on a new install: an editor is refused, a publisher and the owner move it, every move is recorded", async () => {
  const label = await json(await owner.get("/v1/labels/production"));
  expect(label).toMatchObject({ protected: true, required_approvals: 0 });
  expect((await json(await owner.get("/v1/labels/staging"))).protected).toBe(false);

  const refused = await expectStatus(await moveTo(author, 1), 403, "label_protected");
  expect(refused.message).toMatch(/protected.*release request/);
  await expectStatus(await moveTo(author, 1, "staging"), 200);
  await expectStatus(await moveTo(publisher, 1), 200);
  await expectStatus(await moveTo(owner, 2), 200);
  await expectStatus(await moveTo(owner, 2), 200);

  const history = await json(await owner.get(`/v1/prompts/${promptId}/labels/production/history`));
  expect(history.current_version).toBe(2);
  // Newest first; moving to where it already is records nothing.
  expect(history.data.map((m: Json) => [m.from_version, m.to_version, m.actor, m.via])).toEqual([
    [1, 2, "owner@releases.test", "direct"],
    [null, 1, "publisher@releases.test", "direct"],
  ]);
});

test("only the owner protects a label; a protected label is neither renamed nor deleted", async () => {
  await expectStatus(await author.post("/v1/labels", { data: { name: "prod-eu" } }), 200);
  await expectStatus(await author.put("/v1/labels/prod-eu/protection", { data: { protected: true } }), 403);
  await expectStatus(await owner.put("/v1/labels/prod-eu/protection", { data: {} }), 400);
  expect(await expectStatus(await owner.put("/v1/labels/prod-eu/protection", { data: { protected: true, required_approvals: 1 } }), 200)).toMatchObject({ protected: true, required_approvals: 1 });
  await expectStatus(await author.put("/v1/labels/prod-eu", { data: { name: "prod-eu-2" } }), 409, "label_protected");
  await expectStatus(await author.delete("/v1/labels/prod-eu"), 409, "label_protected");
  await expectStatus(await moveTo(author, 1, "prod-eu"), 403, "label_protected");
});

test("a release request needs two approvals, never its author's; merging moves the label once", async () => {
  await expectStatus(await owner.put("/v1/labels/production/protection", { data: { required_approvals: 2 } }), 200);
  const opened = await expectStatus(await author.post("/v1/release-requests", { data: { prompt_id: promptId, version: 3, label: "production", comment: "Bigger model" } }), 200);
  expect(opened).toMatchObject({ status: "open", version: 3, base_version: 2, author: "author@releases.test", required_approvals: 2, approvals: 0, mergeable: false });

  const detail = await json(await reviewer.get(`/v1/release-requests/${opened.id}`));
  expect(detail.diff.template).toContain('-    "content": "v2 {{x}}"');
  expect(detail.diff.template).toContain('+    "content": "v3 {{x}}"');
  expect(detail.diff.changes).toEqual([{ field: "model", from: "gpt-4o-mini", to: "gpt-4o" }]);

  await expectStatus(await author.post(`/v1/release-requests/${opened.id}/reviews`, { data: { decision: "approve" } }), 403);
  await expectStatus(await author.post(`/v1/release-requests/${opened.id}/merge`), 409, "approvals_missing");
  // A key acts for code, not a person: it can't approve.
  const keyReview = await fetch(`${server.baseUrl}/v1/release-requests/${opened.id}/reviews`, { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ decision: "approve" }) });
  expect(keyReview.status).toBe(403);

  expect(await expectStatus(await reviewer.post(`/v1/release-requests/${opened.id}/reviews`, { data: { decision: "approve", comment: "LGTM" } }), 200)).toMatchObject({ approvals: 1, mergeable: false });
  // Approving twice is one approval.
  expect(await expectStatus(await reviewer.post(`/v1/release-requests/${opened.id}/reviews`, { data: { decision: "approve" } }), 200)).toMatchObject({ approvals: 1 });
  await expectStatus(await author.post(`/v1/release-requests/${opened.id}/merge`), 409, "approvals_missing");
  expect(await serving()).toBe(2);

  expect(await expectStatus(await publisher.post(`/v1/release-requests/${opened.id}/reviews`, { data: { decision: "approve" } }), 200)).toMatchObject({ approvals: 2, mergeable: true });
  // Two merges at once: exactly one wins.
  const [first, second] = await Promise.all([author.post(`/v1/release-requests/${opened.id}/merge`), reviewer.post(`/v1/release-requests/${opened.id}/merge`)]);
  expect([first.status(), second.status()].sort()).toEqual([200, 409]);
  const merged = await json(await owner.get(`/v1/release-requests/${opened.id}`));
  expect(merged).toMatchObject({ status: "merged", merged_by: expect.stringMatching(/@releases\.test$/) });
  expect(await serving()).toBe(3);
  const rendered = await fetch(`${server.baseUrl}/v1/prompts/${promptId}@production/render`, { method: "POST", headers: { ...admin, "content-type": "application/json" }, body: JSON.stringify({ variables: { x: "!" } }) });
  expect(((await rendered.json()) as Json).data.messages[0].content).toBe("v3 !");

  const history = await json(await owner.get(`/v1/prompts/${promptId}/labels/production/history`));
  expect(history.data[0]).toMatchObject({ from_version: 2, to_version: 3, via: "release", release_request_id: opened.id });
  const listed = await json(await reviewer.get(`/v1/release-requests?prompt_id=${promptId}&status=merged`));
  expect(listed.data.map((r: Json) => r.id)).toEqual([opened.id]);
});

test("a rejection ends a request; a request the label moved past can't merge; the author closes their own", async () => {
  const rejected = await expectStatus(await author.post("/v1/release-requests", { data: { prompt_id: promptId, version: 1, label: "production" } }), 200);
  expect(await expectStatus(await reviewer.post(`/v1/release-requests/${rejected.id}/reviews`, { data: { decision: "reject", comment: "No" } }), 200)).toMatchObject({ status: "rejected" });
  await expectStatus(await author.post(`/v1/release-requests/${rejected.id}/merge`), 409, "not_open");

  await expectStatus(await author.post("/v1/release-requests", { data: { prompt_id: promptId, version: 3, label: "production" } }), 409, "already_released");
  const stale = await expectStatus(await author.post("/v1/release-requests", { data: { prompt_id: promptId, version: 2, label: "production" } }), 200);
  await expectStatus(await reviewer.post(`/v1/release-requests/${stale.id}/reviews`, { data: { decision: "approve" } }), 200);
  await expectStatus(await publisher.post(`/v1/release-requests/${stale.id}/reviews`, { data: { decision: "approve" } }), 200);
  await expectStatus(await moveTo(publisher, 1), 200);
  await expectStatus(await author.post(`/v1/release-requests/${stale.id}/merge`), 409, "stale_request");
  expect(await serving()).toBe(1);
  expect((await json(await owner.get(`/v1/release-requests/${stale.id}`))).status).toBe("open");

  await expectStatus(await reviewer.post(`/v1/release-requests/${stale.id}/close`), 403);
  expect(await expectStatus(await author.post(`/v1/release-requests/${stale.id}/close`), 200)).toMatchObject({ status: "closed" });
  await expectStatus(await author.post("/v1/release-requests", { data: { prompt_id: promptId, version: 99, label: "production" } }), 400);
  await expectStatus(await author.post("/v1/release-requests", { data: { prompt_id: promptId, version: 2, label: "nope" } }), 400);
  await expectStatus(await author.get("/v1/release-requests/nope"), 404);
});

test("rollback returns to the version served before the last move, and only a publisher rolls back a protected label", async () => {
  expect(await serving()).toBe(1);
  await expectStatus(await author.post(`/v1/prompts/${promptId}/labels/production/rollback`), 403, "label_protected");
  expect(await expectStatus(await owner.post(`/v1/prompts/${promptId}/labels/production/rollback`), 200)).toEqual({ label: "production", version: 3 });
  expect(await serving()).toBe(3);
  const history = await json(await owner.get(`/v1/prompts/${promptId}/labels/production/history`));
  expect(history.data[0]).toMatchObject({ from_version: 1, to_version: 3, via: "rollback", actor: "owner@releases.test" });
  // On a label that never moved there is nothing to go back to.
  await expectStatus(await owner.post(`/v1/prompts/${promptId}/labels/development/rollback`), 409, "nothing_to_roll_back");
});
