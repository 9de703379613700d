import { describe, expect, it } from "vitest";
import { translateStream } from "../native/translate-stream";
import { assembleText, assembleToolCalls, readTranslated, sse, streamOf } from "@/tests/fixtures/native-streams";
import { FinishReason } from "@google/genai";
import { finishOf } from "./finish-reason";
import { errorMidStream, textResponse, textStream, toolResponse, toolStream } from "@/tests/fixtures/google";
import { toOpenAICompletion, usageOf } from "./response";
import { newGeminiStreamTranslator } from "./stream";

const translate = (text: string, size = 0) =>
  readTranslated(translateStream(streamOf(text, size), newGeminiStreamTranslator("gemini-x"), (e) => String(e)));

describe("Gemini GenerateContentResponse → OpenAI chat.completion", () => {
  it("answers text with an id from responseId, the model version, finish reason and usage", () => {
    expect(toOpenAICompletion(textResponse, "gemini-x")).toMatchObject({
      id: "chatcmpl-mcVnaJ3qBr2Vz7IPp5Gb0QM",
      object: "chat.completion",
      model: "gemini-2.0-flash-001",
      choices: [{ index: 0, message: { role: "assistant", content: "Hello there!", refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: 8, completion_tokens: 3, total_tokens: 11 },
    });
  });

  it("turns functionCall parts into tool_calls with stable ids and finish_reason tool_calls", () => {
    const completion = toOpenAICompletion(toolResponse, "gemini-x");
    expect(completion?.choices[0]).toMatchObject({
      message: {
        content: null,
        tool_calls: [
          { id: "call_tOolRespId01_0", type: "function", function: { name: "get_weather", arguments: '{"location":"Paris","unit":"celsius"}' } },
          { id: "call_tOolRespId01_1", type: "function", function: { name: "get_time", arguments: "{}" } },
        ],
      },
      finish_reason: "tool_calls",
    });
    // Read twice, the same ids: they derive from the response, not from chance.
    expect(toOpenAICompletion(toolResponse, "gemini-x")?.choices[0].message.tool_calls).toEqual(completion?.choices[0].message.tool_calls);
    const withIds = structuredClone(toolResponse) as typeof toolResponse;
    (withIds.candidates[0].content.parts[0].functionCall as Record<string, unknown>).id = "fc_given";
    expect(toOpenAICompletion(withIds, "m")?.choices[0].message.tool_calls?.[0].id).toBe("fc_given");
  });

  it("answers every candidate as a choice (n > 1) and a blocked prompt as content_filter", () => {
    const two = { ...textResponse, candidates: [{ ...textResponse.candidates[0], index: 1, content: { parts: [{ text: "B" }], role: "model" } }, textResponse.candidates[0]] };
    expect(toOpenAICompletion(two, "m")?.choices.map((c) => [c.index, c.message.content])).toEqual([[0, "Hello there!"], [1, "B"]]);
    const blocked = { promptFeedback: { blockReason: "SAFETY" }, usageMetadata: { promptTokenCount: 5, totalTokenCount: 5 } };
    expect(toOpenAICompletion(blocked, "m")?.choices[0]).toMatchObject({ message: { content: "" }, finish_reason: "content_filter" });
    expect(toOpenAICompletion({ foo: 1 }, "m")).toBeNull();
  });

  it("leaves thought summaries out of the answer and counts thinking as completion tokens", () => {
    const thinking = { ...textResponse, candidates: [{ ...textResponse.candidates[0], content: { parts: [{ text: "hmm", thought: true }, { text: "42" }], role: "model" } }] };
    expect(toOpenAICompletion(thinking, "m")?.choices[0].message.content).toBe("42");
    expect(usageOf({ promptTokenCount: 10, candidatesTokenCount: 5, thoughtsTokenCount: 20, totalTokenCount: 35, cachedContentTokenCount: 4 })).toEqual({
      prompt_tokens: 10,
      completion_tokens: 25,
      total_tokens: 35,
      prompt_tokens_details: { cached_tokens: 4 },
      completion_tokens_details: { reasoning_tokens: 20 },
    });
  });

  it.each([
    ["STOP", false, { finishReason: "stop" }],
    ["MAX_TOKENS", false, { finishReason: "length" }],
    ["SAFETY", false, { finishReason: "content_filter", nativeReason: "SAFETY" }],
    ["RECITATION", false, { finishReason: "content_filter", nativeReason: "RECITATION" }],
    ["LANGUAGE", false, { finishReason: "content_filter", nativeReason: "LANGUAGE" }],
    ["IMAGE_PROHIBITED_CONTENT", false, { finishReason: "content_filter", nativeReason: "IMAGE_PROHIBITED_CONTENT" }],
    ["STOP", true, { finishReason: "tool_calls" }],
    ["OTHER", false, { failure: { code: "OTHER", message: "the answer ended with OTHER: generation stopped for an unspecified reason" } }],
    ["MALFORMED_FUNCTION_CALL", true, { failure: { code: "MALFORMED_FUNCTION_CALL", message: "the answer ended with MALFORMED_FUNCTION_CALL: the function call the model generated is invalid" } }],
  ])("maps finishReason %s (function call: %s) to %j", (reason, called, outcome) => {
    expect(finishOf(reason, called)).toEqual(outcome);
  });

  it("never turns a reason of Google's FinishReason list other than STOP into a plain stop", () => {
    for (const reason of Object.values(FinishReason).filter((r) => r !== FinishReason.STOP)) {
      expect(finishOf(reason, false), reason).not.toEqual({ finishReason: "stop" });
    }
  });

  it("fails an answer that ended on a broken function call, keeping Gemini's reason and message", () => {
    const malformed = { ...textResponse, candidates: [{ content: { parts: [] }, finishReason: "MALFORMED_FUNCTION_CALL", finishMessage: "Malformed function call: print(", index: 0 }] };
    expect(() => toOpenAICompletion(malformed, "m")).toThrow(expect.objectContaining({ code: "MALFORMED_FUNCTION_CALL", message: "the answer ended with MALFORMED_FUNCTION_CALL: Malformed function call: print(" }));
    const filtered = { ...textResponse, candidates: [{ ...textResponse.candidates[0], finishReason: "RECITATION" }] };
    expect(toOpenAICompletion(filtered, "m")?.choices[0]).toMatchObject({ finish_reason: "content_filter", native_finish_reason: "RECITATION" });
  });

  it("carries a call's thought signature in the tool call id and in extra_content", () => {
    const signed = structuredClone(toolResponse) as typeof toolResponse;
    (signed.candidates[0].content.parts[0] as Record<string, unknown>).thoughtSignature = "c2lnLWE=";
    const [first, second] = toOpenAICompletion(signed, "m")?.choices[0].message.tool_calls ?? [];
    expect(first).toEqual({ id: "call_tOolRespId01_0.sig.c2lnLWE=", type: "function", function: expect.any(Object), extra_content: { google: { thought_signature: "c2lnLWE=" } } });
    expect(second).toEqual({ id: "call_tOolRespId01_1", type: "function", function: expect.any(Object) });
  });
});

describe("Gemini stream → OpenAI chunks", () => {
  it("streams role, text deltas, then the finish chunk with usage and [DONE], under one id", async () => {
    const { events, chunks, error } = await translate(textStream);
    expect(error).toBeNull();
    expect(events.at(-1)?.data).toBe("[DONE]");
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set(["chatcmpl-mcVnaJ3qBr2Vz7IPp5Gb0QM"]));
    expect(chunks.map((c) => c.choices[0].delta)).toEqual([{ role: "assistant", content: "" }, { content: "Hello" }, { content: " there!" }, {}]);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { prompt_tokens: 8, completion_tokens: 3, total_tokens: 11 } });
  });

  it.each([1, 4, 33])("handles CRLF events split %i bytes at a time", async (size) => {
    expect((await translate(textStream, size)).chunks.map((c) => c.choices)).toEqual((await translate(textStream)).chunks.map((c) => c.choices));
  });

  it("reassembles streamed function calls into the tool_calls of the JSON answer", async () => {
    const { chunks, error } = await translate(toolStream, 10);
    expect(error).toBeNull();
    expect(assembleToolCalls(chunks)).toEqual(toOpenAICompletion(toolResponse, "m")?.choices[0].message.tool_calls);
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "tool_calls" }], usage: { total_tokens: 52 } });
  });

  it("streams several candidates as indexed choices", async () => {
    const both = sse([{ data: { candidates: [{ content: { parts: [{ text: "A" }] }, index: 0 }, { content: { parts: [{ text: "B" }] }, index: 1 }], responseId: "r" } }, { data: { candidates: [{ finishReason: "STOP", index: 0 }, { finishReason: "MAX_TOKENS", index: 1 }], usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 2, totalTokenCount: 3 }, responseId: "r" } }]);
    const { chunks } = await translate(both);
    expect([assembleText(chunks, 0), assembleText(chunks, 1)]).toEqual(["A", "B"]);
    const finals = chunks.filter((c) => c.choices[0].finish_reason);
    expect(finals.map((c) => [c.choices[0].index, c.choices[0].finish_reason, "usage" in c])).toEqual([[0, "stop", false], [1, "length", true]]);
  });

  it("delivers what came before an error chunk, then errors with Google's message", async () => {
    const { chunks, error, events } = await translate(errorMidStream);
    expect(assembleText(chunks)).toBe("Partial");
    expect(events.some((e) => e.data === "[DONE]")).toBe(false);
    expect(error?.message).toBe("Google Gemini error: The model is overloaded. Please try again later. (UNAVAILABLE)");
  });

  it("delivers the text, then errors naming a finish reason that leaves no usable answer", async () => {
    const cut = sse([{ data: { candidates: [{ content: { parts: [{ text: "Let me" }] }, index: 0 }], responseId: "r" } }, { data: { candidates: [{ finishReason: "TOO_MANY_TOOL_CALLS", index: 0 }], responseId: "r" } }]);
    const { chunks, error } = await translate(cut);
    expect(assembleText(chunks)).toBe("Let me");
    expect(error?.message).toBe("Google Gemini error: the answer ended with TOO_MANY_TOOL_CALLS: the model called too many tools consecutively (TOO_MANY_TOOL_CALLS)");
    const filtered = sse([{ data: { candidates: [{ content: { parts: [{ text: "x" }] }, finishReason: "SPII", index: 0 }], responseId: "r" } }]);
    expect((await translate(filtered)).chunks.at(-1)?.choices[0]).toMatchObject({ finish_reason: "content_filter", native_finish_reason: "SPII" });
  });

  it("streams a signed call with its signature, and no thought text", async () => {
    const signed = sse([{ data: { candidates: [{ content: { parts: [{ text: "planning", thought: true }, { functionCall: { name: "f", args: {} }, thoughtSignature: "U0lH" }] }, finishReason: "STOP", index: 0 }], responseId: "r" } }]);
    const { chunks } = await translate(signed);
    expect(assembleText(chunks)).toBe("");
    expect(chunks.flatMap((c) => c.choices[0].delta.tool_calls ?? [])[0]).toMatchObject({ id: "call_r_0.sig.U0lH", extra_content: { google: { thought_signature: "U0lH" } } });
  });

  it("errors when the stream ends without a finish reason", async () => {
    const { error } = await translate(textStream.slice(0, textStream.indexOf("\r\n\r\n") + 4));
    expect(error?.message).toMatch(/ended before a finish reason/);
  });
});
