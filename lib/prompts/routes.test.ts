import { beforeAll, describe, expect, it } from "vitest";
import * as promptsRoute from "@/app/v1/prompts/route";
import * as promptRoute from "@/app/v1/prompts/[id]/route";
import * as versionRoute from "@/app/v1/prompts/[id]/versions/[versionId]/route";
import * as makeDefaultRoute from "@/app/v1/prompts/[id]/makeDefault/route";
import * as labelsRoute from "@/app/v1/labels/route";
import { createApiKey } from "@/lib/auth/api-keys";
import type { ApiRequest } from "@/lib/core/http/api-request";

let key = "";
let completionsKey = "";

beforeAll(async () => {
  key = (await createApiKey({ name: "routes-test" })).key;
  completionsKey = (await createApiKey({ name: "routes-test-completions", scope: "completions" })).key;
});

type Segment = { params: Promise<Record<string, string>> };
type Handler = (request: ApiRequest, segment: Segment) => Promise<Response>;

async function call(handler: Handler, method: string, path: string, options: { body?: string; params?: Record<string, string>; apiKey?: string | null } = {}) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  const apiKey = options.apiKey === undefined ? key : options.apiKey;
  if (apiKey) headers["x-portkey-api-key"] = apiKey;
  const response = await handler(new Request(`http://x/v1${path}`, { method, body: options.body, headers }), {
    params: Promise.resolve(options.params ?? {}),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const expectEnvelope = (body: Record<string, unknown>, message: RegExp) => {
  expect(body).toMatchObject({ status: "failure", message: expect.stringMatching(message), error: { message: expect.stringMatching(message), type: expect.any(String) } });
};

describe("prompt routes", () => {
  it("creates, reads by %40-suffixed slug and publishes through the routes", async () => {
    const created = await call(promptsRoute.POST as Handler, "POST", "/prompts", {
      body: JSON.stringify({ name: "Route prompt", string: "[{\"role\":\"user\",\"content\":\"hi\"}]", parameters: {}, workspace_id: "ignored" }),
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ object: "prompt", slug: expect.stringMatching(/^pp-route-prompt-/) });
    expect(created.headers.get("x-portkey-trace-id")).toBeTruthy();
    const { slug } = created.body;
    const put = await call(promptRoute.PUT as Handler, "PUT", `/prompts/${slug}`, { params: { id: slug }, body: JSON.stringify({ patch: true, model: "m2" }) });
    expect(put.status).toBe(200);
    const got = await call(promptRoute.GET as Handler, "GET", `/prompts/${slug}%402`, { params: { id: `${slug}%402` } });
    expect(got.body).toMatchObject({ prompt_version: 2, model: "m2" });
    const published = await call(makeDefaultRoute.PUT as Handler, "PUT", `/prompts/${slug}/makeDefault`, { params: { id: slug }, body: JSON.stringify({ version: 2 }) });
    expect(published).toMatchObject({ status: 200, body: {} });
    const list = await call(promptsRoute.GET as Handler, "GET", "/prompts?search=route%20prompt&current_page=0&page_size=5");
    expect(list.body).toMatchObject({ total: 1, data: [{ slug, prompt_version: 2 }] });
  });

  it("answers bad JSON, wrong types and unknown references with 4xx envelopes, never 5xx", async () => {
    const badJson = await call(promptsRoute.POST as Handler, "POST", "/prompts", { body: "{not json" });
    expect(badJson.status).toBe(400);
    expectEnvelope(badJson.body, /not valid JSON/);
    const wrongType = await call(promptsRoute.POST as Handler, "POST", "/prompts", { body: JSON.stringify({ name: "x", string: 42 }) });
    expect(wrongType.status).toBe(400);
    expectEnvelope(wrongType.body, /string/);
    const badChat = await call(promptsRoute.POST as Handler, "POST", "/prompts", {
      body: JSON.stringify({ name: "x", string: "[{\"role\":\"user\"}]", template_metadata: { template_type: "chat" } }),
    });
    expect(badChat.status).toBe(400);
    const badQuery = await call(promptsRoute.GET as Handler, "GET", "/prompts?page_size=abc");
    expect(badQuery.status).toBe(400);
    const unknown = await call(promptRoute.GET as Handler, "GET", "/prompts/pp-nope-000000", { params: { id: "pp-nope-000000" } });
    expect(unknown.status).toBe(404);
    expectEnvelope(unknown.body, /Prompt 'pp-nope-000000' not found/);
    const deleted = await call(promptRoute.DELETE as Handler, "DELETE", "/prompts/pp-nope-000000", { params: { id: "pp-nope-000000" } });
    expect(deleted.status).toBe(404);
  });

  it("refuses any version edit other than label_id", async () => {
    const created = await call(promptsRoute.POST as Handler, "POST", "/prompts", { body: JSON.stringify({ name: "immutable", string: "x" }) });
    const { id, version_id } = created.body;
    const edit = await call(versionRoute.PUT as Handler, "PUT", `/prompts/${id}/versions/${version_id}`, {
      params: { id, versionId: version_id },
      body: JSON.stringify({ string: "changed" }),
    });
    expect(edit.status).toBe(400);
    expectEnvelope(edit.body, /versions are immutable/);
    const labelled = await call(versionRoute.PUT as Handler, "PUT", `/prompts/${id}/versions/${version_id}`, {
      params: { id, versionId: version_id },
      body: JSON.stringify({ label_id: "staging" }),
    });
    expect(labelled).toMatchObject({ status: 200, body: {} });
    const got = await call(versionRoute.GET as Handler, "GET", `/prompts/${id}/versions/${version_id}`, { params: { id, versionId: version_id } });
    expect(got.body).toMatchObject({ prompt_version_labels: [{ name: "staging" }] });
  });

  it("needs an admin API key", async () => {
    const none = await call(labelsRoute.GET as Handler, "GET", "/labels", { apiKey: null });
    expect(none.status).toBe(401);
    expectEnvelope(none.body, /API key/);
    const wrong = await call(labelsRoute.GET as Handler, "GET", "/labels", { apiKey: "pk-wrong" });
    expect(wrong.status).toBe(401);
    const scoped = await call(labelsRoute.GET as Handler, "GET", "/labels", { apiKey: completionsKey });
    expect(scoped.status).toBe(403);
  });
});
