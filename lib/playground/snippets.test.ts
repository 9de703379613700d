import ts from "typescript";
import { describe, expect, it } from "vitest";
import { API_KEY_PREFIX } from "@/lib/auth/api-key-hash";
import { promptReference, promptSnippet, type SnippetLanguage } from "./snippets";

const origin = "http://10.0.0.5:3000";
const promptId = "pp-support-1a2b3c";
const variables = { topic: "refunds", vip: true, note: null, order: { id: 42 } };
const languages: SnippetLanguage[] = ["curl", "typescript", "python"];

/** How each snippet reads the API key: from the environment, so nothing secret is pasted around. */
const KEY_FROM_ENV: Record<SnippetLanguage, string> = {
  curl: `-H "x-portkey-api-key: $PROMPTLY_API_KEY"`,
  typescript: "apiKey: process.env.PROMPTLY_API_KEY,",
  python: `api_key=os.environ["PROMPTLY_API_KEY"],`,
};

const snippet = (language: SnippetLanguage, target = "", stream = false) =>
  promptSnippet(language, { origin, promptRef: promptReference(promptId, target), variables, stream });

describe("Use this prompt snippets", () => {
  it("address the published version by the prompt id, or a chosen label or version", () => {
    expect(promptReference(promptId, "")).toBe(promptId);
    expect(promptReference(promptId, "staging")).toBe(`${promptId}@staging`);
    expect(promptReference(promptId, "3")).toBe(`${promptId}@3`);
  });

  it.each(languages)("%s: calls this server's /v1 with the prompt id, @staging when chosen", (language) => {
    for (const stream of [false, true]) {
      const published = snippet(language, "", stream);
      const staging = snippet(language, "staging", stream);
      for (const code of [published, staging]) expect(code).toContain(`${origin}/v1`);
      if (language === "curl") {
        expect(published).toContain(`curl ${origin}/v1/prompts/${promptId}/completions \\`);
        expect(staging).toContain(`curl ${origin}/v1/prompts/${promptId}@staging/completions \\`);
      } else {
        const [base, id] = language === "typescript" ? ["baseURL", "promptID"] : ["base_url=", "prompt_id="];
        expect(published).toContain(`${base}${language === "typescript" ? ": " : ""}"${origin}/v1"`);
        expect(published).toContain(`${id}${language === "typescript" ? ": " : ""}"${promptId}"`);
        expect(staging).toContain(`${id}${language === "typescript" ? ": " : ""}"${promptId}@staging"`);
      }
      expect(published).not.toContain("@");
    }
  });

  it.each(languages)("%s: inlines no secret, the key comes from PROMPTLY_API_KEY", (language) => {
    for (const code of [snippet(language), snippet(language, "staging", true)]) {
      expect(code).toContain(KEY_FROM_ENV[language]);
      expect(code).not.toContain(API_KEY_PREFIX);
      expect(code).not.toMatch(/\bsk-|Bearer\s+\S/);
      // The only lines naming a key are the one reading it from the environment.
      const keyLines = code.split("\n").filter((line) => /api[_-]?key/i.test(line));
      expect(keyLines.map((line) => line.trim().replace(/ \\$/, ""))).toEqual([KEY_FROM_ENV[language]]);
    }
  });

  it("pass the variables in each language's own syntax", () => {
    const curl = snippet("curl", "", true);
    const body = /-d '([\s\S]*)'$/.exec(curl)?.[1];
    expect(JSON.parse(body ?? "")).toEqual({ variables, stream: true });
    expect(curl).toContain("  -N \\");
    expect(snippet("typescript")).toContain(`"order": {\n      "id": 42\n    }`);
    const python = snippet("python", "", true);
    expect(python).toContain(`"vip": True`);
    expect(python).toContain(`"note": None`);
    expect(python).toContain("stream=True,");
  });

  it("quotes a variable with an apostrophe for the shell", () => {
    const code = promptSnippet("curl", { origin, promptRef: promptId, variables: { name: "O'Brien" }, stream: false });
    expect(code).toContain(`"name": "O'\\''Brien"`);
  });
});

describe("the TypeScript snippet", () => {
  it("is a module TypeScript parses without a syntax error, streamed or not", () => {
    for (const stream of [false, true]) {
      const code = snippet("typescript", "staging", stream);
      const file = ts.createSourceFile("snippet.mts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
      const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      expect(diagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
    }
  });
});
