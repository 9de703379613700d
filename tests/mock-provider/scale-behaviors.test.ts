import { Agent, request } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { jsonChunks, readSseEvents, startMockProvider, type MockProvider } from "./index";

let mock: MockProvider;
beforeAll(async () => {
  mock = await startMockProvider();
});
afterEach(() => mock.reset());
afterAll(() => mock.close());

const stream = (behavior: object) =>
  fetch(`${mock.openaiBaseUrl}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-mock-behavior": JSON.stringify(behavior) },
    body: JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], stream: true }),
  });

describe("mock provider: what the streaming benchmarks and scale tests use", () => {
  it("stampTokens: every token is the time it was written, in order", async () => {
    const before = performance.timeOrigin + performance.now();
    const chunks = jsonChunks(await readSseEvents((await stream({ stampTokens: true, tokens: 5, tokenDelayMs: 1 })).body!));
    const stamps = chunks.slice(1, -1).map((c) => Number(/^@([\d.]+) $/.exec(c.choices[0].delta.content)![1]));
    expect(stamps).toHaveLength(5);
    expect(stamps[0]).toBeGreaterThanOrEqual(before);
    expect([...stamps].sort((a, b) => a - b)).toEqual(stamps);
  });

  it("floodBytes: writes what a reader takes, then waits for it (and finishes when it reads)", async () => {
    const response = await stream({ floodBytes: 4 * 1024 * 1024 });
    const reader = response.body!.getReader();
    let bytes = (await reader.read()).value!.length;
    await expect.poll(() => mock.requests[0].waitingDrain).toBe(true);
    expect(mock.requests[0].bytesSent).toBeLessThan(4 * 1024 * 1024);
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.length;
    }
    expect(bytes).toBeGreaterThan(4 * 1024 * 1024);
    expect(mock.requests[0]).toMatchObject({ closedEarly: false, waitingDrain: false });
  });

  it("counts the connections that carried provider calls", async () => {
    const stats = async () => (await (await fetch(`${mock.url}/__mock/stats`)).json()).connectionsOpened as number;
    const before = await stats();
    const call = (agent: Agent | false) =>
      new Promise<void>((resolve, reject) => {
        const req = request(`${mock.openaiBaseUrl}/chat/completions`, { method: "POST", agent }, (res) => res.resume().on("end", resolve));
        req.on("error", reject).end(JSON.stringify({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] }));
      });
    for (let i = 0; i < 3; i++) await call(false);
    expect((await stats()) - before).toBe(3);
    const pool = new Agent({ keepAlive: true });
    for (let i = 0; i < 3; i++) await call(pool);
    pool.destroy();
    expect((await stats()) - before).toBe(4);
  });
});
