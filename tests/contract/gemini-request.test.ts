import { beforeAll, describe, expect, it } from "vitest";
import { PNG } from "@/tests/fixtures/native-requests";
import { toGeminiRequest } from "@/lib/providers/google/request";
import { sdkTypes, type TypeCheck } from "./sdk-type-check";

/**
 * The bodies the Gemini adapter sends, checked against the request types of Google's own SDK
 * (@google/genai, a dev dependency): every field must be one the API has, where it has it, with
 * the value type it declares (see ./sdk-type-check.ts).
 */

/**
 * The body of POST models/{model}:generateContent as the Gemini API (v1beta) takes it, in the
 * SDK's types: the SDK's `config` flattens these fields, and its converters put them back in
 * this shape on the wire.
 */
const GENERATE_CONTENT = "{ contents: Content[]; systemInstruction?: Content; tools?: Tool[]; toolConfig?: ToolConfig; generationConfig?: GenerationConfig }";

let sdk: TypeCheck;
beforeAll(() => {
  // Schema `type` is the enum Type ("OBJECT"); the adapter sends JSON Schema's lower case, which the API takes too.
  sdk = sdkTypes('import type { Content, GenerationConfig, Tool, ToolConfig } from "@google/genai";', { GenerateContent: GENERATE_CONTENT }, { caseInsensitiveEnums: ["Type"] });
}, 60_000);

const check = (body: unknown) => sdk.errors(body, "GenerateContent");

const WEATHER = {
  type: "function",
  function: {
    name: "get_weather",
    description: "Weather for a city",
    parameters: {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      properties: {
        city: { type: "string", description: "City" },
        unit: { type: "string", enum: ["celsius", "fahrenheit"] },
        days: { type: ["integer", "null"], enum: [1, 3, 7, null] },
        exact: { const: true },
        when: { type: "string", format: "date-time" },
        site: { type: "string", format: "uri" },
        tags: { type: "array", items: { $ref: "#/$defs/Tag" } },
      },
      required: ["city"],
      additionalProperties: false,
      $defs: { Tag: { type: "object", properties: { name: { type: "string" } } } },
    },
  },
};
const NOW = { type: "function", function: { name: "now", parameters: { type: "object", properties: {} } } };
const SCHEMA_FORMAT = {
  type: "json_schema",
  json_schema: { name: "pet", strict: true, schema: { type: "object", properties: { kind: { const: "cat" }, age: { type: "integer", minimum: 0 }, size: { enum: [1, 2] } }, required: ["kind"], additionalProperties: false } },
};
const HISTORY = [
  { role: "system", content: "Be brief." },
  {
    role: "user",
    content: [
      { type: "text", text: "What is in these?" },
      { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
      { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
    ],
  },
  {
    role: "assistant",
    content: "Checking.",
    tool_calls: [
      { id: "fc_1.sig.U0lHLTE=", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
      { id: "call_x_1", type: "function", function: { name: "now", arguments: "{}" }, extra_content: { google: { thought_signature: "U0lHLTI=" } } },
    ],
  },
  { role: "tool", tool_call_id: "fc_1.sig.U0lHLTE=", content: '{"temp":18}' },
  { role: "tool", tool_call_id: "call_x_1", content: "noon" },
  { role: "user", content: "Thanks" },
];

// Representative OpenAI bodies, per model generation (each has its own dialect and limits).
const CASES: Array<[string, Record<string, unknown>]> = [
  ["text with sampling and stop", { model: "gemini-3-flash-preview", messages: [{ role: "user", content: "Hi" }], temperature: 0.3, top_p: 0.9, top_k: 20, stop: ["END"], max_completion_tokens: 64, seed: 3 }],
  ["images, tool calls and results with signatures", { model: "gemini-3-flash-preview", messages: HISTORY, tools: [WEATHER, NOW] }],
  ["tools, JSON Schema and tool_choice, current model", { model: "gemini-3-pro-preview", messages: [{ role: "user", content: "Go" }], tools: [WEATHER, NOW], tool_choice: { type: "function", function: { name: "get_weather" } }, response_format: SCHEMA_FORMAT }],
  ["json_object on Gemini 2.5 with n", { model: "gemini-2.5-flash", messages: [{ role: "user", content: "Go" }], response_format: { type: "json_object" }, n: 2 }],
  ["json_schema on Gemini 2.5", { model: "gemini-2.5-pro", messages: [{ role: "user", content: "Go" }], response_format: SCHEMA_FORMAT, tool_choice: "none" }],
  ["tools in Gemini's Schema subset, penalties on Gemini 2.0", { model: "gemini-2.0-flash", messages: HISTORY, tools: [WEATHER, NOW], tool_choice: "required", presence_penalty: 0.4, frequency_penalty: 0.2 }],
  ["json_schema in Gemini's Schema subset", { model: "gemini-2.0-flash", messages: [{ role: "user", content: "Go" }], response_format: SCHEMA_FORMAT, n: 2 }],
];

describe("Gemini request bodies against @google/genai's types", () => {
  it.each(CASES)("%s", (_name, body) => {
    expect(check(toGeminiRequest(body))).toEqual([]);
  });

  it("checks the stable v1 API's Schema subset too", () => {
    expect(check(toGeminiRequest({ model: "gemini-2.5-flash", messages: [{ role: "user", content: "Go" }], tools: [WEATHER] }, { jsonSchemaFields: false }))).toEqual([]);
  });

  it("is a check that fails on a misnamed field or a wrong value type", () => {
    const good = toGeminiRequest(CASES[0][1]);
    expect(check({ ...good, generationConfig: { ...(good.generationConfig as object), maxTokens: 5 } })).toEqual([
      "body.generationConfig.maxTokens: not a field of GenerationConfig",
    ]);
    expect(check({ ...good, tools: [{ functionDeclarations: [{ name: "f", parameters: { type: "object", properties: { n: { type: "integer", enum: [1] } } } }] }] })).toEqual([
      "body.tools[0].functionDeclarations[0].parameters.properties.n.enum[0]: expected a string, got 1",
    ]);
    expect(check({ ...good, toolConfig: { functionCallingConfig: { mode: "FORCE" } } })).toEqual([
      expect.stringMatching(/^body\.toolConfig\.functionCallingConfig\.mode: expected one of "MODE_UNSPECIFIED", .*got "FORCE"$/),
    ]);
    const noContents: Record<string, unknown> = { ...good };
    delete noContents.contents;
    expect(check(noContents)).toEqual(["body.contents: required"]);
  });
});
