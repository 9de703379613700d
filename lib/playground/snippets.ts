export type SnippetLanguage = "curl" | "typescript" | "python";

export interface SnippetInput {
  /** This server's origin, e.g. http://127.0.0.1:3000 */
  origin: string;
  /** `pp-support-1a2b3c`, optionally with `@staging` / `@3`. */
  promptRef: string;
  variables: Record<string, unknown>;
  stream: boolean;
}

/**
 * The prompt as callers address it: `pp-support-1a2b3c` for the published version, with
 * `@staging` or `@3` when a label or version is chosen ("" = published).
 */
export function promptReference(promptId: string, target: string): string {
  return target ? `${promptId}@${target}` : promptId;
}

const indent = (text: string, spaces: number) => text.replace(/\n/g, `\n${" ".repeat(spaces)}`);

// JSON's strings and numbers are valid Python; only the constants and layout differ.
function pythonLiteral(value: unknown, depth: number): string {
  const pad = "    ".repeat(depth + 1);
  const close = "    ".repeat(depth);
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((item) => pad + pythonLiteral(item, depth + 1)).join(",\n")}\n${close}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  return `{\n${entries.map(([key, item]) => `${pad}${JSON.stringify(key)}: ${pythonLiteral(item, depth + 1)}`).join(",\n")}\n${close}}`;
}

const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** Ready-to-paste calls of this prompt: the API key comes from the environment, never inlined. */
export function promptSnippet(language: SnippetLanguage, input: SnippetInput): string {
  const base = `${input.origin}/v1`;
  if (language === "curl") {
    const body = JSON.stringify({ variables: input.variables, ...(input.stream ? { stream: true } : {}) }, null, 2);
    return [
      `curl ${base}/prompts/${input.promptRef}/completions \\`,
      `  -H "Content-Type: application/json" \\`,
      `  -H "x-portkey-api-key: $PROMPTLY_API_KEY" \\`,
      ...(input.stream ? ["  -N \\"] : []),
      `  -d ${shellQuote(body)}`,
    ].join("\n");
  }
  if (language === "typescript") {
    const variables = indent(JSON.stringify(input.variables, null, 2), 2);
    const call = [
      `const completion = await portkey.prompts.completions.create({`,
      `  promptID: ${JSON.stringify(input.promptRef)},`,
      `  variables: ${variables},`,
      ...(input.stream ? [`  stream: true,`] : []),
      `});`,
    ];
    const output = input.stream
      ? [`for await (const chunk of completion) {`, `  process.stdout.write(chunk.choices[0]?.delta?.content ?? "");`, `}`]
      : [`console.log(completion.choices[0].message.content);`];
    return [
      `import { Portkey } from "portkey-ai";`,
      ``,
      `const portkey = new Portkey({`,
      `  apiKey: process.env.PROMPTLY_API_KEY,`,
      `  baseURL: ${JSON.stringify(base)},`,
      `});`,
      ``,
      ...call,
      ...output,
    ].join("\n");
  }
  const variables = pythonLiteral(input.variables, 1);
  return [
    `import os`,
    `from portkey_ai import Portkey`,
    ``,
    `portkey = Portkey(`,
    `    api_key=os.environ["PROMPTLY_API_KEY"],`,
    `    base_url=${JSON.stringify(base)},`,
    `)`,
    ``,
    `completion = portkey.prompts.completions.create(`,
    `    prompt_id=${JSON.stringify(input.promptRef)},`,
    `    variables=${variables},`,
    ...(input.stream ? [`    stream=True,`] : []),
    `)`,
    ...(input.stream
      ? [`for chunk in completion:`, `    print(chunk.choices[0].delta.content or "", end="")`]
      : [`print(completion.choices[0].message.content)`]),
  ].join("\n");
}
