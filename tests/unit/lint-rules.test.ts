import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The project's own lint config, run on snippets: the house rules it enforces do fire.
const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, "../..") });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((message) => message.ruleId ?? "");
}

// The first lint loads the whole config and its plugins: seconds on a busy machine.
describe("lint rules", { timeout: 60_000 }, () => {
  it("refuses globalThis outside lib/core/runtime.ts", async () => {
    const code = "export const state = (globalThis as Record<string, unknown>).promptlyThing;\n";
    expect(await ruleIds(code, "lib/some-cache.ts")).toContain("no-restricted-globals");
    expect(await ruleIds(code, "server/some-route.ts")).toContain("no-restricted-globals");
    expect(await ruleIds(code, "lib/core/runtime.ts")).not.toContain("no-restricted-globals");
  });

  it("refuses casting to Request", async () => {
    const code = "export const asRequest = (value: unknown) => value as unknown as Request;\n";
    expect(await ruleIds(code, "server/fast-routes-copy.ts")).toContain("no-restricted-syntax");
    expect(await ruleIds("export const asResponse = (value: unknown) => value as Response;\n", "lib/x.ts")).not.toContain("no-restricted-syntax");
  });
});
