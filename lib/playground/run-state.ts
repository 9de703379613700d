import type { CompletionChunk } from "./stream-completion";

export interface ToolCallState {
  index: number;
  id: string | null;
  name: string;
  /** Arguments as streamed so far (JSON text, complete once the run is done). */
  arguments: string;
}

export type RunStatus = "idle" | "running" | "done" | "error" | "cancelled";

export interface RunState {
  status: RunStatus;
  text: string;
  toolCalls: ToolCallState[];
  finishReason: string | null;
  usage: CompletionChunk["usage"];
  model: string | null;
  startedAt: number | null;
  firstTokenAt: number | null;
  endedAt: number | null;
  error: string | null;
  /** Chunks received: a rough token count when the provider reports no usage. */
  chunks: number;
}

export const IDLE_RUN: RunState = {
  status: "idle",
  text: "",
  toolCalls: [],
  finishReason: null,
  usage: null,
  model: null,
  startedAt: null,
  firstTokenAt: null,
  endedAt: null,
  error: null,
  chunks: 0,
};

export type RunAction =
  | { type: "start"; at: number }
  | { type: "chunk"; chunk: CompletionChunk; at: number }
  | { type: "done"; at: number }
  | { type: "error"; message: string; at: number }
  | { type: "cancel"; at: number };

function mergeToolCalls(calls: ToolCallState[], deltas: NonNullable<NonNullable<CompletionChunk["choices"]>[number]["delta"]>["tool_calls"]) {
  if (!deltas?.length) return calls;
  const next = calls.map((call) => ({ ...call }));
  for (const delta of deltas) {
    const index = delta.index ?? 0;
    let call = next.find((c) => c.index === index);
    if (!call) {
      call = { index, id: null, name: "", arguments: "" };
      next.push(call);
    }
    if (delta.id) call.id = delta.id;
    if (delta.function?.name) call.name += delta.function.name;
    if (delta.function?.arguments) call.arguments += delta.function.arguments;
  }
  return next.sort((a, b) => a.index - b.index);
}

/** Folds one streamed chunk (first choice only: the playground runs n = 1) into the state. */
function applyChunk(state: RunState, chunk: CompletionChunk, at: number): RunState {
  const choice = chunk.choices?.find((c) => (c.index ?? 0) === 0);
  const piece = (choice?.delta?.content ?? "") + (choice?.delta?.refusal ?? "") + (choice?.text ?? "");
  const toolCalls = mergeToolCalls(state.toolCalls, choice?.delta?.tool_calls);
  const produced = piece.length > 0 || toolCalls !== state.toolCalls;
  return {
    ...state,
    text: state.text + piece,
    toolCalls,
    finishReason: choice?.finish_reason ?? state.finishReason,
    usage: chunk.usage ?? state.usage,
    model: chunk.model ?? state.model,
    firstTokenAt: state.firstTokenAt ?? (produced ? at : null),
    chunks: state.chunks + (produced ? 1 : 0),
  };
}

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case "start":
      return { ...IDLE_RUN, status: "running", startedAt: action.at };
    case "chunk":
      return state.status === "running" ? applyChunk(state, action.chunk, action.at) : state;
    case "done":
      return state.status === "running" ? { ...state, status: "done", endedAt: action.at } : state;
    case "error":
      return state.status === "running" ? { ...state, status: "error", error: action.message, endedAt: action.at } : state;
    case "cancel":
      return state.status === "running" ? { ...state, status: "cancelled", endedAt: action.at } : state;
  }
}

/** Milliseconds from Run to the last byte, and to the first token. */
export function runTimings(state: RunState) {
  return {
    latencyMs: state.startedAt !== null && state.endedAt !== null ? Math.round(state.endedAt - state.startedAt) : null,
    ttftMs: state.startedAt !== null && state.firstTokenAt !== null ? Math.round(state.firstTokenAt - state.startedAt) : null,
  };
}
