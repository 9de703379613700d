import { describe, expect, it } from "vitest";
import { IDLE_RUN, runReducer, runTimings, type RunAction, type RunState } from "./run-state";

const play = (actions: RunAction[]): RunState => actions.reduce(runReducer, IDLE_RUN);

describe("runReducer", () => {
  it("accumulates text, first-token time, finish reason and usage", () => {
    const state = play([
      { type: "start", at: 100 },
      { type: "chunk", at: 120, chunk: { model: "m", choices: [{ index: 0, delta: { content: "" } }] } },
      { type: "chunk", at: 150, chunk: { choices: [{ index: 0, delta: { content: "Hel" } }] } },
      { type: "chunk", at: 180, chunk: { choices: [{ index: 0, delta: { content: "lo" }, finish_reason: "stop" }] } },
      { type: "chunk", at: 190, chunk: { choices: [], usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } } },
      { type: "done", at: 200 },
    ]);
    expect(state).toMatchObject({ status: "done", text: "Hello", finishReason: "stop", model: "m", usage: { total_tokens: 5 }, chunks: 2 });
    expect(runTimings(state)).toEqual({ latencyMs: 100, ttftMs: 50 });
  });

  it("assembles streamed tool calls by index", () => {
    const state = play([
      { type: "start", at: 0 },
      { type: "chunk", at: 1, chunk: { choices: [{ delta: { tool_calls: [{ index: 0, id: "c1", function: { name: "get_", arguments: '{"ci' } }] } }] } },
      { type: "chunk", at: 2, chunk: { choices: [{ delta: { tool_calls: [{ index: 0, function: { name: "weather", arguments: 'ty":"Paris"}' } }] } }] } },
      { type: "chunk", at: 3, chunk: { choices: [{ delta: {}, finish_reason: "tool_calls" }] } },
      { type: "done", at: 4 },
    ]);
    expect(state.toolCalls).toEqual([{ index: 0, id: "c1", name: "get_weather", arguments: '{"city":"Paris"}' }]);
    expect(state.finishReason).toBe("tool_calls");
    expect(state.firstTokenAt).toBe(1);
  });

  it("keeps the text so far when stopped, and ignores chunks after the end", () => {
    const state = play([
      { type: "start", at: 0 },
      { type: "chunk", at: 1, chunk: { choices: [{ text: "partial" }] } },
      { type: "cancel", at: 5 },
      { type: "chunk", at: 6, chunk: { choices: [{ text: " late" }] } },
      { type: "error", message: "late error", at: 7 },
    ]);
    expect(state).toMatchObject({ status: "cancelled", text: "partial", error: null, endedAt: 5 });
  });
});
