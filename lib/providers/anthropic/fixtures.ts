import { sse } from "../native/testing";

/**
 * Recorded-format fixtures written from Anthropic's Messages API reference (responses,
 * streaming and errors pages): what api.anthropic.com sends, byte for byte in shape.
 */

export const textMessage = {
  id: "msg_01XFDUDYJgAACzvnptvVoYEL",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [{ type: "text", text: "Hello! How can I help?" }],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: { input_tokens: 25, output_tokens: 7, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
};

export const toolMessage = {
  id: "msg_01Aq9w938a90dw8q",
  type: "message",
  role: "assistant",
  model: "claude-sonnet-4-5-20250929",
  content: [
    { type: "text", text: "I'll check the weather." },
    { type: "tool_use", id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", input: { location: "San Francisco, CA", unit: "celsius" } },
  ],
  stop_reason: "tool_use",
  stop_sequence: null,
  usage: { input_tokens: 472, output_tokens: 89 },
};

const start = (id: string, usage = { input_tokens: 25, output_tokens: 1 }) => ({
  event: "message_start",
  data: {
    type: "message_start",
    message: { id, type: "message", role: "assistant", content: [], model: "claude-sonnet-4-5-20250929", stop_reason: null, stop_sequence: null, usage },
  },
});
const delta = (index: number, d: Record<string, unknown>) => ({ event: "content_block_delta", data: { type: "content_block_delta", index, delta: d } });
const blockStop = (index: number) => ({ event: "content_block_stop", data: { type: "content_block_stop", index } });

export const textStream = sse([
  start("msg_01XFDUDYJgAACzvnptvVoYEL"),
  { event: "content_block_start", data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } },
  { event: "ping", data: { type: "ping" } },
  delta(0, { type: "text_delta", text: "Hello" }),
  delta(0, { type: "text_delta", text: "! How can I help?" }),
  blockStop(0),
  { event: "message_delta", data: { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 7 } } },
  { event: "message_stop", data: { type: "message_stop" } },
]);

/** The streamed twin of toolMessage: the input arrives as input_json_delta fragments. */
export const toolStream = sse([
  start("msg_01Aq9w938a90dw8q", { input_tokens: 472, output_tokens: 2 }),
  { event: "content_block_start", data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } },
  delta(0, { type: "text_delta", text: "I'll check the weather." }),
  blockStop(0),
  {
    event: "content_block_start",
    data: { type: "content_block_start", index: 1, content_block: { type: "tool_use", id: "toolu_01A09q90qw90lq917835lq9", name: "get_weather", input: {} } },
  },
  delta(1, { type: "input_json_delta", partial_json: "" }),
  delta(1, { type: "input_json_delta", partial_json: '{"location": "San Fra' }),
  delta(1, { type: "input_json_delta", partial_json: 'ncisco, CA", "unit": ' }),
  delta(1, { type: "input_json_delta", partial_json: '"celsius"}' }),
  blockStop(1),
  { event: "ping", data: { type: "ping" } },
  { event: "message_delta", data: { type: "message_delta", delta: { stop_reason: "tool_use", stop_sequence: null }, usage: { output_tokens: 89 } } },
  { event: "message_stop", data: { type: "message_stop" } },
]);

/** An overload reported after the stream started: Anthropic's documented in-stream error. */
export const errorMidStream = sse([
  start("msg_01ErrStream"),
  { event: "content_block_start", data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } },
  delta(0, { type: "text_delta", text: "Partial" }),
  { event: "error", data: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } } },
]);

export const errorBodies = {
  401: { type: "error", error: { type: "authentication_error", message: "invalid x-api-key" }, request_id: "req_011CSHoEeqs5C35K2UUqR7Fy" },
  429: { type: "error", error: { type: "rate_limit_error", message: "Number of request tokens has exceeded your per-minute rate limit" } },
  529: { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
} as const;
