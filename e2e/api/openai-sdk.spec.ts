import { expect, test } from "@playwright/test";
import OpenAI from "openai";
import type { ChatCompletion, ChatCompletionChunk } from "openai/resources/chat/completions";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";
import { expectCutStream } from "../support/sse";

// Promptly's answers must be what OpenAI clients expect: the `openai` SDK itself parses a
// completion and a stream (with its own SSE parser) coming from the prompt endpoint.
let promptId: string;

test.beforeAll(async () => {
  const portkey = portkeyClient();
  const virtualKey = await mockVirtualKey(portkey);
  promptId = ((await createPrompt(portkey, {
    name: uniqueName("OpenAI SDK"),
    string: JSON.stringify([{ role: "user", content: "Say {{word}}" }]),
    parameters: { model: "gpt-4o-mini" },
    virtual_key: virtualKey,
  })) as { id: string }).id;
});

/** An OpenAI client whose chat.completions calls land on this prompt's completions route. */
function promptAsOpenAI(variables: Record<string, unknown>) {
  return new OpenAI({
    apiKey: E2E.apiKey,
    baseURL: `${E2E.baseUrl}/v1`,
    maxRetries: 0,
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      delete body.messages; // the prompt's template supplies them
      return fetch(`${E2E.baseUrl}/v1/prompts/${promptId}/completions`, { ...init, body: JSON.stringify({ ...body, variables }) });
    },
  });
}

test("the openai SDK parses a completion", async () => {
  await mock.reset();
  const completion: ChatCompletion = await promptAsOpenAI({ word: "hello" }).chat.completions.create({ model: "gpt-4o-mini", messages: [] });
  expect(completion.object).toBe("chat.completion");
  expect(completion.id).toBeTruthy();
  expect(completion.created).toBeGreaterThan(0);
  expect(completion.choices[0].message.role).toBe("assistant");
  expect(completion.choices[0].message.content).toContain("Say hello");
  expect(completion.choices[0].finish_reason).toBe("stop");
  expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));
});

test("the openai SDK's stream parser reads the SSE answer chunk by chunk", async () => {
  await mock.reset();
  await mock.enqueue({ tokens: 5, tokenDelayMs: 5 });
  const stream = await promptAsOpenAI({ word: "hi" }).chat.completions.create({ model: "gpt-4o-mini", messages: [], stream: true });
  const chunks: ChatCompletionChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  expect(chunks.length).toBeGreaterThanOrEqual(6);
  expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  expect(chunks[0].choices[0].delta.role).toBe("assistant");
  expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? "").join("").trim()).toBe("tok1 tok2 tok3 tok4 tok5");
  expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe("stop");
});

test("a failure mid-stream ends the stream with an SSE error event", async () => {
  await mock.reset();
  await mock.enqueue({ tokens: 10, tokenDelayMs: 5, cutAfterTokens: 3 });
  const response = await fetch(`${E2E.baseUrl}/v1/prompts/${promptId}/completions`, {
    method: "POST",
    headers: { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" },
    body: JSON.stringify({ variables: { word: "x" }, stream: true }),
  });
  await expectCutStream(response);
});
