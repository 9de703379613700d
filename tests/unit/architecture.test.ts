import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { findCycles, importGraph, layerViolations, sourceFiles } from "../../scripts/import-graph.mjs";

type Graph = Map<string, string[]>;

/**
 * The house's layers, as path prefixes. Arrows point down only: pages and routes use
 * features, features use the bottom layer, and the bottom layer imports no feature. The
 * "wiring" files assemble features for the routes and the server (the route wrapper knows
 * the permission table, start-up seeds features' data); nothing below may import them.
 */
const LAYERS = {
  top: ["app", "server", "proxy.ts", "instrumentation.ts", "components"],
  wiring: ["lib/routes", "lib/lifecycle"],
  feature: [
    "lib/analytics", "lib/api-client", "lib/auth", "lib/bundles", "lib/collections", "lib/completions", "lib/costs", "lib/datasets", "lib/db-transfer", "lib/experiments", "lib/hooks", "lib/invites",
    "lib/labels", "lib/logs", "lib/members", "lib/partials", "lib/playground", "lib/prompts", "lib/providers",
    "lib/releases", "lib/scorers", "lib/templates", "lib/virtual-keys", "lib/audit", "lib/webhooks",
  ],
  bottom: ["lib/core"],
  tests: ["tests", "e2e"],
};
const RULES = {
  top: ["tests"],
  wiring: ["top", "tests"],
  feature: ["top", "wiring", "tests"],
  bottom: ["top", "wiring", "feature", "tests"],
};
const ROOTS = ["app", "components", "lib", "server", "tests", "scripts", "proxy.ts", "instrumentation.ts"];

describe("the import graph of the real tree", () => {
  const root = path.resolve(__dirname, "../..");
  const graph: Graph = importGraph(root, sourceFiles(root, ROOTS));

  it("reads the tree (a check over nothing would pass)", () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get("lib/completions/engine.ts")).toContain("lib/completions/prepare.ts");
  });

  it("has no import cycle, type-only imports included", () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it("keeps every arrow pointing down the layers", () => {
    expect(layerViolations(graph, LAYERS, RULES)).toEqual([]);
  });

  it("puts every lib/ module in a layer", () => {
    const all = Object.values(LAYERS).flat();
    const covered = (file: string) => all.some((prefix) => file === prefix || file.startsWith(`${prefix}/`));
    expect([...graph.keys()].filter((file) => file.startsWith("lib/") && !covered(file))).toEqual([]);
  });
});

describe("the checks fire on a deliberate violation", () => {
  // A small tree of its own: a type-only cycle, and a bottom-layer module importing a feature.
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "promptly-architecture-"));
  const files: Record<string, string> = {
    "lib/prompts/a.ts": 'import type { B } from "./b";\nexport type A = { b: B };\n',
    "lib/prompts/b.ts": 'import type { A } from "@/lib/prompts/a";\nexport type B = { a?: A };\n',
    "lib/core/net/c.ts": 'export { type A } from "../../prompts/a";\n',
    "lib/core/net/d.ts": 'export const d = () => import("./c");\n',
  };
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  const graph: Graph = importGraph(root, sourceFiles(root, ["lib"]));

  it("finds a cycle made only of type imports", () => {
    expect(findCycles(graph)).toEqual([["lib/prompts/a.ts", "lib/prompts/b.ts"]]);
  });

  it("finds a re-export from the bottom layer into a feature, and dynamic imports count as edges", () => {
    expect(layerViolations(graph, LAYERS, RULES)).toEqual(["lib/core/net/c.ts → lib/prompts/a.ts"]);
    expect(graph.get("lib/core/net/d.ts")).toEqual(["lib/core/net/c.ts"]);
  });
});
