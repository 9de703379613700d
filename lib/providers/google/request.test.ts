import { describe, expect, it } from "vitest";
import { mappingRefusal, PNG } from "@/tests/fixtures/native-requests";
import { REPLAYED_CALL_SIGNATURE, guessMimeType } from "./contents";
import { toGeminiRequest } from "./request";
import { toGeminiSchema } from "./schema";

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
          { functionCall: { name: "get_weather", args: { city: "Paris" } }, thoughtSignature: REPLAYED_CALL_SIGNATURE },
          { functionCall: { name: "now", args: {} }, thoughtSignature: REPLAYED_CALL_SIGNATURE },
        ],
      },
      {
        role: "user",
        parts: [{ functionResponse: { name: "get_weather", response: { temp: 18 } } }, { functionResponse: { name: "now", response: { content: "noon" } } }],
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
          kind: { enum: ["cat"] },
          owner: { type: "object", properties: { id: { anyOf: [{ type: "string" }, { type: "number" }] } } },
        },
        required: ["name"],
      },
    });
    expect(() => toGeminiSchema({ $ref: "#/$defs/Loop", $defs: { Loop: { $ref: "#/$defs/Loop" } } }, "response_format")).toThrow(/too deeply/);
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
