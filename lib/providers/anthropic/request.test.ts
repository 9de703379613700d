import { describe, expect, it } from "vitest";
import { mappingRefusal, PNG } from "@/tests/fixtures/native-requests";
import { ANTHROPIC_DEFAULT_MAX_TOKENS, toAnthropicRequest } from "./request";

const base = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }] };
const map = (body: Record<string, unknown>, stream = false) => toAnthropicRequest({ ...base, ...body }, stream);

const refusal = (body: Record<string, unknown>) => mappingRefusal(() => map(body));

describe("OpenAI request → Anthropic Messages", () => {
  it("hoists system and developer messages into `system` and keeps roles and order", () => {
    const request = map({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "developer", content: [{ type: "text", text: "Answer in French." }] },
        { role: "user", content: "Hi" },
        { role: "assistant", content: "Bonjour" },
        { role: "user", content: "Again" },
      ],
    });
    expect(request.system).toBe("Be brief.\n\nAnswer in French.");
    expect(request.messages).toEqual([
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Bonjour" },
      { role: "user", content: "Again" },
    ]);
  });

  it("merges consecutive turns of one role so user and assistant alternate", () => {
    const request = map({ messages: [{ role: "user", content: "One" }, { role: "user", content: "Two" }, { role: "assistant", content: "" }] });
    expect(request.messages).toEqual([{ role: "user", content: [{ type: "text", text: "One" }, { type: "text", text: "Two" }] }]);
  });

  it("defaults max_tokens (Anthropic requires it) and prefers max_completion_tokens", () => {
    expect(map({}).max_tokens).toBe(ANTHROPIC_DEFAULT_MAX_TOKENS);
    expect(ANTHROPIC_DEFAULT_MAX_TOKENS).toBe(4096);
    expect(map({ max_tokens: 50 }).max_tokens).toBe(50);
    expect(map({ max_tokens: 50, max_completion_tokens: 70 }).max_tokens).toBe(70);
  });

  it("maps sampling settings, stop sequences, user and the stream flag", () => {
    // Claude 3 models take all three samplers together; later ones do not (model-families.ts).
    expect(map({ model: "claude-3-7-sonnet-latest", temperature: 0.3, top_p: 0.9, top_k: 40, stop: "END", user: "u-1" }, true)).toMatchObject({
      temperature: 0.3,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ["END"],
      metadata: { user_id: "u-1" },
      stream: true,
    });
    expect(map({ stop: ["A", "B"] }).stop_sequences).toEqual(["A", "B"]);
    expect(map({}).stop_sequences).toBeUndefined();
  });

  it("leaves out empty stop sequences, which match nothing (the API refuses them)", () => {
    expect(map({ stop: ["", "END"] }).stop_sequences).toEqual(["END"]);
    expect(map({ stop: [""] })).not.toHaveProperty("stop_sequences");
    expect(map({ stop: "" })).not.toHaveProperty("stop_sequences");
  });

  it("never sends a whitespace-only text block, such as Claude's own \"\\n\\n\" before a tool call, replayed", () => {
    const request = map({
      messages: [
        { role: "user", content: [{ type: "text", text: "Weather?" }, { type: "text", text: "  " }] },
        { role: "assistant", content: "\n\n", tool_calls: [{ id: "toolu_1", type: "function", function: { name: "get_weather", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "toolu_1", content: "18C" },
        { role: "assistant", content: [{ type: "text", text: "\n" }, { type: "text", text: "It is 18C." }] },
        { role: "user", content: "Thanks" },
      ],
    });
    expect(request.messages).toEqual([
      { role: "user", content: "Weather?" },
      { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: {} }] },
      { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "18C" }] },
      { role: "assistant", content: "It is 18C." },
      { role: "user", content: "Thanks" },
    ]);
  });

  it("sends a prefill without the trailing whitespace the API refuses", () => {
    const request = map({ model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Name a colour" }, { role: "assistant", content: "The colour is " }] });
    expect(request.messages).toEqual([
      { role: "user", content: "Name a colour" },
      { role: "assistant", content: "The colour is" },
    ]);
  });

  it("maps json_schema to structured outputs (output_config.format), closing every object as the API requires", () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, description: "Full name" },
        tags: { type: "array", items: { type: "object", properties: { id: { type: "integer", minimum: 0 } } }, maxItems: 3 },
        kind: { oneOf: [{ type: "string", enum: ["a", "b"] }, { type: "null" }] },
      },
      required: ["name"],
      additionalProperties: true,
    };
    const request = map({ model: "claude-sonnet-4-5", response_format: { type: "json_schema", json_schema: { name: "person", strict: true, schema } } });
    expect(request).not.toHaveProperty("response_format");
    expect(request.output_config).toEqual({
      format: {
        type: "json_schema",
        schema: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", description: 'Full name\n\n{minLength: 1}' },
            tags: {
              type: "array",
              items: { type: "object", properties: { id: { type: "integer", description: "{minimum: 0}" } }, additionalProperties: false },
              description: "{maxItems: 3}",
            },
            kind: { anyOf: [{ type: "string", enum: ["a", "b"] }, { type: "null" }] },
          },
          additionalProperties: false,
        },
      },
    });
    expect(map({ model: "claude-opus-4-7", response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } } }).output_config).toEqual({
      format: { type: "json_schema", schema: { type: "object", properties: {}, additionalProperties: false } },
    });
    expect(map({ response_format: { type: "text" } })).not.toHaveProperty("output_config");
  });

  it("normalises image/jpg to the image/jpeg the API lists", () => {
    const request = map({ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: `data:image/jpg;base64,${PNG}` } }] }] });
    expect(request.messages).toEqual([{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/jpeg", data: PNG } }] }]);
  });

  it("maps base64 and URL images to image blocks", () => {
    const request = map({
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
            { type: "image_url", image_url: { url: "https://example.com/cat.jpg", detail: "high" } },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "text", text: "What is this?" },
          { type: "image", source: { type: "base64", media_type: "image/png", data: PNG } },
          { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } },
        ],
      },
    ]);
  });

  it("maps function tools and every tool_choice form", () => {
    const tools = [
      { type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } },
      { type: "function", function: { name: "now" } },
    ];
    const request = map({ tools, tool_choice: "auto" });
    expect(request.tools).toEqual([
      { name: "get_weather", description: "Weather", input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
      { name: "now", input_schema: { type: "object", properties: {} } },
    ]);
    expect(request.tool_choice).toEqual({ type: "auto" });
    expect(map({ tools, tool_choice: "required" }).tool_choice).toEqual({ type: "any" });
    expect(map({ tools, tool_choice: "none" }).tool_choice).toEqual({ type: "none" });
    expect(map({ tools, tool_choice: { type: "function", function: { name: "now" } } }).tool_choice).toEqual({ type: "tool", name: "now" });
    expect(map({ tools, parallel_tool_calls: false }).tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: true });
    expect(map({ tools }).tool_choice).toBeUndefined();
    expect(map({ tool_choice: "auto" })).not.toHaveProperty("tool_choice");
    expect(refusal({ tools, tool_choice: { type: "function", function: { name: "nope" } } }).param).toBe("tool_choice");
  });

  it("turns assistant tool calls into tool_use blocks and tool results into one user turn", () => {
    const request = map({
      messages: [
        { role: "user", content: "Weather in Paris and Rome?" },
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "toolu_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "18C" },
        { role: "tool", tool_call_id: "toolu_2", content: [{ type: "text", text: "21C" }] },
      ],
    });
    expect(request.messages).toEqual([
      { role: "user", content: "Weather in Paris and Rome?" },
      {
        role: "assistant",
        content: [
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
          { type: "tool_use", id: "toolu_2", name: "get_weather", input: { city: "Rome" } },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_1", content: "18C" },
          { type: "tool_result", tool_use_id: "toolu_2", content: "21C" },
        ],
      },
    ]);
  });

  it.each([
    [{ seed: 1 }, "seed"],
    [{ presence_penalty: 0.5 }, "presence_penalty"],
    [{ frequency_penalty: 1 }, "frequency_penalty"],
    [{ logit_bias: { "50256": -100 } }, "logit_bias"],
    [{ n: 2 }, "n"],
    [{ logprobs: true }, "logprobs"],
    [{ response_format: { type: "json_object" } }, "response_format"],
    [{ model: "claude-3-7-sonnet-latest", response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } } }, "response_format"],
    [{ model: "claude-opus-4-1", response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } } }, "response_format"],
    [{ response_format: { type: "json_schema", json_schema: { name: "x" } } }, "response_format"],
    [{ stop: "\n" }, "stop"],
    [{ stop: ["END", " \n\t"] }, "stop"],
    [{ messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: `data:image/bmp;base64,${PNG}` } }] }] }, "messages[0].content"],
    [{ temperature: 1.5 }, "temperature"],
    [{ bogus_option: true }, "bogus_option"],
    [{ messages: [{ role: "user", content: [{ type: "input_audio", input_audio: { data: "", format: "wav" } }] }] }, "messages[0].content[0]"],
    [{ messages: [{ role: "assistant", tool_calls: [{ id: "a", type: "function", function: { name: "f", arguments: "{oops" } }] }] }, "messages[0].tool_calls[0]"],
  ])("refuses %j with a 400 naming %s", (body, param) => {
    const error = refusal(body);
    expect(error.param).toBe(param);
    expect(error.message).toContain(param.replace(/\[.*$/, ""));
  });

  it("accepts the no-op values of settings Anthropic lacks and drops OpenAI bookkeeping", () => {
    const request = map({ presence_penalty: 0, frequency_penalty: 0, n: 1, logprobs: false, stream_options: { include_usage: true }, store: false });
    expect(Object.keys(request).sort()).toEqual(["max_tokens", "messages", "model", "stream"]);
  });
});
