import { expect, test, type APIRequestContext } from "@playwright/test";
import { E2E } from "../support/env";

// What a save and a publish refuse: broken Mustache (named by line and column), malformed
// tools and response formats, unknown partials; and drafts made with `publish: false`.
const headers = { "x-portkey-api-key": E2E.apiKey };
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const chat = (...messages: [string, string][]) => JSON.stringify(messages.map(([role, content]) => ({ role, content })));

async function call(request: APIRequestContext, method: "post" | "put" | "get", path: string, data?: unknown) {
  const response = await request[method](path, { headers, ...(data === undefined ? {} : { data }) });
  return { status: response.status(), body: (await response.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

function expectRefused(answer: { status: number; body: Record<string, unknown> }, code: string, message: RegExp) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(400);
  expect(answer.body).toMatchObject({ status: "failure", error: { type: "invalid_request_error", code } });
  expect(answer.body.message).toMatch(message);
  expect((answer.body.error as { message: string }).message).toBe(answer.body.message);
}

test("a broken Mustache template is refused on create and on update, naming line and column", async ({ request }) => {
  const name = `Broken ${stamp()}`;
  const created = await call(request, "post", "/v1/prompts", { name, string: "Hello\n{{#items}}\n- {{name}}\n", template_metadata: { template_type: "completion" } });
  expectRefused(created, "template_invalid", /^The template at line 2, column 1: Unclosed section "items"/);
  expect(created.body.error.param).toBe("string");
  const listed = await call(request, "get", `/v1/prompts?search=${encodeURIComponent(name)}`);
  expect(listed.body.total).toBe(0);

  const ok = await call(request, "post", "/v1/prompts", { name: `Fine ${stamp()}`, string: chat(["system", "Be brief."], ["user", "Ask {{topic}}"]) });
  expect(ok.status).toBe(200);
  const broken = await call(request, "put", `/v1/prompts/${ok.body.id}`, { string: chat(["system", "Be brief."], ["user", "Ask {{topic"]) });
  expectRefused(broken, "template_invalid", /^Message 2 \(user\) at line 1, column 5: Unclosed tag/);
  const stray = await call(request, "put", `/v1/prompts/${ok.body.id}`, { string: chat(["system", "Line one\n  {{/done}}"]) });
  expectRefused(stray, "template_invalid", /^Message 1 \(system\) at line 2, column 3: \{\{\/done\}\} closes a section that was never opened/);
  const versions = await call(request, "get", `/v1/prompts/${ok.body.id}/versions`);
  expect(versions.body).toHaveLength(1);
});

test("malformed tools, a response format without a schema and unknown partials are refused", async ({ request }) => {
  const base = { name: `Checked ${stamp()}`, string: "Answer {{q}}" };
  expectRefused(await call(request, "post", "/v1/prompts", { ...base, tools: [{ name: "flat" }] }), "tools_invalid", /^Tool 1: must look like/);
  expectRefused(
    await call(request, "post", "/v1/prompts", { ...base, tools: [{ type: "function", function: { name: "f", parameters: { type: "dict" } } }] }),
    "tools_invalid",
    /parameters "type" "dict" is not a JSON schema type/,
  );
  expectRefused(await call(request, "post", "/v1/prompts", { ...base, response_format: { type: "json_schema", json_schema: { name: "a" } } }), "response_format_invalid", /schema is missing/);
  expectRefused(await call(request, "post", "/v1/prompts", { ...base, string: "Hi {{>no-such-partial}}" }), "unknown_partial", /Partial "no-such-partial" does not exist/);

  const partial = await call(request, "post", "/v1/prompts/partials", { name: `Sign off ${stamp()}`, string: "Thanks" });
  expect(partial.status).toBe(200);
  const fine = await call(request, "post", "/v1/prompts", { ...base, string: `Hi {{>${partial.body.slug}}}`, tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } } }], response_format: { type: "json_object" } });
  expect(fine.status, JSON.stringify(fine.body)).toBe(200);
  expectRefused(await call(request, "put", `/v1/prompts/${fine.body.id}`, { string: `Hi {{>${partial.body.slug}@7}}` }), "unknown_partial", /has no version 7/);
});

test("publish: false makes v1 a draft; Portkey's default still publishes it", async ({ request }) => {
  const draft = await call(request, "post", "/v1/prompts", { name: `Draft ${stamp()}`, string: "x", publish: false });
  expect(draft.status).toBe(200);
  expect((await call(request, "get", `/v1/prompts/${draft.body.id}/versions`)).body[0]).toMatchObject({ prompt_version: 1, is_published: false });
  const published = await call(request, "post", "/v1/prompts", { name: `Published ${stamp()}`, string: "x" });
  expect((await call(request, "get", `/v1/prompts/${published.body.id}/versions`)).body[0]).toMatchObject({ prompt_version: 1, is_published: true });
});

test("a broken version (imported from before the checks) can't be published", async ({ request }) => {
  const tag = stamp();
  const bundle = {
    format: "promptly-bundle",
    format_version: 1,
    collections: [{ path: `validation-${tag}`, name: `Validation ${tag}` }],
    prompts: [
      {
        slug: `legacy-${tag}`,
        name: `Legacy ${tag}`,
        collection: `validation-${tag}`,
        published_version: 1,
        versions: [
          { version: 1, template_type: "completion", string: "Fine {{x}}" },
          { version: 2, template_type: "completion", string: "Broken {{#x}} never closed" },
        ],
      },
    ],
  };
  const imported = await call(request, "post", "/v1/bundles/import", bundle);
  expect(imported.status, JSON.stringify(imported.body)).toBe(200);
  const refused = await call(request, "put", `/v1/prompts/legacy-${tag}/makeDefault`, { version: 2 });
  expectRefused(refused, "template_invalid", /^v2 can't be published: The template at line 1, column 8: Unclosed section "x"/);
  expect((await call(request, "get", `/v1/prompts/legacy-${tag}`)).body).toMatchObject({ prompt_version: 1 });
});
