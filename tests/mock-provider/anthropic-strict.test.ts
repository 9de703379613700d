import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { readSseEvents, startMockProvider, type MockProvider } from "./index";

/** The mock refuses, per model, what api.anthropic.com refuses, with its status and error body. */

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const PNG = "iVBORw0KGgo=";
const post = (body: Record<string, unknown>) =>
  fetch(`${mock.url}/v1/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-api-key": "sk-ant", "anthropic-version": "2023-06-01" },
    body: JSON.stringify({ model: "claude-sonnet-4-5", max_tokens: 100, messages: [{ role: "user", content: "Hi there" }], ...body }),
  });

async function refusal(body: Record<string, unknown>) {
  const res = await post(body);
  expect(res.status).toBe(400);
  const json = await res.json();
  expect(json).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
  return json.error.message as string;
}

const closedSchema = { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false };

describe("mock provider: Anthropic strictness", () => {
  it.each([
    ["claude-sonnet-4-5"], ["claude-haiku-4-5-20251001"], ["claude-opus-4-1"], ["claude-opus-4-6"], ["claude-sonnet-4-6"],
  ])("%s refuses temperature and top_p together", async (model) => {
    expect(await refusal({ model, temperature: 0.5, top_p: 0.9 })).toBe("`temperature` and `top_p` cannot both be specified for this model. Please use only one.");
    expect((await post({ model, temperature: 0.5 })).status).toBe(200);
  });

  it("older models take all three samplers", async () => {
    for (const model of ["claude-3-7-sonnet-latest", "claude-sonnet-4-0", "claude-opus-4-20250514"]) {
      expect((await post({ model, temperature: 0.5, top_p: 0.9, top_k: 40 })).status).toBe(200);
    }
  });

  it("models after Opus 4.6 take temperature only at 1, top_p only from 0.99, top_k never", async () => {
    const model = "claude-opus-4-7";
    expect(await refusal({ model, temperature: 0.5 })).toBe("`temperature` is deprecated for this model.");
    expect(await refusal({ model, top_p: 0.9 })).toBe("`top_p` is deprecated for this model.");
    expect(await refusal({ model, top_k: 40 })).toBe("`top_k` is deprecated for this model.");
    expect((await post({ model, temperature: 1, top_p: 0.99 })).status).toBe(200);
  });

  it("refuses empty and whitespace-only stop sequences", async () => {
    expect(await refusal({ stop_sequences: ["\n"] })).toBe("stop_sequences: each stop sequence must contain non-whitespace");
    expect(await refusal({ stop_sequences: ["END", ""] })).toBe("stop_sequences: each stop sequence must be non-empty");
  });

  it("refuses empty and whitespace-only text blocks, in either role", async () => {
    const messages = [{ role: "user", content: "Weather?" }, { role: "assistant", content: [{ type: "text", text: "\n\n" }, { type: "tool_use", id: "t1", name: "w", input: {} }] }, { role: "user", content: [{ type: "tool_result", tool_use_id: "t1", content: "18C" }] }];
    expect(await refusal({ messages })).toBe("messages: text content blocks must contain non-whitespace text");
    expect(await refusal({ messages: [{ role: "user", content: [{ type: "text", text: "" }] }] })).toBe("messages: text content blocks must be non-empty");
  });

  it("refuses a prefill on models that have none, and a prefill ending in whitespace on the others", async () => {
    const messages = [{ role: "user", content: "Colour?" }, { role: "assistant", content: "The colour is" }];
    for (const model of ["claude-opus-4-6", "claude-sonnet-4-6", "claude-opus-4-7"]) {
      expect(await refusal({ model, messages })).toBe("This model does not support assistant message prefill. The conversation must end with a user message.");
    }
    const res = await post({ model: "claude-sonnet-4-5", messages });
    expect(res.status).toBe(200);
    expect(await refusal({ messages: [messages[0], { role: "assistant", content: "The colour is " }] })).toBe("messages: final assistant content cannot end with trailing whitespace");
  });

  it("refuses image types the API does not list", async () => {
    const messages = [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/jpg", data: PNG } }] }];
    expect(await refusal({ messages })).toBe("messages.0.content.0.image.source.base64.media_type: Input should be 'image/jpeg', 'image/png', 'image/gif' or 'image/webp'");
  });

  it("refuses fields the Messages API does not have", async () => {
    expect(await refusal({ output_format: { type: "json_schema", schema: closedSchema } })).toBe("output_format: Extra inputs are not permitted");
    expect(await refusal({ response_format: { type: "json_object" } })).toBe("response_format: Extra inputs are not permitted");
  });

  it("checks output_config.format and answers JSON matching its schema", async () => {
    expect(await refusal({ output_config: { format: { type: "json_object" } } })).toBe("output_config.format.type: Input should be 'json_schema'");
    expect(await refusal({ output_config: { format: { type: "json_schema", schema: { type: "object", properties: {} } } } })).toBe(
      "output_config.format.schema: For 'object' type, 'additionalProperties' must be explicitly set to false",
    );
    expect(await refusal({ output_config: { format: { type: "json_schema", schema: { type: "object", properties: { a: { type: "object" } }, additionalProperties: false } } } })).toMatch(/additionalProperties/);
    expect(await refusal({ model: "claude-opus-4-1", output_config: { format: { type: "json_schema", schema: closedSchema } } })).toMatch(/not supported/);
    const res = await post({ output_config: { format: { type: "json_schema", schema: closedSchema } } });
    expect(res.status).toBe(200);
    const message = await res.json();
    expect(JSON.parse(message.content[0].text)).toEqual({ city: "mock" });
  });

  it.each(["refusal", "pause_turn", "model_context_window_exceeded"])("answers the newer stop reason %s, streamed or not", async (reason) => {
    mock.setBehavior({ finishReason: reason });
    expect(await (await post({})).json()).toMatchObject({ stop_reason: reason });
    const events = await readSseEvents((await post({ stream: true })).body!);
    expect(JSON.parse(events.at(-2)!.data)).toMatchObject({ delta: { stop_reason: reason } });
  });
});
