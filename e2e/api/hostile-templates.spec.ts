import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { E2E, fuzzScale } from "../support/env";
import { eachLimited, HostileRun, RSS_LIMIT_MB, watchMemory } from "../support/hostile-run";
import { templateCaseArb, type TemplateCase } from "../support/hostile-templates";
import { pidListeningOn } from "../support/server-process";

// 1,000 generated hostile templates, saved as prompt versions and partials through the admin
// API or sent as drafts, rendered through /render and /completions (the mock provider): the
// server answers every one below 500, stays up, and its memory stays under RSS_LIMIT_MB.
// Everything lives in a folder of its own and is deleted afterwards.

const CASES = Math.round(1_000 * fuzzScale());
const SEED = Number(process.env.FUZZ_SEED || 20261203);
const ADMIN = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };
type Json = Record<string, unknown>;

async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${E2E.baseUrl}${path}`, { method, headers: ADMIN, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
}

test(`${CASES.toLocaleString("en")} hostile templates: saved, rendered and run, never a 5xx, the server alive and its memory bounded`, async () => {
  test.setTimeout(240_000);
  const tag = Date.now().toString(36);
  const created = { prompts: [] as string[], partials: [] as string[] };
  const folder = await api("POST", "/v1/collections", { name: `hostile templates ${tag}` });
  expect(folder.status).toBe(200);
  const collectionId = String(folder.body.id);
  const vk = await api("POST", "/v1/virtual-keys", { name: `hostile ${tag}`, provider: "openai", key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status).toBe(200);
  const partial = async (name: string, string: string) => {
    const made = await api("POST", "/v1/prompts/partials", { name, string });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    created.partials.push(String(made.body.id));
    return { id: String(made.body.id), slug: String(made.body.slug) };
  };
  try {
    // Partials to include: a chain deeper than the renderer allows, a cycle, one that includes itself.
    const chain: { id: string; slug: string }[] = [];
    for (let i = 0; i < 14; i++) chain.push(await partial(`hostile chain ${tag} ${i}`, i === 0 ? "end {{a}}" : "…"));
    for (let i = 1; i < chain.length; i++) {
      const saved = await api("PUT", `/v1/prompts/partials/${chain[i].id}`, { string: `{{>${chain[i - 1].slug}}}{{#list}}{{>${chain[i - 1].slug}}}{{/list}}` });
      expect(saved.status, JSON.stringify(saved.body)).toBe(200);
      await api("PUT", `/v1/prompts/partials/${chain[i].id}/makeDefault`, { version: 2 });
    }
    const self = await partial(`hostile self ${tag}`, "x");
    await api("PUT", `/v1/prompts/partials/${self.id}`, { string: `{{>${self.slug}}}` });
    await api("PUT", `/v1/prompts/partials/${self.id}/makeDefault`, { version: 2 });
    const slugs = [...chain.map((p) => p.slug), self.slug];

    // One host prompt per worker: each saved template becomes its newest version.
    const WORKERS = 4;
    const hosts: string[] = [];
    for (let i = 0; i < WORKERS; i++) {
      const host = await api("POST", "/v1/prompts", { name: `hostile host ${tag} ${i}`, string: "{{a}}", model: "gpt-4o-mini", virtual_key: vk.body.slug, collection_id: collectionId, template_metadata: { template_type: "completion" } });
      expect(host.status, JSON.stringify(host.body)).toBe(200);
      hosts.push(String(host.body.id));
      created.prompts.push(String(host.body.id));
    }

    const cases = fc.sample(templateCaseArb(slugs), { numRuns: CASES, seed: SEED });
    const run = new HostileRun();
    const pid = pidListeningOn();
    const memory = watchMemory(pid);
    const queues = Array.from({ length: WORKERS }, (_, w) => cases.filter((_, i) => i % WORKERS === w));
    let partials = 0;
    await eachLimited(queues, WORKERS, async (queue, worker) => {
      const host = hosts[worker];
      for (const hostile of queue) {
        const call = (extra: Json, target = `${host}@latest`) =>
          run.send({
            method: "POST",
            path: `/v1/prompts/${encodeURIComponent(target)}/${hostile.call === "render" ? "render" : "completions"}`,
            headers: ADMIN,
            body: JSON.stringify({ variables: hostile.variables, ...(hostile.call === "stream" ? { stream: true } : {}), ...extra }),
          });
        if (hostile.via === "version") {
          const saved = await run.send(saveVersion(host, hostile));
          if (saved?.status === 200) await call({});
        } else if (hostile.via === "partial") {
          const made = await run.send({ method: "POST", path: "/v1/prompts/partials", headers: ADMIN, body: JSON.stringify({ name: `hostile p ${tag} ${worker} ${partials++}`, string: hostile.template }) });
          if (made?.status === 200) {
            const body = JSON.parse(made.text) as Json;
            created.partials.push(String(body.id));
            await call({ template: `before {{>${String(body.slug)}}} after`, template_type: "completion" }, host);
          }
        } else {
          await call({ template: hostile.template, template_type: hostile.kind }, host);
        }
      }
    });
    const { peakMb, alive } = memory.stop();
    console.log(`hostile templates: ${run.sent} requests, server peak RSS ${peakMb.toFixed(0)} MB, ${run.upstream} upstream failures passed on`);
    expect(alive, "the server process died").toBe(true);
    expect(run.offences.length, `${run.offences.length} requests answered 5xx or not at all (FUZZ_SEED=${SEED}):\n${run.report()}`).toBe(0);
    expect(peakMb, "server RSS").toBeLessThan(RSS_LIMIT_MB);
    expect((await fetch(`${E2E.baseUrl}/api/health`)).status).toBe(200);
  } finally {
    for (const id of created.prompts) await api("DELETE", `/v1/prompts/${id}?force=true`).catch(() => null);
    for (const id of created.partials.reverse()) await api("DELETE", `/v1/prompts/partials/${id}?force=true`).catch(() => null);
    await api("DELETE", `/v1/collections/${collectionId}`).catch(() => null);
    await api("DELETE", `/v1/virtual-keys/${String(vk.body.slug)}`).catch(() => null);
  }
});

test("a chat template escaping a lone surrogate runs, and its log is kept with U+FFFD in its place", async () => {
  const tag = Date.now().toString(36);
  const vk = await api("POST", "/v1/virtual-keys", { name: `surrogate ${tag}`, provider: "openai", key: "sk-mock", custom_host: `${E2E.mockUrl}/v1` });
  expect(vk.status).toBe(200);
  // The body is well-formed JSON text; the template inside it is JSON whose escape makes a
  // lone surrogate only once the template itself is parsed.
  const template = '[{"role":"user","content":"x\\ud83d {{a}}"}]';
  const prompt = await api("POST", "/v1/prompts", { name: `surrogate ${tag}`, string: template, model: "gpt-4o-mini", virtual_key: vk.body.slug });
  expect(prompt.status, JSON.stringify(prompt.body)).toBe(200);
  const id = String(prompt.body.id);
  try {
    const run = await api("POST", `/v1/prompts/${id}/completions`, { variables: { a: "b" } });
    expect(run.status, JSON.stringify(run.body)).toBe(200);
    let logs: Json[] = [];
    await expect.poll(async () => (logs = (await api("GET", `/v1/logs?prompt=${id}`)).body.data as Json[]).length).toBe(1);
    const log = (await api("GET", `/v1/logs/${String(logs[0].id)}`)).body as { request: { messages: { content: string }[] } };
    expect(log.request.messages[0].content).toBe("x\ufffd b");
  } finally {
    await api("DELETE", `/v1/prompts/${id}?force=true`);
    await api("DELETE", `/v1/virtual-keys/${String(vk.body.slug)}`);
  }
});

function saveVersion(host: string, hostile: TemplateCase) {
  return { method: "PUT", path: `/v1/prompts/${host}`, headers: ADMIN, body: JSON.stringify({ string: hostile.template, template_metadata: { template_type: hostile.kind } }) };
}
