import { expect, test } from "@playwright/test";
import { Portkey } from "portkey-ai";
import { E2E } from "../support/env";
import { mock } from "../support/mock";
import { createPrompt, mockVirtualKey, portkeyClient, uniqueName } from "../support/portkey";

// Feedback, request metadata and external logs through the official portkey-ai SDK, as
// Portkey's API defines them: feedback links to log rows by trace id, metadata rides on the
// x-portkey-metadata header and filters the log list.
const admin = { "x-portkey-api-key": E2E.apiKey, "content-type": "application/json" };
let promptId: string;

interface LogDetail {
  id: string;
  trace_id: string;
  metadata: Record<string, string> | null;
  feedback: { id: string; value: number; weight: number; metadata: unknown }[];
  request: unknown;
  response: unknown;
  status: string;
  http_status: number | null;
  latency_ms: number | null;
  total_tokens: number | null;
  model: string | null;
}

async function api<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${E2E.baseUrl}${path}`, { ...init, headers: { ...admin, ...(init.headers as Record<string, string>) } });
  return { status: response.status, body: (await response.json()) as T };
}

/** The log rows of a trace, once the writer's batch is in (rows are written off the request path). */
async function logsOfTrace(key: string, value: string) {
  let rows: { id: string; trace_id: string }[] = [];
  await expect
    .poll(async () => {
      rows = (await api<{ data: { id: string; trace_id: string }[] }>(`/v1/logs?metadata.${encodeURIComponent(key)}=${encodeURIComponent(value)}`)).body.data;
      return rows.length;
    })
    .toBeGreaterThan(0);
  return rows;
}

test.beforeAll(async () => {
  const portkey = portkeyClient();
  promptId = (
    await createPrompt(portkey, {
      name: uniqueName("Feedback"),
      string: JSON.stringify([{ role: "user", content: "Say {{word}}" }]),
      parameters: { model: "gpt-4o-mini" },
      virtual_key: await mockVirtualKey(portkey),
    })
  ).id;
});

test("the SDK's trace id and metadata land on the log row, which shows the SDK's feedback", async () => {
  const traceID = `fb-trace-${Date.now().toString(36)}`;
  const user = `u_${Date.now().toString(36)}%`;
  const portkey = new Portkey({ apiKey: E2E.apiKey, baseURL: `${E2E.baseUrl}/v1`, traceID, metadata: { _user: user, env: "prod" } });
  await portkey.prompts.completions.create({ promptID: promptId, variables: { word: "hi" } });

  const [row] = await logsOfTrace("_user", user);
  expect(row.trace_id).toBe(traceID);
  // Every pair must match; a near miss (a wildcard, another value) finds nothing.
  expect((await api<{ data: unknown[] }>(`/v1/logs?metadata._user=${encodeURIComponent(user)}&metadata.env=staging`)).body.data).toEqual([]);
  expect((await api<{ data: unknown[] }>(`/v1/logs?metadata._user=${encodeURIComponent(user.replace("%", "_"))}`)).body.data).toEqual([]);
  expect((await api<{ data: unknown[] }>(`/v1/logs?metadata=${encodeURIComponent(JSON.stringify({ _user: user }))}`)).body.data).toHaveLength(1);

  const created = (await portkeyClient().feedback.create({ traceID, value: 5, weight: 0.5, metadata: { comment: "helpful", _user: user } })) as unknown as {
    status: string;
    feedback_id: string[];
    feedback_ids: string[];
  };
  expect(created.status).toBe("success");
  expect(created.feedback_id).toHaveLength(1);
  expect(created.feedback_ids).toEqual(created.feedback_id);

  const updated = (await portkeyClient().feedback.update({ feedbackID: created.feedback_id[0], value: -3 })) as unknown as { status: string; feedback_id: string[] };
  expect(updated).toMatchObject({ status: "success", feedback_id: [created.feedback_id[0]] });

  const detail = (await api<LogDetail>(`/v1/logs/${row.id}`)).body;
  expect(detail.metadata).toEqual({ _user: user, env: "prod" });
  expect(detail.feedback).toEqual([expect.objectContaining({ id: created.feedback_id[0], value: -3, weight: 0.5, metadata: { comment: "helpful", _user: user } })]);
});

test("feedback in a list through the SDK, and with a run-only key: the key an app runs with", async () => {
  const runKey = (await api<{ key: string }>("/v1/api-keys", { method: "POST", body: JSON.stringify({ name: uniqueName("fb run"), scope: "completions" }) })).body.key;
  const list = (await portkeyClient(runKey).feedback.create([
    { traceID: "fb-list-1", value: 1 },
    { traceID: "fb-list-2", value: -1, weight: 0.2 },
  ])) as unknown as { feedback_id: string[] };
  expect(list.feedback_id).toHaveLength(2);
  // Over REST, Portkey's own spelling.
  const rest = await api<{ feedback_ids: string[] }>("/v1/feedback", { method: "POST", body: JSON.stringify({ trace_id: "fb-rest", value: 10 }) });
  expect(rest.status).toBe(200);
  expect(rest.body.feedback_ids).toHaveLength(1);
});

test("bad feedback gets the error envelope; an unknown id a 404", async () => {
  for (const body of [{ trace_id: "t", value: 11 }, { trace_id: "t", value: 1.5 }, { value: 1 }, { trace_id: "t", value: 1, weight: 3 }, { trace_id: "t", value: 1, metadata: "x" }]) {
    const answer = await api<{ status: string; error: { type: string } }>("/v1/feedback", { method: "POST", body: JSON.stringify(body) });
    expect(answer.status, JSON.stringify(body)).toBe(400);
    expect(answer.body).toMatchObject({ status: "failure", error: { type: "invalid_request_error" } });
  }
  const missing = await api<{ status: string }>("/v1/feedback/00000000-0000-0000-0000-000000000000", { method: "PUT", body: JSON.stringify({ value: 1 }) });
  expect(missing.status).toBe(404);
  expect(missing.body.status).toBe("failure");
});

test("a malformed x-portkey-metadata header is a 400 before any provider call", async () => {
  const word = `never-sent-${Date.now().toString(36)}`;
  for (const header of ["not json", '{"n":1}', JSON.stringify({ big: "x".repeat(5000) })]) {
    const answer = await api<{ error: { code: string } }>(`/v1/prompts/${promptId}/completions`, {
      method: "POST",
      headers: { "x-portkey-metadata": header },
      body: JSON.stringify({ variables: { word } }),
    });
    expect(answer.status, header.slice(0, 20)).toBe(400);
    expect(answer.body.error.code).toBe("invalid_metadata");
  }
  expect((await mock.requests()).filter((request) => JSON.stringify(request.body).includes(word))).toEqual([]);
});

test("logs.create records a call made elsewhere, request headers never stored", async () => {
  const tag = `ext_${Date.now().toString(36)}`;
  const result = (await portkeyClient().logs.create({
    request: { url: "https://api.openai.com/v1/chat/completions", method: "POST", headers: { authorization: "Bearer sk-outside-secret" }, body: { model: "gpt-4o", messages: [{ role: "user", content: "What is AI?" }] } },
    response: { status: 200, headers: {}, body: { model: "gpt-4o", choices: [{ message: { role: "assistant", content: "AI is..." }, finish_reason: "stop" }], usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 } }, response_time: 123 },
    metadata: { trace_id: `${tag}-trace`, tag },
  } as never)) as unknown as { status: string; log_ids: string[] };
  expect(result.status).toBe("success");
  const [id] = result.log_ids;
  const detail = (await api<LogDetail>(`/v1/logs/${id}`)).body;
  expect(detail).toMatchObject({ trace_id: `${tag}-trace`, status: "success", http_status: 200, latency_ms: 123, total_tokens: 7, model: "gpt-4o", metadata: { tag } });
  expect(JSON.stringify(detail)).not.toContain("sk-outside-secret");
  // The URL names a declared provider: the row is priced like a completion of that model.
  expect((detail as LogDetail & { provider: string }).provider).toBe("openai");
  expect((await api<{ data: { id: string }[] }>(`/v1/logs?metadata.tag=${tag}`)).body.data.map((row) => row.id)).toEqual([id]);

  // A failed call, and a list of calls.
  const failed = await api<{ log_ids: string[] }>("/v1/logs", {
    method: "POST",
    body: JSON.stringify([
      { request: { url: "https://x.test/v1", body: {} }, response: { status: 429, body: { error: { message: "slow down" } } } },
      { request: { url: "https://x.test/v1", body: {} }, response: { status: 200, body: {} } },
    ]),
  });
  expect(failed.status).toBe(200);
  const first = (await api<LogDetail & { error: string }>(`/v1/logs/${failed.body.log_ids[0]}`)).body;
  expect(first).toMatchObject({ status: "error", http_status: 429, error: "slow down" });
  expect((await api("/v1/logs", { method: "POST", body: JSON.stringify({ request: {} }) })).status).toBe(400);
});
