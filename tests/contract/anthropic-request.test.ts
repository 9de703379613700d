import { beforeAll, describe, expect, it } from "vitest";
import { toAnthropicRequest } from "@/lib/providers/anthropic/request";
import { PNG } from "@/tests/fixtures/native-requests";
import { sdkTypes, type TypeCheck } from "./sdk-type-check";

/**
 * The bodies the Anthropic adapter sends, checked against the request types of Anthropic's own
 * SDK (@anthropic-ai/sdk, a dev dependency: shipped code never imports it). A field the API
 * does not have, a misnamed block or a value outside the SDK's literals fails here.
 */

/**
 * SDK 1.16 no longer types temperature, top_p and top_k, which the API still takes from models up
 * to Opus 4.6; earlier SDK versions declared them, deprecated, as exactly this.
 */
const LEGACY_SAMPLING = "{ temperature?: number; top_p?: number; top_k?: number }";

let sdk: TypeCheck;
beforeAll(() => {
  sdk = sdkTypes('import type { MessageCreateParamsNonStreaming, MessageCreateParamsStreaming } from "@anthropic-ai/sdk/resources/messages";', {
    NonStreaming: `MessageCreateParamsNonStreaming & ${LEGACY_SAMPLING}`,
    Streaming: `MessageCreateParamsStreaming & ${LEGACY_SAMPLING}`,
  });
}, 60_000);

const conforms = (body: unknown, stream: boolean) => sdk.errors(body, stream ? "Streaming" : "NonStreaming");

const WEATHER = { type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } };
const user = (content: unknown) => [{ role: "user", content }];

const BODIES: Array<[string, Record<string, unknown>]> = [
  ["text with system and developer prompts", { model: "claude-sonnet-4-5", messages: [{ role: "system", content: "S" }, { role: "developer", content: "D" }, { role: "user", content: "Hi" }] }],
  ["a multi-turn history with a prefill", { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "Hi" }, { role: "assistant", content: "Hello " }, { role: "user", content: "Colour?" }, { role: "assistant", content: "Blue, " }] }],
  [
    "images: base64 png, jpg alias, URL",
    {
      model: "claude-sonnet-4-5",
      messages: user([
        { type: "text", text: "What?" },
        { type: "image_url", image_url: { url: `data:image/png;base64,${PNG}` } },
        { type: "image_url", image_url: { url: `data:image/jpg;base64,${PNG}` } },
        { type: "image_url", image_url: { url: "https://example.com/cat.webp" } },
      ]),
    },
  ],
  [
    "documents: PDF and plain text",
    {
      model: "claude-sonnet-4-5",
      messages: user([
        { type: "file", file: { file_data: `data:application/pdf;base64,${PNG}`, filename: "a.pdf" } },
        { type: "file", file: { file_data: `data:text/plain;base64,${btoa("hello")}` } },
        { type: "text", text: "Summarise" },
      ]),
    },
  ],
  ["tools with tool_choice auto", { model: "claude-sonnet-4-5", messages: user("Weather?"), tools: [WEATHER, { type: "function", function: { name: "now" } }], tool_choice: "auto" }],
  ["tools, required, no parallel calls", { model: "claude-sonnet-4-5", messages: user("Weather?"), tools: [WEATHER], tool_choice: "required", parallel_tool_calls: false }],
  ["tools, a named function", { model: "claude-sonnet-4-5", messages: user("Weather?"), tools: [WEATHER], tool_choice: { type: "function", function: { name: "get_weather" } } }],
  ["tools, none", { model: "claude-sonnet-4-5", messages: user("Weather?"), tools: [WEATHER], tool_choice: "none" }],
  [
    "a tool round trip replayed with Claude's blank text before the call",
    {
      model: "claude-sonnet-4-5",
      tools: [WEATHER],
      messages: [
        { role: "user", content: "Weather in Paris and Rome?" },
        {
          role: "assistant",
          content: "\n\n",
          tool_calls: [
            { id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "toolu_2", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "18C" },
        { role: "tool", tool_call_id: "toolu_2", content: [{ type: "text", text: "21C" }] },
      ],
    },
  ],
  [
    "a JSON schema response format",
    {
      model: "claude-sonnet-4-5",
      messages: user("A person"),
      response_format: { type: "json_schema", json_schema: { name: "person", strict: true, schema: { type: "object", properties: { name: { type: "string", maxLength: 9 } }, required: ["name"] } } },
    },
  ],
  ["stop sequences, user, max_completion_tokens", { model: "claude-sonnet-4-5", messages: user("Hi"), stop: ["END", ""], user: "u-1", max_completion_tokens: 99 }],
  ["all three samplers on Claude 3", { model: "claude-3-7-sonnet-latest", messages: user("Hi"), temperature: 0.2, top_p: 0.9, top_k: 40 }],
  ["temperature alone on Sonnet 4.5", { model: "claude-sonnet-4-5", messages: user("Hi"), temperature: 0.7 }],
  ["default samplers on a model after Opus 4.6", { model: "claude-opus-4-7", messages: user("Hi"), temperature: 1, top_p: 1 }],
];

describe("Anthropic request bodies conform to the SDK's MessageCreateParams", () => {
  it.each(BODIES)("%s", (_, body) => {
    for (const stream of [false, true]) expect(conforms(toAnthropicRequest({ ...body }, stream), stream)).toEqual([]);
  });

  it("the check itself fails on what the API would refuse", () => {
    const good = toAnthropicRequest({ model: "claude-sonnet-4-5", messages: user("Hi") }, false);
    expect(conforms(good, false)).toEqual([]);
    expect(conforms({ ...good, output_format: { type: "json_schema", schema: {} } }, false)).toEqual([expect.stringMatching(/^body\.output_format: not a field/)]);
    expect(conforms({ ...good, temperature: "0.5" }, false).join()).toMatch(/temperature/);
    expect(conforms({ ...good, output_config: { format: { type: "json_object" } } }, false).join()).toMatch(/output_config\.format/);
    expect(conforms({ ...good, response_format: { type: "json_object" } }, false).join()).toMatch(/response_format/);
    expect(conforms({ ...good, stop_sequences: "END" }, false).join()).toMatch(/stop_sequences/);
    expect(conforms({ ...good, stream: true }, false).join()).toMatch(/stream/);
    const jpg = { ...good, messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/jpg", data: PNG } }] }] };
    expect(conforms(jpg, false).join()).toMatch(/media_type/);
    // Literals are exact here: only Google's Schema `Type` is compared without case, and only in the Gemini check.
    const upper = { ...good, messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "IMAGE/PNG", data: PNG } }] }] };
    expect(conforms(upper, false).join()).toMatch(/media_type/);
    const choice = { ...good, tools: [{ name: "f", input_schema: { type: "object" } }], tool_choice: { type: "required" } };
    expect(conforms(choice, false).join()).toMatch(/tool_choice/);
    const noMax: Record<string, unknown> = { ...good };
    delete noMax.max_tokens;
    expect(conforms(noMax, false)).toEqual(["body.max_tokens: required"]);
  });
});
