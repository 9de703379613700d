import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/core/db";
import { listLogs } from "./queries";
import { pruneBefore } from "./retention";
import { listLogsQuerySchema } from "./schemas";
import { searchTerms, searchTextOf } from "./search-text";
import { logWriter } from "./writer";

const query = (params: Record<string, string> = {}) => listLogsQuerySchema.parse(params);
const ids = async (params: Record<string, string>) => (await listLogs(query(params))).data.map((log) => log.id);
const old = new Date("2020-01-01T00:00:00Z");

beforeAll(async () => {
  const chat = (user: string, answer: string) => ({
    request: { model: "gpt-4o-mini", messages: [{ role: "system", content: "You are terse." }, { role: "user", content: user }] },
    response: { choices: [{ message: { role: "assistant", content: answer } }] },
  });
  logWriter.enqueue({ id: "s-1", traceId: "t-one", status: "success", model: "gpt-4o-mini", provider: "openai", promptVersion: 1, label: "production", apiKeyId: "key-a", ...chat("Tell me about otters", "Otters hold hands while sleeping.") });
  logWriter.enqueue({ id: "s-2", traceId: "t-two", status: "success", model: "claude-3-5-haiku", provider: "anthropic", promptVersion: 2, label: "staging", apiKeyId: "key-b", ...chat("Tell me about owls", "Owls turn their heads far.") });
  // Anthropic's native wire shape and a tool call: still searchable.
  logWriter.enqueue({
    id: "s-3",
    traceId: "t-three",
    status: "success",
    request: { system: [{ type: "text", text: "Weather bot" }], messages: [{ role: "user", content: [{ type: "text", text: "Rain in Lisbon?" }] }] },
    response: { choices: [{ message: { role: "assistant", content: null, tool_calls: [{ id: "c1", type: "function", function: { name: "get_forecast", arguments: '{"city":"Lisbon"}' } }] } }] },
  });
  logWriter.enqueue({ id: "s-old", traceId: "t-old", status: "success", createdAt: old, ...chat("Ancient query", "A zeppelin answer") });
  await logWriter.flush();
});

afterEach(() => {
  delete process.env.PROMPTLY_LOG_BODIES;
});

describe("log search", () => {
  it("finds a row by a word of its output, and not the others", async () => {
    expect(await ids({ q: "sleeping" })).toEqual(["s-1"]);
    expect(await ids({ q: "OTTERS" })).toEqual(["s-1"]);
    // A word of the rendered input, the beginning of a word, every word required.
    expect(await ids({ q: "owls" })).toEqual(["s-2"]);
    expect(await ids({ q: "sleep" })).toEqual(["s-1"]);
    expect(await ids({ q: "tell heads" })).toEqual(["s-2"]);
    expect(await ids({ q: "tell" })).toEqual(["s-2", "s-1"]);
    expect(await ids({ q: "nowhere" })).toEqual([]);
    // Operators of the index's query language are words like any other, never syntax.
    expect(await ids({ q: 'sleeping" OR "owls' })).toEqual([]);
    expect(await ids({ q: "***" })).toEqual([]);
  });

  it("reads other wire shapes and tool calls", async () => {
    expect(await ids({ q: "lisbon" })).toEqual(["s-3"]);
    expect(await ids({ q: "get_forecast" })).toEqual(["s-3"]);
  });

  it("combines with filters and pages", async () => {
    expect(await ids({ q: "tell", model: "gpt-4o-mini" })).toEqual(["s-1"]);
    const first = await listLogs(query({ q: "tell", limit: "1" }));
    expect(first.data.map((l) => l.id)).toEqual(["s-2"]);
    expect((await listLogs(query({ q: "tell", limit: "1", cursor: first.next_cursor as string }))).data.map((l) => l.id)).toEqual(["s-1"]);
  });

  it("stays consistent when retention deletes rows", async () => {
    expect(await ids({ q: "zeppelin" })).toEqual(["s-old"]);
    expect((await pruneBefore(new Date("2021-01-01T00:00:00Z"), { pauseMs: 0 })).logs).toBe(1);
    expect(await ids({ q: "zeppelin" })).toEqual([]);
    const [{ count }] = await db.$queryRawUnsafe<{ count: number | bigint }[]>(`SELECT COUNT(*) AS "count" FROM "completion_log_fts" WHERE "completion_log_fts" MATCH 'zeppelin'`);
    expect(Number(count)).toBe(0);
    // The index still agrees with its content table.
    await db.$executeRawUnsafe(`INSERT INTO "completion_log_fts"("completion_log_fts", rank) VALUES ('integrity-check', 1)`);
  });

  it("has nothing to index in PROMPTLY_LOG_BODIES=metadata mode", async () => {
    process.env.PROMPTLY_LOG_BODIES = "metadata";
    logWriter.enqueue({ id: "s-private", traceId: "t-private", status: "success", request: { messages: [{ role: "user", content: "secret walrus" }] }, response: { content: "walrus" } });
    await logWriter.flush();
    expect((await db.completionLog.findUniqueOrThrow({ where: { id: "s-private" } })).searchText).toBeNull();
    expect(await ids({ q: "walrus" })).toEqual([]);
  });
});

describe("log filters", () => {
  it("filters by version, label, model, provider, API key and trace id", async () => {
    expect(await ids({ version: "2" })).toEqual(["s-2"]);
    expect(await ids({ label: "production" })).toEqual(["s-1"]);
    expect(await ids({ label: "@staging" })).toEqual(["s-2"]);
    expect(await ids({ model: "claude-3-5-haiku" })).toEqual(["s-2"]);
    expect(await ids({ provider: "openai" })).toEqual(["s-1"]);
    expect(await ids({ api_key_id: "key-b" })).toEqual(["s-2"]);
    expect(await ids({ trace_id: "t-three" })).toEqual(["s-3"]);
    expect(await ids({ trace_id: "t-three", model: "gpt-4o-mini" })).toEqual([]);
  });
});

describe("search text", () => {
  it("keeps what was said, not roles, models or tool declarations", () => {
    const text = searchTextOf({ model: "gpt-x", tools: [{ type: "function", function: { name: "declared_only", description: "nope" } }], messages: [{ role: "user", content: "hello" }] }, { content: "world", tool_call_deltas: [{ function: { name: "called", arguments: "{}" } }] });
    expect(text).toBe("hello\nworld\ncalled\n{}");
    expect(searchTextOf(undefined, undefined)).toBeNull();
  });

  it("splits a query into words", () => {
    expect(searchTerms(' Héllo, "world"* OR  hello ')).toEqual(["héllo", "world", "or", "hello"]);
  });
});
