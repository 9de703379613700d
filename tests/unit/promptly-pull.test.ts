import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pull } from "../../scripts/promptly/pull.mjs";
import { plan } from "../../scripts/promptly/push.mjs";

/** A stand-in for the HTTP client: one folder, one completion prompt, no partials. */
function fakeApi() {
  const answers: Record<string, unknown> = {
    "/collections": { total: 1, data: [{ id: "c1", slug: "default", name: "Default", parent_collection_id: null, is_default: true }] },
    "/prompts": { total: 1, data: [{ id: "p1", slug: "hello", name: "Hello", collection_id: "c1", labels: [], prompt_version: 1 }] },
    "/prompts/p1/versions": [{ prompt_version: 1, prompt_template: { template_type: "completion", string: "Hi {{name}}", parameters: {}, template_metadata: { template_type: "completion" } } }],
    "/prompts/partials": { total: 0, data: [] },
    "/labels": { total: 1, data: [{ name: "production", protected: true }] },
    "/release-requests": { total: 0, data: [] },
  };
  const api = async (_method: string, route: string) => answers[route.split("?")[0]];
  return Object.assign(api, { baseUrl: "http://fake" });
}

describe("promptly pull", () => {
  it("mirrors the server: stale prompt files and the empty directories of deleted folders go, other files stay", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-pull-"));
    fs.mkdirSync(path.join(dir, "gone/deeper"), { recursive: true });
    fs.writeFileSync(path.join(dir, "gone/deeper/old.prompt.md"), "---\nname: \"Old\"\n---\nx\n");
    fs.mkdirSync(path.join(dir, "notes"));
    fs.writeFileSync(path.join(dir, "notes/README.txt"), "mine");
    const log = console.log;
    const write = process.stderr.write;
    console.log = () => undefined;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      expect(await pull(fakeApi(), dir)).toBe(0);
    } finally {
      console.log = log;
      process.stderr.write = write;
    }
    expect(fs.readFileSync(path.join(dir, "default/hello.prompt.md"), "utf8")).toBe('---\nname: "Hello"\nparameters: {}\npublished_version: 1\ntemplate_type: "completion"\n---\nHi {{name}}\n');
    expect(fs.existsSync(path.join(dir, "gone"))).toBe(false);
    expect(fs.readFileSync(path.join(dir, "notes/README.txt"), "utf8")).toBe("mine");
  });
});

describe("promptly push --plan", () => {
  it("plans nothing for a pulled tree; a directory without prompt files is not a folder; a protected label says so", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-plan-"));
    const quiet = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    const log = console.log;
    console.log = () => undefined;
    try {
      await pull(fakeApi(), dir);
      fs.mkdirSync(path.join(dir, "notes"));
      fs.writeFileSync(path.join(dir, "notes/README.txt"), "mine");
      expect((await plan(fakeApi(), dir)).actions).toEqual([]);

      const file = path.join(dir, "default/hello.prompt.md");
      fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace('name: "Hello"', 'labels: {"production":"latest"}\nname: "Hello"').replace("Hi {{name}}", "Hello {{name}}"));
      const { actions } = await plan(fakeApi(), dir);
      expect(actions.map((a: { line: string }) => a.line)).toEqual([
        "~ prompt default/hello: new version v2",
        "~ prompt default/hello: label production unset → v2 (protected: a release request unless this key may publish)",
      ]);
    } finally {
      process.stderr.write = quiet;
      console.log = log;
    }
  });
});
