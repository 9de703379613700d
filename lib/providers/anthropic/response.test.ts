import { describe, expect, it } from "vitest";
import { translateStream } from "../native/translate-stream";
import { assembleText, assembleToolCalls, readTranslated, streamOf } from "@/tests/fixtures/native-streams";
import { finishReasonOf } from "./finish-reason";
import { errorMidStream, textMessage, textStream, toolMessage, toolStream } from "@/tests/fixtures/anthropic";
import { toOpenAICompletion, usageOf } from "./response";
import { newAnthropicStreamTranslator } from "./stream";

const translate = (text: string, size = 0) =>
  readTranslated(translateStream(streamOf(text, size), newAnthropicStreamTranslator("claude-x"), (e) => String(e)));

describe("Anthropic Message → OpenAI chat.completion", () => {
  it("answers text with id, model, message, finish reason and usage", () => {
    const completion = toOpenAICompletion(textMessage, "claude-x");
    expect(completion).toMatchObject({
      id: "chatcmpl-msg_01XFDUDYJgAACzvnptvVoYEL",
      object: "chat.completion",
      model: "claude-sonnet-4-5-20250929",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello! How can I help?", refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: 25, completion_tokens: 7, total_tokens: 32 },
    });
    expect(completion?.created).toBeGreaterThan(1_700_000_000);
    expect(completion?.choices[0].message).not.toHaveProperty("tool_calls");
  });

  it("turns tool_use blocks into tool_calls with JSON-string arguments and Anthropic's ids", () => {
    const completion = toOpenAICompletion(toolMessage, "claude-x");
    expect(completion?.choices[0]).toMatchObject({
      message: {
        content: "I'll check the weather.",
        tool_calls: [
          { id: "toolu_01A09q90qw90lq917835lq9", type: "function", function: { name: "get_weather", arguments: '{"location":"San Francisco, CA","unit":"celsius"}' } },
        ],
      },
      finish_reason: "tool_calls",
    });
    const onlyTool = toOpenAICompletion({ ...toolMessage, content: [toolMessage.content[1]] }, "claude-x");
    expect(onlyTool?.choices[0].message.content).toBeNull();
  });

  it.each([
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["max_tokens", "length"],
    ["model_context_window_exceeded", "length"],
    ["tool_use", "tool_calls"],
    ["refusal", "content_filter"],
    ["pause_turn", "stop"],
    [null, "stop"],
  ])("maps stop_reason %s to finish_reason %s", (reason, finish) => {
    expect(finishReasonOf(reason)).toBe(finish);
  });

  it("counts cached prompt tokens into prompt_tokens, as OpenAI does", () => {
    expect(usageOf({ input_tokens: 10, cache_creation_input_tokens: 5, cache_read_input_tokens: 100, output_tokens: 3 })).toEqual({
      prompt_tokens: 115,
      completion_tokens: 3,
      total_tokens: 118,
      prompt_tokens_details: { cached_tokens: 100 },
    });
  });

  it("rejects a body that is not a Message", () => {
    expect(toOpenAICompletion({ foo: 1 }, "m")).toBeNull();
  });
});

describe("Anthropic stream → OpenAI chunks", () => {
  it("streams the role first, then text deltas, then finish reason with usage and [DONE]", async () => {
    const { events, chunks, error } = await translate(textStream);
    expect(error).toBeNull();
    expect(events.at(-1)?.data).toBe("[DONE]");
    expect(chunks.every((c) => c.id === "chatcmpl-msg_01XFDUDYJgAACzvnptvVoYEL" && c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.map((c) => c.choices[0].delta)).toEqual([{ role: "assistant", content: "" }, { content: "Hello" }, { content: "! How can I help?" }, {}]);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { prompt_tokens: 25, completion_tokens: 7, total_tokens: 32 } });
    expect(chunks.slice(0, -1).every((c) => c.choices[0].finish_reason === null && !("usage" in c))).toBe(true);
  });

  it.each([1, 5, 17])("gives the same chunks when the bytes arrive %i at a time", async (size) => {
    const whole = await translate(textStream);
    const split = await translate(textStream, size);
    expect(split.chunks.map((c) => c.choices)).toEqual(whole.chunks.map((c) => c.choices));
  });

  it("reassembles input_json_delta fragments into the tool_calls of the JSON answer", async () => {
    const { chunks, error } = await translate(toolStream, 9);
    expect(error).toBeNull();
    const reference = toOpenAICompletion(toolMessage, "claude-x")!.choices[0].message.tool_calls!;
    const streamed = assembleToolCalls(chunks);
    expect(streamed.map((c) => ({ ...c, function: { ...c.function, arguments: JSON.parse(c.function.arguments) } }))).toEqual(
      reference.map((c) => ({ ...c, function: { ...c.function, arguments: JSON.parse(c.function.arguments) } })),
    );
    const first = chunks.find((c) => c.choices[0].delta.tool_calls)!.choices[0].delta.tool_calls[0];
    expect(first).toEqual({ index: 0, id: "toolu_01A09q90qw90lq917835lq9", type: "function", function: { name: "get_weather", arguments: "" } });
    expect(assembleText(chunks)).toBe("I'll check the weather.");
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "tool_calls" }], usage: { prompt_tokens: 472, completion_tokens: 89 } });
  });

  it("sends {} as the arguments of a call streamed without input", async () => {
    const noInput = toolStream.replace(/event: content_block_delta\ndata: \{[^\n]*input_json_delta[^\n]*\n\n/g, "");
    const { chunks } = await translate(noInput);
    expect(assembleToolCalls(chunks)[0].function.arguments).toBe("{}");
  });

  it("delivers what came before an in-stream error, then errors with the provider's message", async () => {
    const { chunks, error, events } = await translate(errorMidStream);
    expect(assembleText(chunks)).toBe("Partial");
    expect(events.some((e) => e.data === "[DONE]")).toBe(false);
    expect(error?.message).toBe("Anthropic error: Overloaded (overloaded_error)");
  });

  it("errors when the stream ends before message_stop", async () => {
    const truncated = textStream.slice(0, textStream.indexOf("event: message_delta"));
    const { error, chunks } = await translate(truncated);
    expect(assembleText(chunks)).toBe("Hello! How can I help?");
    expect(error?.message).toMatch(/ended before message_stop/);
  });
});
