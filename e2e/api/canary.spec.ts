import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { mock } from "../support/mock";

/**
 * Canary splits and evaluation gates through the API, on whichever database the suite runs
 * on. The mock echoes the rendered prompt ("Mock answer to: B ..."), so each answer says which
 * version served it.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const chat = (content: string) => JSON.stringify([{ role: "user", content }]);
const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };

async function call(method: string, route: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${E2E.baseUrl}/v1${route}`, { method, headers: { ...admin, ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : {} };
}

async function ok(answer: Promise<{ status: number; json: Json }>): Promise<Json> {
  const { status, json } = await answer;
  expect(status, JSON.stringify(json)).toBe(200);
  return json;
}

/** A prompt on the mock whose versions answer with their own first word. */
async function promptWithVersions(marker: string, texts: string[]): Promise<string> {
  const key = await ok(call("POST", "/virtual-keys", { name: `mock ${marker}`, provider: "openai", key: "sk-mock-secret-for-tests", custom_host: `${E2E.mockUrl}/v1` }));
  const created = await ok(call("POST", "/prompts", { name: `Canary ${marker}`, string: chat(texts[0]), parameters: { model: "gpt-4o-mini" }, virtual_key: key.slug }));
  for (const text of texts.slice(1)) await ok(call("PUT", `/prompts/${created.id}`, { string: chat(text), parameters: { model: "gpt-4o-mini" }, virtual_key: key.slug }));
  return created.id as string;
}

/** Which version answered: the first word of the echoed prompt. */
async function arm(ref: string, headers: Record<string, string>): Promise<string> {
  const { status, json } = await call("POST", `/prompts/${ref}/completions`, { variables: { x: "hi" } }, headers);
  expect(status, JSON.stringify(json)).toBe(200);
  return String(json.choices[0].message.content).replace("Mock answer to: ", "").split(" ")[0];
}

test("split 90/10 over 10,000 calls within ±2 % with stickiness per key; promote serves the candidate to all", async () => {
  test.setTimeout(600_000);
  await mock.reset();
  const id = await promptWithVersions(stamp(), ["A {{x}}", "B {{x}}"]);
  await ok(call("PUT", `/prompts/${id}/versions/1`, { label_id: "production" }));
  const split = await ok(call("PUT", `/prompts/${id}/labels/production/split`, { candidate_version: 2, weight: 10 }));
  expect(split).toMatchObject({ label: "production", version: 1, split: { candidate_version: 2, weight: 10 } });
  // The split shows in the version listing and the label's history.
  const versions = (await ok(call("GET", `/prompts/${id}/versions`))) as unknown as Json[];
  expect(versions.find((v) => v.prompt_version === 1)!.labels[0]).toMatchObject({ name: "production", split: { weight: 10 } });

  // 10,000 callers, each its own split key, 32 at a time through the fast path.
  const counts: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < 10_000) {
        const answer = await arm(`${id}@production`, { "x-promptly-split-key": `caller-${next++}` });
        counts[answer] = (counts[answer] ?? 0) + 1;
      }
    }),
  );
  expect(counts.A + counts.B).toBe(10_000);
  expect(counts.B / 10_000).toBeGreaterThan(0.08);
  expect(counts.B / 10_000).toBeLessThan(0.12);

  // Sticky: the same key, or the same Portkey `_user` (what the SDK sends), always gets one
  // version. At 50/50, so that both arms are surely among a few dozen random callers (at 10 %,
  // thirty of them all landed on the baseline about once in 25 runs); raising the weight only
  // moves callers from the baseline to the candidate.
  await ok(call("PUT", `/prompts/${id}/labels/production/split`, { candidate_version: 2, weight: 50 }));
  const seen = new Set<string>();
  for (let k = 0; k < 40; k++) {
    const first = await arm(`${id}@production`, { "x-promptly-split-key": `sticky-${k}` });
    seen.add(first);
    for (let i = 0; i < 10; i++) expect(await arm(`${id}@production`, { "x-promptly-split-key": `sticky-${k}` })).toBe(first);
  }
  expect([...seen].sort()).toEqual(["A", "B"]);
  const users = Array.from({ length: 30 }, (_, k) => `user-${stamp()}-${k}`);
  for (const user of users) {
    for (let i = 0; i < 5; i++) await arm(`${id}@production`, { "x-portkey-metadata": JSON.stringify({ _user: user }) });
  }
  // The logs record which version served each call: one per user.
  const versionsSeen = new Set<number>();
  for (const user of users) {
    let logs: Json[] = [];
    for (let attempt = 0; attempt < 100 && logs.length < 5; attempt++) {
      logs = (await ok(call("GET", `/logs?prompt=${id}&metadata._user=${user}&limit=10`))).data as Json[];
      if (logs.length < 5) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const served = new Set(logs.map((log) => log.prompt_version));
    expect(served.size, user).toBe(1);
    versionsSeen.add([...served][0]);
  }
  expect([...versionsSeen].sort()).toEqual([1, 2]);

  const promoted = await ok(call("POST", `/prompts/${id}/labels/production/split/promote`));
  expect(promoted).toMatchObject({ version: 2, split: null });
  for (let i = 0; i < 50; i++) expect(await arm(`${id}@production`, { "x-promptly-split-key": `caller-${i}` })).toBe("B");
  const history = await ok(call("GET", `/prompts/${id}/labels/production/history`));
  expect(history.data.slice(0, 3).map((m: Json) => [m.via, m.from_version, m.to_version, m.weight])).toEqual([
    ["promote", 1, 2, null],
    ["split", 1, 2, 50],
    ["split", 1, 2, 10],
  ]);
});

test("abort returns a split label to its baseline for every caller", async () => {
  const id = await promptWithVersions(stamp(), ["A {{x}}", "B {{x}}"]);
  await ok(call("PUT", `/prompts/${id}/versions/1`, { label_id: "staging" }));
  await ok(call("PUT", `/prompts/${id}/labels/staging/split`, { candidate_version: 2, weight: 50 }));
  expect(await ok(call("POST", `/prompts/${id}/labels/staging/split/abort`))).toMatchObject({ version: 1, split: null });
  for (let i = 0; i < 30; i++) expect(await arm(`${id}@staging`, { "x-promptly-split-key": `k-${i}` })).toBe("A");
  const refused = await call("POST", `/prompts/${id}/labels/staging/split/abort`);
  expect([refused.status, refused.json.error.code]).toEqual([409, "no_split"]);
});

test("the evaluation gate blocks a bad candidate; a good one merges; an admin overrides with a reason", async () => {
  test.setTimeout(180_000);
  await mock.reset();
  const marker = stamp();
  const id = await promptWithVersions(marker, ["Say {{q}}", "Wrong {{q}}", "Say {{q}} "]);
  const label = `gated-${marker}`;
  await ok(call("POST", "/labels", { name: label }));
  await ok(call("PUT", `/prompts/${id}/versions/1`, { label_id: label }));
  const dataset = await ok(call("POST", "/datasets", { name: `Gate ${marker}`, items: ["a", "b", "c"].map((q) => ({ variables: { q }, expected: `Mock answer to: Say ${q}` })) }));
  const gate = { dataset_id: dataset.id, scorers: [{ name: "exact", definition: { type: "exact_match" } }], min_pass_rate: 1 };
  expect((await ok(call("PUT", `/prompts/${id}/labels/${label}/gate`, gate))).gate).toMatchObject({ min_pass_rate: 1 });
  expect((await ok(call("GET", `/prompts/${id}/labels/${label}/gate`))).gate).toMatchObject({ dataset_id: dataset.id });

  const settled = async (requestId: string): Promise<Json> => {
    for (;;) {
      const request = await ok(call("GET", `/release-requests/${requestId}`));
      if (!["pending", "running"].includes(request.gate.status)) return request;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  const bad = await ok(call("POST", "/release-requests", { prompt_id: id, version: 2, label }));
  expect(bad.gate).toMatchObject({ status: expect.stringMatching(/^(pending|running)$/), experiment_id: expect.any(String) });
  const early = await call("POST", `/release-requests/${bad.id}/merge`);
  expect([early.status, early.json.error?.code]).toEqual([409, "gate_not_passed"]);
  const failed = await settled(bad.id);
  expect(failed.gate).toMatchObject({ status: "failed", pass_rate: 0, min_pass_rate: 1, finished: 3, total: 3 });
  expect(failed.mergeable).toBe(false);
  const refused = await call("POST", `/release-requests/${bad.id}/merge`, {});
  expect([refused.status, refused.json.error.code]).toEqual([409, "gate_not_passed"]);
  expect(refused.json.message).toMatch(/evaluation gate.*failed/);
  // The experiment is an ordinary one: its results say why.
  const experiment = await ok(call("GET", `/experiments/${failed.gate.experiment_id}`));
  expect(experiment.summary.targets[0]).toMatchObject({ pass_rate: 0, done: 3 });

  const good = await ok(call("POST", "/release-requests", { prompt_id: id, version: 3, label }));
  expect((await settled(good.id)).gate).toMatchObject({ status: "passed", pass_rate: 1 });
  // Its label has not moved yet; the bad request is still open and would be stale after this merge.
  expect(await ok(call("POST", `/release-requests/${good.id}/merge`))).toMatchObject({ status: "merged" });

  // An admin merges a failing candidate, saying why: recorded on the request and in the history.
  const again = await ok(call("POST", "/release-requests", { prompt_id: id, version: 2, label }));
  await settled(again.id);
  const overridden = await ok(call("POST", `/release-requests/${again.id}/merge`, { override_reason: "hotfix, checked by hand" }));
  expect(overridden).toMatchObject({ status: "merged", gate: { status: "failed", override_reason: "hotfix, checked by hand" } });
  const history = await ok(call("GET", `/prompts/${id}/labels/${label}/history`));
  expect(history.data[0]).toMatchObject({ via: "release", to_version: 2, reason: "hotfix, checked by hand" });
});
