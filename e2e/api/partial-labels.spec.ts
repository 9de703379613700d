import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

// Labels on partials: PUT/DELETE /v1/prompts/partials/ID/labels/LABEL, and `{{>slug@label}}`
// in a prompt rendering the version the label points at.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = admin): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${E2E.baseUrl}/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Json) : {} };
}

test("a label on a partial moves, is included by {{>slug@label}}, and is removed", async () => {
  const virtualKey = await mockVirtualKey(portkeyClient());
  const partial = await call("POST", "/prompts/partials", { name: uniqueName("Tone"), string: "Be brief." });
  expect(partial.status).toBe(200);
  const slug = partial.json.slug as string;
  expect((await call("PUT", `/prompts/partials/${slug}`, { string: "Be thorough." })).status).toBe(200);

  const moved = await call("PUT", `/prompts/partials/${slug}/labels/staging`, { version: 1 });
  expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  const versions = await call("GET", `/prompts/partials/${slug}/versions`);
  expect((versions.json.data ?? versions.json).map((v: Json) => [v.version, v.labels])).toEqual([
    [2, []],
    [1, ["staging"]],
  ]);

  const prompt = await call("POST", "/prompts", {
    name: uniqueName("Uses tone"),
    string: `Hi {{name}}. {{>${slug}@staging}}`,
    model: "gpt-4o-mini",
    virtual_key: virtualKey,
    template_metadata: { template_type: "completion" },
  });
  expect(prompt.status, JSON.stringify(prompt.json)).toBe(200);
  const render = async () => call("POST", `/prompts/${prompt.json.id}/render`, { variables: { name: "Ada" } });
  expect((await render()).json).toMatchObject({ success: true, data: { prompt: "Hi Ada. Be brief." } });

  expect((await call("PUT", `/prompts/partials/${slug}/labels/staging`, { version: 2 })).status).toBe(200);
  expect((await render()).json).toMatchObject({ success: true, data: { prompt: "Hi Ada. Be thorough." } });
  expect((await call("GET", `/prompts/partials/${slug}`)).json).toMatchObject({ version: 1, version_labels: [{ version: 2, labels: ["staging"] }] });

  // A key that may only run prompts may not move labels.
  const runOnly = await call("POST", "/api-keys", { name: uniqueName("run only"), scope: "completions" });
  expect(runOnly.status).toBe(200);
  const refused = await call("PUT", `/prompts/partials/${slug}/labels/staging`, { version: 1 }, { "x-portkey-api-key": runOnly.json.key, "content-type": "application/json" });
  expect(refused.status).toBe(403);
  expect(refused.json.status).toBe("failure");

  expect((await call("PUT", `/prompts/partials/${slug}/labels/staging`, { version: 9 })).status).toBe(404);
  expect((await call("PUT", `/prompts/partials/${slug}/labels/staging`, { version: "x" })).status).toBe(400);

  expect((await call("DELETE", `/prompts/partials/${slug}/labels/staging`)).status).toBe(200);
  const broken = await render();
  expect(broken.status).not.toBe(200);
  expect((await call("DELETE", `/prompts/partials/${slug}/labels/staging`)).status).toBe(404);
});
