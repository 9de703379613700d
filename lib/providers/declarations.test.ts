import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importGraph, sourceFiles } from "@/scripts/import-graph.mjs";
import { streamOptionsFor } from "@/lib/playground/run-body";
import { listDeclarations, providerDeclaration } from "./declarations";
import { PROVIDER_IDS } from "./ids";
import { getProvider, listProviders } from "./registry";
import { hostFromTemplate, optionParam } from "./setup";
import type { ProviderCapabilities } from "./types";

const CAPABILITY_KEYS: (keyof ProviderCapabilities)[] = [
  "chat", "completion", "streaming", "tools", "vision", "jsonMode", "jsonSchema", "multipleChoices", "logprobs", "penalties", "seed", "maxTemperature",
];

describe("provider declarations", () => {
  it("declare every fact for every provider", () => {
    for (const id of PROVIDER_IDS) {
      const declaration = providerDeclaration(id);
      expect(declaration, id).toBeDefined();
      const d = declaration!;
      expect(d.id).toBe(id);
      expect(d.displayName.trim(), id).not.toBe("");
      expect(Object.keys(d.capabilities).sort(), id).toEqual([...CAPABILITY_KEYS].sort());
      for (const key of CAPABILITY_KEYS) expect(typeof d.capabilities[key], `${id}.${key}`).toBe(key === "maxTemperature" ? "number" : "boolean");
      expect(typeof d.usageInStream, id).toBe("boolean");
      expect(typeof d.setup.apiKeyRequired, id).toBe("boolean");
      expect(typeof d.setup.customHostRequired, id).toBe("boolean");
      expect(d.setup.customHostReplaces.trim(), id).not.toBe("");
      expect(Array.isArray(d.setup.options), id).toBe(true);
      // No default base URL means the key is useless without a host, unless options build one.
      if (d.setup.defaultBaseUrl === null) expect(d.setup.customHostRequired || Boolean(d.setup.hostTemplate), id).toBe(true);
      else expect(new URL(d.setup.defaultBaseUrl).protocol, id).toMatch(/^https?:$/);
      expect(Array.isArray(d.models), id).toBe(true);
      expect(new Set(d.models.map((m) => m.id)).size, `${id}: duplicate model`).toBe(d.models.length);
      for (const model of d.models) {
        expect(model.id.trim(), id).not.toBe("");
        // A price is a published one or absent: never zero, negative or half given.
        if (model.prices) {
          expect(model.prices.inputPerMTok, `${id}/${model.id}`).toBeGreaterThan(0);
          expect(model.prices.outputPerMTok, `${id}/${model.id}`).toBeGreaterThan(0);
          if (model.prices.cachedInputPerMTok !== undefined) expect(model.prices.cachedInputPerMTok, `${id}/${model.id}`).toBeGreaterThan(0);
          expect(model.prices.checked, `${id}/${model.id}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
    expect(providerDeclaration("cohere")).toBeUndefined();
    expect(providerDeclaration("toString")).toBeUndefined();
  });

  it("are what the adapters are built from and what GET /v1/providers serves", () => {
    for (const declaration of listDeclarations()) {
      const adapter = getProvider(declaration.id)!;
      expect(adapter.displayName).toBe(declaration.displayName);
      expect(adapter.capabilities).toEqual(declaration.capabilities);
    }
    expect(listProviders()).toEqual(listDeclarations());
  });

  it("keep the facts that used to live elsewhere", () => {
    const byId = Object.fromEntries(listDeclarations().map((d) => [d.id, d]));
    const usage = PROVIDER_IDS.filter((id) => byId[id].usageInStream);
    expect(usage.sort()).toEqual(["azure-openai", "deepseek", "groq", "ollama", "openai", "openai-compatible", "openrouter", "together-ai"]);
    expect(PROVIDER_IDS.filter((id) => !byId[id].setup.apiKeyRequired).sort()).toEqual(["ollama", "openai-compatible"]);
    expect(PROVIDER_IDS.filter((id) => byId[id].setup.customHostRequired)).toEqual(["openai-compatible"]);
    expect(byId.openai.models.map((m) => m.id)).toContain("gpt-4o-mini");
    expect(byId["openai-compatible"].models).toEqual([]);
    expect(byId["azure-openai"].setup.hostTemplate).toBe("https://{resourceName}.openai.azure.com");
    expect(streamOptionsFor(byId.groq.usageInStream)).toEqual({ stream_options: { include_usage: true } });
    expect(streamOptionsFor(byId.anthropic.usageInStream)).toEqual({});
  });

  it("are browser-safe: nothing they import reaches an adapter, the network or Node", () => {
    const root = path.resolve(__dirname, "../..");
    const graph = importGraph(root, sourceFiles(root, ["lib"]));
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const next of graph.get(file) ?? []) visit(next);
    };
    visit("lib/providers/declarations.ts");
    expect(seen.size).toBeGreaterThan(PROVIDER_IDS.length);
    for (const file of seen) {
      // The bottom layer's plain types (a stream body's shape) are fine; no other feature is.
      if (!file.startsWith("lib/core/")) {
        expect(file.startsWith("lib/providers/"), file).toBe(true);
        expect(file, file).toMatch(/(declarations?|declare|capabilities|model-families|openai-features|setup|types|ids)\.ts$/);
      }
      expect(fs.readFileSync(path.join(root, file), "utf8"), file).not.toMatch(/from "node:|from "server-only"/);
    }
  });
});

describe("hostFromTemplate", () => {
  it("fills each option URL-encoded, and is null when one is missing", () => {
    const template = "https://{resourceName}.openai.azure.com";
    expect(hostFromTemplate(template, (name) => ({ resourceName: "res" })[name])).toEqual({ url: "https://res.openai.azure.com", options: ["resourceName"] });
    expect(hostFromTemplate(template, () => "a/b")?.url).toBe("https://a%2Fb.openai.azure.com");
    expect(hostFromTemplate(template, () => undefined)).toBeNull();
    expect(optionParam("resourceName")).toBe("resource_name");
  });
});
