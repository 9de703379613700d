import { describe, expect, it } from "vitest";
import { mappingRefusal, PNG } from "@/tests/fixtures/native-requests";
import { guessMimeType } from "./contents";
import { toGeminiRequest } from "./request";
import { toGeminiJsonSchema, toGeminiSchema } from "./schema";
import { SIGNATURE_BYPASS } from "./thought-signature";

const base = { model: "gemini-2.0-flash", messages: [{ role: "user", content: "Hi" }] };
const map = (body: Record<string, unknown>) => toGeminiRequest({ ...base, ...body });

const refusal = (body: Record<string, unknown>) => mappingRefusal(() => map(body));

describe("OpenAI request → Gemini generateContent", () => {
  it("hoists system and developer messages into systemInstruction and maps roles to user/model", () => {
    const request = map({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Hello" },
        { role: "developer", content: "Answer in French." },
        { role: "user", content: "Again" },
        { role: "user", content: "Please" },
      ],
    });
    expect(request.systemInstruction).toEqual({ parts: [{ text: "Be brief.\n\nAnswer in French." }] });
    expect(request.contents).toEqual([
      { role: "user", parts: [{ text: "Hi" }] },
      { role: "model", parts: [{ text: "Hello" }] },
      // Consecutive user turns merged: Gemini wants the roles to alternate.
      { role: "user", parts: [{ text: "Again" }, { text: "Please" }] },
    ]);
  });

  it("maps sampling settings, token limit, stop sequences, n, penalties and seed into generationConfig", () => {
    expect(map({ max_tokens: 50, temperature: 1.5, top_p: 0.9, top_k: 40, stop: "END", n: 2, presence_penalty: 0.5, frequency_penalty: 0.2, seed: 7 }).generationConfig).toEqual({
      maxOutputTokens: 50,
      temperature: 1.5,
      topP: 0.9,
      topK: 40,
      stopSequences: ["END"],
      candidateCount: 2,
      presencePenalty: 0.5,
      frequencyPenalty: 0.2,
      seed: 7,
    });
    expect(map({ max_completion_tokens: 70, max_tokens: 50, stop: ["A", "B"] }).generationConfig).toEqual({ maxOutputTokens: 70, stopSequences: ["A", "B"] });
    expect(map({})).not.toHaveProperty("generationConfig");
  });

  it("maps base64 images to inlineData and URLs to fileData with a guessed mime type", () => {
    const request = map({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Compare" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
            { type: "image_url", image_url: { url: "https://example.com/a/cat.webp?size=2" } },
          ],
        },
      ],
    });
    expect(request.contents).toEqual([
      {
        role: "user",
        parts: [
          { text: "Compare" },
          { inlineData: { mimeType: "image/png", data: PNG } },
          { fileData: { mimeType: "image/webp", fileUri: "https://example.com/a/cat.webp?size=2" } },
        ],
      },
    ]);
    expect(guessMimeType("https://x/y.JPG")).toBe("image/jpeg");
    expect(guessMimeType("https://x/photo")).toBe("image/jpeg");
    expect(guessMimeType("https://x/doc.pdf")).toBe("application/pdf");
  });

  it("maps tools to functionDeclarations and tool_choice to functionCallingConfig", () => {
    const tools = [
      { type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false } } },
      { type: "function", function: { name: "now", parameters: { type: "object", properties: {} } } },
    ];
    const request = map({ tools, tool_choice: "auto" });
    expect(request.tools).toEqual([
      {
        functionDeclarations: [
          { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
          { name: "now" },
        ],
      },
    ]);
    expect(request.toolConfig).toEqual({ functionCallingConfig: { mode: "AUTO" } });
    expect(map({ tools, tool_choice: "none" }).toolConfig).toEqual({ functionCallingConfig: { mode: "NONE" } });
    expect(map({ tools, tool_choice: "required" }).toolConfig).toEqual({ functionCallingConfig: { mode: "ANY" } });
    expect(map({ tools, tool_choice: { type: "function", function: { name: "now" } } }).toolConfig).toEqual({
      functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["now"] },
    });
    expect(map({ tools })).not.toHaveProperty("toolConfig");
  });

  it("turns tool calls into functionCall parts and tool results into functionResponse parts, by name", () => {
    const request = map({
      messages: [
        { role: "user", content: "Weather?" },
        { role: "assistant", content: "Checking.", tool_calls: [{ id: "call_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }, { id: "call_2", type: "function", function: { name: "now", arguments: "" } }] },
        { role: "tool", tool_call_id: "call_1", content: '{"temp":18}' },
        { role: "tool", tool_call_id: "call_2", content: "noon" },
      ],
    });
    expect(request.contents).toEqual([
      { role: "user", parts: [{ text: "Weather?" }] },
      {
        role: "model",
        parts: [
          { text: "Checking." },
          { functionCall: { id: "call_1", name: "get_weather", args: { city: "Paris" } }, thoughtSignature: SIGNATURE_BYPASS },
          { functionCall: { id: "call_2", name: "now", args: {} }, thoughtSignature: SIGNATURE_BYPASS },
        ],
      },
      {
        role: "user",
        parts: [{ functionResponse: { id: "call_1", name: "get_weather", response: { temp: 18 } } }, { functionResponse: { id: "call_2", name: "now", response: { content: "noon" } } }],
      },
    ]);
    expect(refusal({ messages: [{ role: "tool", tool_call_id: "nope", content: "x" }] }).param).toBe("messages[0]");
  });

  it("maps json_object to responseMimeType and json_schema to a Gemini responseSchema", () => {
    expect(map({ response_format: { type: "json_object" } }).generationConfig).toEqual({ responseMimeType: "application/json" });
    expect(map({ response_format: { type: "text" } })).not.toHaveProperty("generationConfig");
    const schema = {
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "object",
      properties: { name: { type: "string" }, age: { type: ["integer", "null"] }, kind: { const: "cat" }, owner: { $ref: "#/$defs/Person" } },
      required: ["name"],
      additionalProperties: false,
      $defs: { Person: { type: "object", properties: { id: { oneOf: [{ type: "string" }, { type: "number" }] } } } },
    };
    expect(map({ response_format: { type: "json_schema", json_schema: { name: "pet", strict: true, schema } } }).generationConfig).toEqual({
      responseMimeType: "application/json",
      responseSchema: {
        type: "object",
        properties: {
          name: { type: "string" },
          age: { type: "integer", nullable: true },
          kind: { type: "string", enum: ["cat"] },
          owner: { type: "object", properties: { id: { anyOf: [{ type: "string" }, { type: "number" }] } } },
        },
        required: ["name"],
      },
    });
    expect(() => toGeminiSchema({ $ref: "#/$defs/Loop", $defs: { Loop: { $ref: "#/$defs/Loop" } } }, "response_format")).toThrow(/too deeply/);
  });

  it("sends back the thought signatures Gemini gave, from the id or extra_content, and replays Gemini's call ids", () => {
    const request = map({
      model: "gemini-3-flash-preview",
      messages: [
        { role: "user", content: "Weather in Paris and Rome?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "fc_a.sig.U0lHLUE=", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "fc_b", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: "tool", tool_call_id: "fc_a.sig.U0lHLUE=", content: "18" },
        { role: "tool", tool_call_id: "fc_b", content: "21" },
        { role: "assistant", content: null, tool_calls: [{ id: "call_r2_0", type: "function", function: { name: "now", arguments: "{}" }, extra_content: { google: { thought_signature: "U0lHLUI=" } } }] },
        { role: "tool", tool_call_id: "call_r2_0", content: "noon" },
      ],
    });
    expect(request.contents).toEqual([
      { role: "user", parts: [{ text: "Weather in Paris and Rome?" }] },
      {
        role: "model",
        parts: [
          // Only the first of parallel calls is signed: the second goes back unsigned, as received.
          { functionCall: { id: "fc_a", name: "get_weather", args: { city: "Paris" } }, thoughtSignature: "U0lHLUE=" },
          { functionCall: { id: "fc_b", name: "get_weather", args: { city: "Rome" } } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { id: "fc_a", name: "get_weather", response: { content: "18" } } },
          { functionResponse: { id: "fc_b", name: "get_weather", response: { content: "21" } } },
        ],
      },
      // An id this adapter derived is not Gemini's: not replayed.
      { role: "model", parts: [{ functionCall: { name: "now", args: {} }, thoughtSignature: "U0lHLUI=" }] },
      { role: "user", parts: [{ functionResponse: { name: "now", response: { content: "noon" } } }] },
    ]);
  });

  it("gives current models JSON Schema as is, in parametersJsonSchema and responseJsonSchema", () => {
    const parameters = { type: "object", properties: { level: { type: "integer", enum: [1, 2, 3] }, on: { const: true }, url: { type: "string", format: "uri" } }, required: ["level"], additionalProperties: false };
    const request = map({
      model: "gemini-3-flash-preview",
      tools: [{ type: "function", function: { name: "set", parameters } }],
      response_format: { type: "json_schema", json_schema: { name: "x", schema: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object", properties: { kind: { const: "cat" } }, definitions: { A: { type: "string" } } } } },
    });
    expect(request.tools).toEqual([
      {
        functionDeclarations: [
          {
            name: "set",
            parametersJsonSchema: { type: "object", properties: { level: { type: "integer", enum: [1, 2, 3] }, on: { type: "boolean" }, url: { type: "string", format: "uri" } }, required: ["level"], additionalProperties: false },
          },
        ],
      },
    ]);
    expect(request.generationConfig).toEqual({
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object", properties: { kind: { type: "string", enum: ["cat"] } }, $defs: { A: { type: "string" } } },
    });
    // The stable v1 API is given Gemini's Schema subset.
    expect(toGeminiRequest({ ...base, model: "gemini-2.5-flash", tools: [{ type: "function", function: { name: "set", parameters } }] }, { jsonSchemaFields: false }).tools).toEqual([
      { functionDeclarations: [{ name: "set", parameters: { type: "object", properties: { level: { type: "string", enum: ["1", "2", "3"] }, on: { type: "string", enum: ["true"] }, url: { type: "string" } }, required: ["level"] } }] },
    ]);
  });

  it("gives Gemini's Schema string enums, typed, and only the formats it lists", () => {
    expect(toGeminiSchema({ type: "object", properties: { n: { type: "integer", enum: [1, 2] }, b: { type: "boolean", enum: [true, false] }, s: { enum: ["a", null] }, d: { type: "string", format: "date-time" }, e: { type: "string", format: "email" }, f: { type: "number", format: "float" } } }, "p")).toEqual({
      type: "object",
      properties: {
        n: { type: "string", enum: ["1", "2"] },
        b: { type: "string", enum: ["true", "false"] },
        s: { type: "string", enum: ["a"], nullable: true },
        d: { type: "string", format: "date-time" },
        e: { type: "string" },
        f: { type: "number", format: "float" },
      },
    });
    expect(toGeminiJsonSchema({ anyOf: [{ $ref: "#/definitions/A", description: "dropped beside a $ref" }], oneOf: [{ type: "string" }] }, "p")).toEqual({ anyOf: [{ type: "string" }] });
  });

  it("does not send penalties or candidateCount to models that refuse the fields, even at their no-op value", () => {
    expect(map({ model: "gemini-2.5-flash", presence_penalty: 0, frequency_penalty: 0, n: 1 })).not.toHaveProperty("generationConfig");
    expect(map({ model: "gemini-2.5-flash", n: 3 }).generationConfig).toEqual({ candidateCount: 3 });
    expect(refusal({ model: "gemini-3-pro-preview", n: 2 })).toMatchObject({ param: "n", message: "parameter 'n' is not supported by Google Gemini model 'gemini-3-pro-preview'" });
    expect(refusal({ model: "gemini-2.5-flash", presence_penalty: 0.5 }).param).toBe("presence_penalty");
  });

  it.each([
    ["gemini-2.5-flash", true],
    ["gemini-2.0-flash", true],
    ["gemini-3-flash-preview", false],
  ])("JSON output with tools on %s is refused: %s", (model, refused) => {
    const body = { model, tools: [{ type: "function", function: { name: "f" } }], response_format: { type: "json_object" } };
    if (refused) expect(refusal(body)).toMatchObject({ param: "response_format", message: `Google Gemini model '${model}' does not take response_format json_object together with tools` });
    else expect(map(body).generationConfig).toEqual({ responseMimeType: "application/json" });
  });

  it.each([
    [{ logprobs: true }, "logprobs"],
    [{ logit_bias: { "1": 2 } }, "logit_bias"],
    [{ parallel_tool_calls: false }, "parallel_tool_calls"],
    [{ bogus: 1 }, "bogus"],
    [{ response_format: { type: "json_schema", json_schema: { name: "x" } } }, "response_format"],
    [{ messages: [{ role: "function", content: "x" }] }, "messages[0].role"],
  ])("refuses %j with a 400 naming %s", (body, param) => {
    expect(refusal(body).param).toBe(param);
  });

  it("drops what OpenAI itself would not let change the answer", () => {
    expect(Object.keys(map({ user: "u", stream_options: { include_usage: true }, n: 1, logprobs: false, parallel_tool_calls: true })).sort()).toEqual(["contents"]);
  });
});
