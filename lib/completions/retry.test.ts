import { describe, expect, it } from "vitest";
import type { Provider, ProviderResponse } from "@/lib/providers/types";
import { delayBefore, parseRetryAfter, sendWithRetry } from "./retry";

const caps = { chat: true, completion: true, streaming: true, tools: true, vision: true, jsonMode: true, jsonSchema: true, multipleChoices: true, logprobs: true, penalties: true, seed: true, maxTemperature: 2 };

function scripted(answers: (ProviderResponse | "hang")[]): Provider & { calls: number } {
  const provider = {
    id: "test",
    displayName: "Test",
    capabilities: caps,
    calls: 0,
    async send({ signal }: { signal?: AbortSignal }) {
      const answer = answers[Math.min(provider.calls++, answers.length - 1)];
      if (answer !== "hang") return answer;
      return new Promise<ProviderResponse>((_, reject) => signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    },
  };
  return provider;
}

const fail = (status: number, retryAfter?: string): ProviderResponse => ({ ok: false, status, message: "nope", code: null, retryAfter });
const ok: ProviderResponse = { ok: true, status: 200, stream: false, body: { id: "x" } };
const request = { kind: "chat" as const, body: {}, credentials: { apiKey: "k" } };
const noSleep = async () => undefined;
const options = (extra: object = {}) => ({ retry: undefined, timeoutMs: 1000, clientSignal: new AbortController().signal, sleep: noSleep, ...extra });

describe("sendWithRetry", () => {
  it("retries the configured statuses and reports how many retries happened", async () => {
    const provider = scripted([fail(503), fail(503), ok]);
    const outcome = await sendWithRetry(provider, request, options({ retry: { attempts: 3 } }));
    expect(outcome).toMatchObject({ kind: "response", retries: 2, response: { ok: true } });
    expect(provider.calls).toBe(3);
  });

  it("retries Anthropic's 529 (overloaded) by default, as it does a 503", async () => {
    const provider = scripted([fail(529), ok]);
    expect(await sendWithRetry(provider, request, options({ retry: { attempts: 1 } }))).toMatchObject({ retries: 1, response: { ok: true } });
    expect(provider.calls).toBe(2);
  });

  it("does not retry without a policy, nor statuses outside it, nor past the attempts", async () => {
    expect(await sendWithRetry(scripted([fail(503), ok]), request, options())).toMatchObject({ retries: 0, response: { status: 503 } });
    const notListed = scripted([fail(400), ok]);
    expect(await sendWithRetry(notListed, request, options({ retry: { attempts: 2 } }))).toMatchObject({ retries: 0 });
    const custom = scripted([fail(418), ok]);
    expect(await sendWithRetry(custom, request, options({ retry: { attempts: 1, on_status_codes: [418] } }))).toMatchObject({ retries: 1, response: { ok: true } });
    const exhausted = scripted([fail(500)]);
    expect(await sendWithRetry(exhausted, request, options({ retry: { attempts: 2 } }))).toMatchObject({ retries: 2, response: { status: 500 } });
    expect(exhausted.calls).toBe(3);
  });

  it("honours retry-after, and passes on an error asking for too long a wait", async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    await sendWithRetry(scripted([fail(429, "2"), ok]), request, options({ retry: { attempts: 1 }, sleep }));
    expect(waits).toEqual([2000]);
    const tooLong = scripted([fail(429, "3600"), ok]);
    expect(await sendWithRetry(tooLong, request, options({ retry: { attempts: 1 } }))).toMatchObject({ retries: 0, response: { status: 429 } });
  });

  it("times out an upstream that does not answer, and reports a client that left as cancelled", async () => {
    expect(await sendWithRetry(scripted(["hang"]), request, options({ timeoutMs: 20 }))).toMatchObject({ kind: "timeout" });
    const client = new AbortController();
    const pending = sendWithRetry(scripted(["hang"]), request, options({ clientSignal: client.signal }));
    client.abort();
    expect(await pending).toMatchObject({ kind: "cancelled" });
  });
});

describe("backoff", () => {
  it("grows exponentially with jitter and is capped", () => {
    expect(delayBefore(1, undefined, () => 0)).toBe(50);
    expect(delayBefore(1, undefined, () => 1)).toBe(100);
    expect(delayBefore(3, undefined, () => 1)).toBe(400);
    expect(delayBefore(20, undefined, () => 1)).toBe(10_000);
  });

  it("reads retry-after as seconds or an HTTP date", () => {
    expect(parseRetryAfter("1.5")).toBe(1500);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
