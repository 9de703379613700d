import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { E2E } from "../support/env";
import { ownPostgresSchema, startOwnServer, type OwnServer } from "../support/own-server";

/**
 * Prompts as code and bundles, through the CLI (`scripts/promptly.mjs`) against servers of
 * this file's own (a pull reads the whole workspace: the shared server's other tests would
 * change it under our feet). Server A is worked on; server B, a fresh install, receives A's
 * bundle. On whichever database the suite runs on.
 */
test.describe.configure({ mode: "serial" });

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const chat = (...messages: [string, string][]) => JSON.stringify(messages.map(([role, content]) => ({ role, content })));

let a: OwnServer | null = null;
let b: OwnServer | null = null;
const work = path.join(E2E.dataDir, `prompts-as-code-${Date.now()}`);

function client(baseUrl: string, key = E2E.apiKey) {
  return async (method: string, route: string, body?: unknown): Promise<Json> => {
    const response = await fetch(`${baseUrl}/v1${route}`, {
      method,
      headers: { "x-portkey-api-key": key, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    expect(response.status, `${method} ${route}: ${text}`).toBe(200);
    return text ? JSON.parse(text) : {};
  };
}

/** Runs the CLI against a server; its exit code and what it printed. */
function cli(baseUrl: string, args: string[], key = E2E.apiKey): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["scripts/promptly.mjs", ...args], {
      env: { ...process.env, PROMPTLY_URL: baseUrl, PROMPTLY_API_KEY: key },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

async function ok(run: Promise<{ code: number | null; stdout: string; stderr: string }>) {
  const result = await run;
  expect(result.code, result.stdout + result.stderr).toBe(0);
  return result;
}

/** Every file under `dir`, relative path → bytes as text; directories too (empty ones count). */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const visit = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        out[`${child}/`] = "";
        visit(child);
      } else out[child] = fs.readFileSync(path.join(dir, child), "utf8");
    }
  };
  visit("");
  return out;
}

/** What a server holds that a push could add to: versions per prompt, label moves, release requests. */
async function counts(api: ReturnType<typeof client>) {
  const prompts = (await api("GET", "/prompts?page_size=100")).data as Json[];
  const versions: Record<string, number> = {};
  for (const p of prompts) versions[p.slug] = (await api("GET", `/prompts/${p.id}/versions`)).length;
  const labels = Object.fromEntries(prompts.map((p) => [p.slug, p.labels.map((l: Json) => `${l.name}@${l.prompt_version}`).sort().join(",")]));
  const partials = (await api("GET", "/prompts/partials?page_size=100")).data.length;
  const requests = (await api("GET", "/release-requests?page_size=100")).total;
  const folders = (await api("GET", "/collections?page_size=100")).total;
  return { versions, labels, partials, requests, folders };
}

let reply = "";
let plain = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  a = await startOwnServer(E2E.port + 61, path.join(work, "server-a"), await ownPostgresSchema(`pac_a_${process.pid}`));
  b = await startOwnServer(E2E.port + 62, path.join(work, "server-b"), await ownPostgresSchema(`pac_b_${process.pid}`));
  const api = client(a.baseUrl);
  const team = await api("POST", "/collections", { name: "Team" });
  const support = await api("POST", "/collections", { name: "Support", parent_collection_id: team.id });
  await api("POST", "/prompts/partials", { name: "Footer", string: "Thanks,\nThe team\n" });
  const created = await api("POST", "/prompts", {
    name: "Support reply",
    collection_id: support.id,
    string: chat(["system", "Be {{tone}}.\n{{>footer}}"], ["user", "{{question}}"]),
    model: "gpt-4o-mini",
    parameters: { temperature: 0.2, max_tokens: 300 },
    tools: [{ type: "function", function: { name: "lookup_order", parameters: { type: "object", properties: { id: { type: "string" } } } } }],
    response_format: { type: "json_object" },
  });
  reply = created.slug;
  await api("PUT", `/prompts/${reply}`, { string: chat(["system", "Be {{tone}}, always.\n{{>footer}}"], ["user", "{{question}}"]) });
  await api("PUT", `/prompts/${reply}/versions/1`, { label_id: "production" });
  await api("PUT", `/prompts/${reply}/versions/2`, { label_id: "staging" });
  plain = (await api("POST", "/prompts", { name: "Plain completion", string: "Summarise: {{text}}\n", model: "gpt-4o-mini" })).slug;
});

test.afterAll(async () => {
  await a?.stop("SIGTERM");
  await b?.stop("SIGTERM");
});

test("pull writes a file per prompt and partial in folder directories; an unchanged tree plans and creates nothing", async () => {
  const dir = path.join(work, "pull-1");
  const pulled = await ok(cli(a!.baseUrl, ["pull", "--dir", dir]));
  expect(pulled.stdout).toContain("Pulled 2 prompt(s) and 1 partial(s)");
  const files = tree(dir);
  expect(Object.keys(files).sort()).toEqual(["_partials/", "_partials/footer.partial.md", "default/", `default/${plain}.prompt.md`, "team/", "team/support/", `team/support/${reply}.prompt.md`].sort());
  expect(files["_partials/footer.partial.md"]).toBe('---\nname: "Footer"\npublished_version: 1\n---\nThanks,\nThe team\n\n');
  const replyFile = files[`team/support/${reply}.prompt.md`];
  expect(replyFile.split("\n---\n")[0]).toBe(
    [
      "---",
      'labels: {"production":1,"staging":2}',
      'model: "gpt-4o-mini"',
      'name: "Support reply"',
      'parameters: {"max_tokens":300,"temperature":0.2}',
      "published_version: 1",
      'response_format: {"type":"json_object"}',
      'template_type: "chat"',
      'tools: [{"function":{"name":"lookup_order","parameters":{"properties":{"id":{"type":"string"}},"type":"object"}},"type":"function"}]',
    ].join("\n"),
  );
  expect(replyFile).toContain('\n---\n[\n  {\n    "role": "system",\n    "content": "Be {{tone}}, always.\\n{{>footer}}"\n  },');
  expect(files[`default/${plain}.prompt.md`].endsWith("---\nSummarise: {{text}}\n\n")).toBe(true);

  const api = client(a!.baseUrl);
  const before = await counts(api);
  const planned = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--plan"]));
  expect(planned.stdout).toContain("Nothing to do");
  const applied = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--apply"]));
  expect(applied.stdout).toContain("Nothing to do");
  expect(await counts(api)).toEqual(before);
});

test("push --plan shows new versions, label moves, new prompts as a diff; --apply makes them; pull → push → pull is byte-identical", async () => {
  const dir = path.join(work, "pull-1");
  const api = client(a!.baseUrl);
  const replyPath = path.join(dir, `team/support/${reply}.prompt.md`);
  const edited = fs
    .readFileSync(replyPath, "utf8")
    .replace('labels: {"production":1,"staging":2}', 'labels: {"production":1,"staging":3}')
    .replace("Be {{tone}}, always.", "Be {{tone}} and brief.");
  fs.writeFileSync(replyPath, edited);
  fs.mkdirSync(path.join(dir, "team/drafts"));
  const fresh = '---\nlabels: {"development":1}\nname: "Greeting"\nparameters: {}\npublished_version: 1\ntemplate_type: "completion"\n---\nHello {{name}}, {{>footer}}\n';
  fs.writeFileSync(path.join(dir, "team/drafts/greeting.prompt.md"), fresh);
  const partialPath = path.join(dir, "_partials/footer.partial.md");
  fs.writeFileSync(partialPath, '---\nname: "Footer"\npublished_version: 2\n---\nCheers,\nThe team\n\n');
  const wanted = tree(dir);

  const before = await counts(api);
  const planned = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--plan"]));
  for (const line of [
    "+ folder team/drafts",
    "~ partial footer: new version v2",
    "~ partial footer: publish v2",
    `~ prompt team/support/${reply}: new version v3`,
    `~ prompt team/support/${reply}: label staging v2 → v3`,
    "+ prompt team/drafts/greeting (v1)",
    "~ prompt team/drafts/greeting: label development unset → v1",
  ]) {
    expect(planned.stdout).toContain(line);
  }
  expect(planned.stdout).toContain('-    "content": "Be {{tone}}, always.\\n{{>footer}}"');
  expect(planned.stdout).toContain('+    "content": "Be {{tone}} and brief.\\n{{>footer}}"');
  expect(planned.stdout).toContain("+Hello {{name}}, {{>footer}}");
  expect(planned.stdout).toMatch(/Plan: .*2 new versions/);
  expect(await counts(api), "a plan changes nothing").toEqual(before);

  const applied = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--apply", "--message", "from the CLI test"]));
  expect(applied.stdout).toContain("Applied:");
  const after = await counts(api);
  expect(after.versions[reply]).toBe(3);
  expect(after.versions.greeting).toBe(1);
  expect(after.labels[reply]).toBe("production@1,staging@3");
  expect(after.labels.greeting).toBe("development@1");
  expect((await api("GET", `/prompts/${reply}@staging`)).prompt_version_description).toBe("from the CLI test");

  const again = path.join(work, "pull-2");
  await ok(cli(a!.baseUrl, ["pull", "--dir", again]));
  expect(tree(again)).toEqual(wanted);
  const second = await ok(cli(a!.baseUrl, ["push", "--dir", again, "--apply"]));
  expect(second.stdout).toContain("Nothing to do");
  expect(await counts(api)).toEqual(after);
});

test("a protected label moved with an editor key becomes a release request, once", async () => {
  const api = client(a!.baseUrl);
  const editorKey = (await api("POST", "/api-keys", { name: "prompts as code CI", scope: "editor" })).key as string;
  const dir = path.join(work, "pull-2");
  const replyPath = path.join(dir, `team/support/${reply}.prompt.md`);
  fs.writeFileSync(replyPath, fs.readFileSync(replyPath, "utf8").replace('"production":1', '"production":3'));

  const planned = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--plan"], editorKey));
  expect(planned.stdout).toContain(`~ prompt team/support/${reply}: label production v1 → v3 (protected: a release request unless this key may publish)`);
  const applied = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--apply"], editorKey));
  expect(applied.stderr).toMatch(/release request \S+ opened/);
  const open = await api("GET", `/release-requests?prompt_id=${reply}&status=open`);
  expect(open.data).toHaveLength(1);
  expect(open.data[0]).toMatchObject({ label: { name: "production" }, version: 3, base_version: 1 });
  expect((await api("GET", `/prompts/${reply}@production`)).prompt_version).toBe(1);

  // Pushed again: the request is already open, so nothing more is asked for.
  const twice = await ok(cli(a!.baseUrl, ["push", "--dir", dir, "--apply"], editorKey));
  expect(twice.stdout).toContain("already open");
  expect(twice.stdout).toContain("Nothing to do");
  expect((await api("GET", `/release-requests?prompt_id=${reply}`)).total).toBe(1);
});

test("a bundle moves the workspace with full history to a fresh instance; importing it again skips everything", async () => {
  // Besides versions and labels: a partial's label, a prompt's saved variables, an archived prompt.
  const fromA = client(a!.baseUrl);
  await fromA("PUT", "/prompts/partials/footer/labels/staging", { version: 1 });
  const variables = { tone: "calm", question: "Where is my order?" };
  await fromA("POST", `/prompts/${reply}/variable-sets`, { name: "Late order", variables });
  const shelved = await fromA("POST", "/prompts", { name: "Shelved", string: "Old {{thing}}\n", model: "gpt-4o-mini" });
  await fromA("POST", `/prompts/${shelved.id}/archive`);

  const bundleFile = path.join(work, "bundle.json");
  const exported = await ok(cli(a!.baseUrl, ["export", "--out", bundleFile]));
  expect(exported.stdout).toContain("Exported 4 prompt(s) (6 version(s)), 1 partial(s)");
  const bundle = JSON.parse(fs.readFileSync(bundleFile, "utf8"));
  expect(bundle.partials[0].labels).toEqual({ staging: 1 });
  expect(bundle.prompts.find((p: Json) => p.slug === reply).variable_sets).toEqual([{ name: "Late order", variables }]);
  expect(bundle.prompts.find((p: Json) => p.slug === shelved.slug).archived).toBe(true);

  const imported = await ok(cli(b!.baseUrl, ["import", bundleFile]));
  expect(imported.stdout).toContain("Created: 3 collections, 1 partials, 2 partial versions, 1 partial label assignments, 4 prompts, 6 versions, 3 label assignments, 1 variable sets");
  const fromB = client(b!.baseUrl);
  const back = await (await fetch(`${b!.baseUrl}/v1/bundles/export`, { headers: { "x-portkey-api-key": E2E.apiKey } })).json();
  expect(back.prompts).toEqual(bundle.prompts);
  expect(back.partials).toEqual(bundle.partials);
  expect((await fromB("GET", `/prompts/${reply}/versions`)).map((v: Json) => v.prompt_version)).toEqual([3, 2, 1]);

  // The trees pulled from both instances are the same bytes.
  await ok(cli(a!.baseUrl, ["pull", "--dir", path.join(work, "tree-a")]));
  await ok(cli(b!.baseUrl, ["pull", "--dir", path.join(work, "tree-b")]));
  expect(tree(path.join(work, "tree-b"))).toEqual(tree(path.join(work, "tree-a")));

  const again = await ok(cli(b!.baseUrl, ["import", bundleFile]));
  expect(again.stdout).toContain("Created: nothing");
  expect(again.stdout).not.toContain("CONFLICT");
  const report = await fromB("POST", "/bundles/import", bundle);
  expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
  expect(report.skipped).toMatchObject({ prompts: 4, versions: 6, partials: 1, partial_versions: 2, partial_label_assignments: 1, variable_sets: 1 });
  expect(report.conflicts).toEqual([]);

  // A bundle may be larger than the ordinary body limit (1 MiB): its route takes PROMPTLY_MAX_BUNDLE_BYTES.
  const big = {
    format: "promptly-bundle",
    format_version: 1,
    prompts: [{ slug: "big-history", name: "Big", collection: "default", versions: Array.from({ length: 6 }, (_, i) => ({ version: i + 1, template_type: "completion", string: `${i} ${"x".repeat(200_000)}` })) }],
  };
  const bigBody = JSON.stringify(big);
  expect(bigBody.length).toBeGreaterThan(1_048_576);
  const bigImport = await fetch(`${b!.baseUrl}/v1/bundles/import`, { method: "POST", headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" }, body: bigBody });
  expect(bigImport.status, await bigImport.clone().text()).toBe(200);
  expect((await bigImport.json()).created).toMatchObject({ prompts: 1, versions: 6 });
  const ordinary = await fetch(`${b!.baseUrl}/v1/prompts`, { method: "POST", headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" }, body: bigBody });
  expect(ordinary.status).toBe(413);

  // One folder: its prompts only, with the path to it.
  const folderFile = path.join(work, "team.json");
  await ok(cli(a!.baseUrl, ["export", "--out", folderFile, "--collection", "drafts"]));
  const folder = JSON.parse(fs.readFileSync(folderFile, "utf8"));
  expect(folder.collections.map((c: Json) => c.path)).toEqual(["team", "team/drafts"]);
  expect(folder.prompts.map((p: Json) => p.slug)).toEqual(["greeting"]);
  expect(folder.partials.map((p: Json) => p.slug)).toEqual(["footer"]);
});

test("failures exit non-zero: a bad key, a malformed file, a wrong command", async () => {
  const bad = await cli(a!.baseUrl, ["pull", "--dir", path.join(work, "nope")], "pk-promptly-not-a-key");
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("HTTP 401");
  const dir = path.join(work, "broken");
  fs.mkdirSync(path.join(dir, "default"), { recursive: true });
  fs.writeFileSync(path.join(dir, "default/x.prompt.md"), "---\nname: Unquoted\n---\nbody\n");
  const malformed = await cli(a!.baseUrl, ["push", "--dir", dir, "--plan"]);
  expect(malformed.code).toBe(2);
  expect(malformed.stderr).toContain("default/x.prompt.md:2: the value of 'name' is not JSON");
  const usage = await cli(a!.baseUrl, ["push", "--dir", dir]);
  expect(usage.code).toBe(2);
  expect(usage.stderr).toContain("push needs one of --plan or --apply");
});
