import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readSseEvents, startMockProvider, type MockProvider } from "./index";

/** The mock's Gemini routes refuse what the real API refuses, per model, with Google's bodies. */

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const USER = { role: "user", parts: [{ text: "Weather?" }] };
const call = (model: string, body: Record<string, unknown>, { method = "generateContent", key = "AIza" } = {}) =>
  fetch(`${mock.url}/v1beta/models/${model}:${method}${method === "streamGenerateContent" ? "?alt=sse" : ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-goog-api-key": key },
    body: JSON.stringify({ contents: [USER], ...body }),
  });
const refusal = async (response: Response) => ({ status: response.status, error: ((await response.json()) as { error: Record<string, unknown> }).error });
const invalid = (message: string) => ({ status: 400, error: { code: 400, message, status: "INVALID_ARGUMENT" } });

const TOOL = { functionDeclarations: [{ name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } } } }] };

describe("mock Gemini: model rules", () => {
  it("refuses penalties except on Gemini 2.0 Flash", async () => {
    expect(await refusal(await call("gemini-2.5-flash", { generationConfig: { presencePenalty: 0.5 } }))).toEqual(invalid("Penalty is not enabled for models/gemini-2.5-flash"));
    expect((await call("gemini-2.0-flash", { generationConfig: { presencePenalty: 0.5, frequencyPenalty: 0.1 } })).status).toBe(200);
  });

  it("refuses several candidates on Gemini 3", async () => {
    expect(await refusal(await call("gemini-3-flash-preview", { generationConfig: { candidateCount: 2 } }))).toEqual(invalid("Multiple candidates is not enabled for this model"));
    expect((await call("gemini-2.5-flash", { generationConfig: { candidateCount: 2 } })).status).toBe(200);
  });

  it("refuses JSON output with function calling before Gemini 3", async () => {
    const body = { tools: [TOOL], generationConfig: { responseMimeType: "application/json" } };
    expect(await refusal(await call("gemini-2.5-pro", body))).toEqual(invalid("Function calling with a response mime type: 'application/json' is unsupported"));
    expect((await call("gemini-3-pro-preview", body)).status).toBe(200);
  });

  it("answers a bad key with Google's 400 API_KEY_INVALID body", async () => {
    const { status, error } = await refusal(await call("gemini-2.5-flash", {}, { key: "bad-key" }));
    expect(status).toBe(400);
    expect(error).toMatchObject({ status: "INVALID_ARGUMENT", message: "API key not valid. Please pass a valid API key.", details: [{ reason: "API_KEY_INVALID" }, {}] });
  });
});

describe("mock Gemini: the Schema subset", () => {
  const withParameters = (parameters: Record<string, unknown>) => ({ tools: [{ functionDeclarations: [{ name: "f", parameters }] }] });

  it.each([
    [{ type: "object", properties: { n: { type: "integer", enum: [1, 2] } } }, "Invalid value at 'request.tools[0].function_declarations[0].parameters.properties[0].value.enum[0]' (TYPE_STRING), 1"],
    [{ type: "object", properties: { k: { const: "cat" } } }, `Invalid JSON payload received. Unknown name "const" at 'tools[0].function_declarations[0].parameters.properties[0].value': Cannot find field.`],
    [{ type: "object", properties: { k: { enum: ["a"] } } }, "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[k].enum: only allowed for STRING type"],
    [{ type: "object", properties: { u: { type: "string", format: "uri" } } }, "* GenerateContentRequest.tools[0].function_declarations[0].parameters.properties[u].format: only 'enum' and 'date-time' are supported for STRING type"],
    [{ type: "object", additionalProperties: false }, `Invalid JSON payload received. Unknown name "additionalProperties" at 'tools[0].function_declarations[0].parameters': Cannot find field.`],
  ])("refuses %j", async (parameters, message) => {
    expect(await refusal(await call("gemini-2.0-flash", withParameters(parameters)))).toEqual(invalid(message));
  });

  it("takes full JSON Schema in parametersJsonSchema and responseJsonSchema", async () => {
    const schema = { type: "object", properties: { n: { type: "integer", enum: [1, 2] } }, additionalProperties: false };
    expect((await call("gemini-2.5-flash", { tools: [{ functionDeclarations: [{ name: "f", parametersJsonSchema: schema }] }] })).status).toBe(200);
    expect((await call("gemini-2.5-flash", { generationConfig: { responseMimeType: "application/json", responseJsonSchema: schema } })).status).toBe(200);
  });
});

describe("mock Gemini: thought signatures", () => {
  const toolCalls = [{ name: "get_weather", arguments: { city: "Paris" } }, { name: "get_weather", arguments: { city: "Rome" } }];

  it("signs the first of a thinking model's function calls, streamed or not", async () => {
    mock.setBehavior({ toolCalls });
    const answer = (await (await call("gemini-3-flash-preview", { tools: [TOOL] })).json()) as { candidates: Array<{ content: { parts: Array<Record<string, unknown>> } }> };
    const [first, second] = answer.candidates[0].content.parts;
    expect(first.thoughtSignature).toEqual(expect.any(String));
    expect(second).not.toHaveProperty("thoughtSignature");
    const events = await readSseEvents((await call("gemini-3-flash-preview", { tools: [TOOL] }, { method: "streamGenerateContent" })).body!);
    expect(JSON.parse(events[0].data).candidates[0].content.parts[0].thoughtSignature).toEqual(expect.any(String));
    // Gemini 2.0 does not think: no signature.
    const plain = (await (await call("gemini-2.0-flash", { tools: [TOOL] })).json()) as typeof answer;
    expect(plain.candidates[0].content.parts[0]).not.toHaveProperty("thoughtSignature");
  });

  it("sends a thought part before the answer when the behaviour has one", async () => {
    mock.setBehavior({ thoughts: "Thinking about it", content: "Sunny" });
    const answer = (await (await call("gemini-3-flash-preview", {})).json()) as { candidates: Array<{ content: { parts: unknown[] } }> };
    expect(answer.candidates[0].content.parts).toEqual([{ text: "Thinking about it", thought: true }, { text: "Sunny", thoughtSignature: expect.any(String) }]);
  });

  it("refuses, on Gemini 3, a current turn whose function call lost its signature; accepts the real one and the documented bypass", async () => {
    mock.setBehavior({ toolCalls: [toolCalls[0]] });
    const answer = (await (await call("gemini-3-flash-preview", { tools: [TOOL] })).json()) as { candidates: Array<{ content: { parts: Array<Record<string, unknown>> } }> };
    const signed = answer.candidates[0].content.parts[0];
    const history = (part: Record<string, unknown>) => ({
      tools: [TOOL],
      contents: [USER, { role: "model", parts: [part] }, { role: "user", parts: [{ functionResponse: { name: "get_weather", response: { temp: 18 } } }] }],
    });
    mock.setBehavior(null);
    expect(await refusal(await call("gemini-3-flash-preview", history({ functionCall: signed.functionCall })))).toEqual(
      invalid(
        "Function call is missing a thought_signature in functionCall parts. This is required for tools to work correctly, and missing thought_signature may lead to degraded model performance. Additional data, function call `default_api:get_weather` , position 2. Please refer to https://ai.google.dev/gemini-api/docs/thought-signatures for more details.",
      ),
    );
    expect((await call("gemini-3-flash-preview", history(signed))).status).toBe(200);
    expect((await call("gemini-3-flash-preview", history({ ...signed, thoughtSignature: "skip_thought_signature_validator" }))).status).toBe(200);
    expect((await call("gemini-3-flash-preview", history({ ...signed, thoughtSignature: "bm90IG1pbmU=" }))).status).toBe(400);
    // Gemini 2.5 does not enforce it.
    expect((await call("gemini-2.5-flash", history({ functionCall: signed.functionCall }))).status).toBe(200);
  });
});

describe("mock Gemini: finish reasons", () => {
  it.each(["MALFORMED_FUNCTION_CALL", "UNEXPECTED_TOOL_CALL", "TOO_MANY_TOOL_CALLS", "LANGUAGE", "OTHER", "IMAGE_SAFETY"])("sends %s as is", async (reason) => {
    mock.setBehavior({ finishReason: reason });
    const answer = (await (await call("gemini-2.5-flash", {})).json()) as { candidates: Array<{ finishReason: string }> };
    expect(answer.candidates[0].finishReason).toBe(reason);
  });
});
