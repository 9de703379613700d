import { randomBytes } from "node:crypto";
import { answerTokens, contentText, countWords, lastUserText, normalizeToolCalls, splitArguments } from "./answer";
import { tokenDelay, totalDelay } from "./behavior";
import { chatCompletion, chunk, openAIError, textCompletion, usageChunk, type AnswerPlan, type OpenAIKind } from "./openai-format";
import type { MockRoute } from "./route";
import type { MockExchange } from "./types";
import { sendBehaviorError } from "./behavior-error";

/** OpenAI's wire format (also what Groq, Mistral, Together, DeepSeek, OpenRouter, Ollama speak). */

type Body = Record<string, unknown>;

/** How long `stallAfterTokens` keeps a stream silent: longer than any test waits. */
const STALL_MS = 10 * 60_000;
type Step = Record<string, unknown> | string;

/** Azure names the model by deployment; a body `model` still wins when present. */
const azureModel = (body: unknown, params: Record<string, string>) =>
  (isObject(body) && typeof body.model === "string" ? body.model : undefined) ?? params.deployment;

export const openAIRoutes: MockRoute[] = [
  { method: "POST", path: "/v1/chat/completions", handle: (ex) => answer(ex, "chat") },
  { method: "POST", path: "/v1/completions", handle: (ex) => answer(ex, "completion") },
  { method: "POST", path: "/openai/deployments/:deployment/chat/completions", modelOf: azureModel, handle: (ex) => answer(ex, "chat") },
  { method: "POST", path: "/openai/deployments/:deployment/completions", modelOf: azureModel, handle: (ex) => answer(ex, "completion") },
];

async function answer(ex: MockExchange, kind: OpenAIKind): Promise<void> {
  const { behavior } = ex;
  const headers = { "x-request-id": `req_mock_${ex.record.seq}` };
  if (behavior.status !== undefined && behavior.status >= 400) return sendBehaviorError(ex, behavior.status, openAIError, headers);
  if (behavior.redirectTo !== undefined) return ex.text(302, "", { ...headers, location: behavior.redirectTo });

  const body = isObject(ex.body) ? ex.body : null;
  const invalid = validate(kind, body, ex);
  if (invalid || !body) return ex.json(400, openAIError(400, invalid ?? "invalid body"), headers);

  const plan = makePlan(kind, body, ex);
  const steps = streamSteps(plan);
  if (body.stream === true) return stream(ex, plan, steps, headers);

  // A non-stream answer arrives all at once, after the time generating it would take.
  if (!(await ex.sleep(totalDelay(behavior, steps.length)))) return;
  if (behavior.cutAfterTokens !== undefined) return ex.cut();
  if (behavior.hugeBodyBytes !== undefined) return sendHuge(ex, behavior.hugeBodyBytes, headers);
  ex.json(200, kind === "chat" ? chatCompletion(plan) : textCompletion(plan), headers);
}

/** A valid chat.completion padded to `size` bytes, written with backpressure until the client stops reading. */
function sendHuge(ex: MockExchange, size: number, headers: Record<string, string>) {
  if (ex.closed || ex.res.headersSent) return;
  const head = Buffer.from('{"id":"chatcmpl-huge","object":"chat.completion","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"');
  const tail = Buffer.from('"}}]}');
  const piece = Buffer.alloc(64 * 1024, "x");
  ex.record.status = 200;
  ex.record.bytesSent = 0;
  ex.res.writeHead(200, { ...headers, "content-type": "application/json" });
  let left = Math.max(0, size - head.length - tail.length);
  const write = (chunk: Buffer) => {
    ex.record.bytesSent = (ex.record.bytesSent ?? 0) + chunk.length;
    return ex.res.write(chunk);
  };
  write(head);
  const pump = () => {
    while (left > 0 && !ex.closed) {
      const chunk = left >= piece.length ? piece : piece.subarray(0, left);
      left -= chunk.length;
      if (!write(chunk)) return void ex.res.once("drain", pump);
    }
    if (!ex.closed) {
      write(tail);
      ex.res.end();
    }
  };
  pump();
}

async function stream(ex: MockExchange, plan: AnswerPlan, steps: Step[], headers: Record<string, string>) {
  const { behavior } = ex;
  const cutHere = (sent: number) => behavior.cutAfterTokens !== undefined && sent >= behavior.cutAfterTokens;
  ex.startStream(headers);
  if (plan.kind === "chat") writeChoices(ex, plan, { role: "assistant", content: plan.toolCalls ? null : "" });
  if (behavior.floodBytes !== undefined) return flood(ex, plan, behavior.floodBytes);
  // Stamped tokens serve thousands of concurrent streams (the streams2k benchmark): the
  // chunk is serialized once, each token only splices its stamp in, so the mock keeps up.
  const stamped = behavior.stampTokens && plan.kind === "chat" && plan.n === 1 ? stampedChunk(plan) : null;
  for (let i = 0; i < steps.length; i++) {
    if (!(await ex.sleep(tokenDelay(behavior, i)))) return;
    if (cutHere(i)) return ex.cut();
    // Silent but open, as a hung upstream is: the exchange ends when the client leaves.
    if (behavior.stallAfterTokens !== undefined && i >= behavior.stallAfterTokens) return void (await ex.sleep(STALL_MS));
    if (stamped) ex.writeEvent(stamped(stamp()));
    else writeChoices(ex, plan, behavior.stampTokens && plan.kind === "chat" ? { content: stamp() } : steps[i]);
    ex.record.tokensSent = i + 1;
  }
  // Cutting after the last token still loses the finish chunk and [DONE]: a truncated stream.
  if (cutHere(steps.length)) return ex.cut();
  writeChoices(ex, plan, plan.kind === "chat" ? {} : "", plan.finishReason);
  if (plan.includeUsage) ex.writeEvent(JSON.stringify(usageChunk(plan)));
  ex.writeEvent("[DONE]");
  ex.endStream();
}

/** Now, on a clock every process of the machine shares (epoch ms, sub-millisecond). */
function stamp(): string {
  return `@${(performance.timeOrigin + performance.now()).toFixed(3)} `;
}

/** The JSON of a content chunk of this answer, for any content (no JSON escaping needed in it). */
function stampedChunk(plan: AnswerPlan): (content: string) => string {
  const [head, tail] = JSON.stringify(chunk(plan, 0, { content: "\u0000" }, null)).split("\\u0000");
  return (content) => head + content + tail;
}

/** `floodBytes` of content events, each written when the reader has taken the one before. */
function flood(ex: MockExchange, plan: AnswerPlan, total: number) {
  const piece = `data: ${JSON.stringify(chunk(plan, 0, { content: "x".repeat(16 * 1024) }, null))}\n\n`;
  ex.record.bytesSent = 0;
  const pump = () => {
    ex.record.waitingDrain = false;
    while ((ex.record.bytesSent ?? 0) < total && !ex.closed) {
      ex.record.bytesSent = (ex.record.bytesSent ?? 0) + piece.length;
      ex.record.tokensSent += 1;
      if (!ex.res.write(piece)) {
        ex.record.waitingDrain = true;
        return void ex.res.once("drain", pump);
      }
    }
    if (ex.closed) return;
    writeChoices(ex, plan, {}, plan.finishReason);
    ex.writeEvent("[DONE]");
    ex.endStream();
  };
  pump();
}

/** OpenAI sends one chunk per choice index. */
function writeChoices(ex: MockExchange, plan: AnswerPlan, delta: Step, finishReason: string | null = null) {
  for (let index = 0; index < plan.n; index++) ex.writeEvent(JSON.stringify(chunk(plan, index, delta, finishReason)));
}

/** The deltas of a stream, one per paced "token": text pieces, or tool-call header + argument pieces. */
function streamSteps(plan: AnswerPlan): Step[] {
  if (!plan.toolCalls) return plan.kind === "chat" ? plan.tokens.map((content) => ({ content })) : plan.tokens;
  return plan.toolCalls.flatMap((call, index) => [
    { tool_calls: [{ index, id: call.id, type: "function", function: { name: call.name, arguments: "" } }] },
    ...splitArguments(call.arguments).map((piece) => ({ tool_calls: [{ index, function: { arguments: piece } }] })),
  ]);
}

function makePlan(kind: OpenAIKind, body: Body, ex: MockExchange): AnswerPlan {
  const { behavior } = ex;
  // A conversation ending with a tool's result is the turn after the model's tool calls: it
  // is answered in text, as a model would once it has what it asked for.
  const last = kind === "chat" && Array.isArray(body.messages) ? body.messages.at(-1) : null;
  const toolResult = isObject(last) && last.role === "tool" ? contentText(last.content) : null;
  const prompt = toolResult !== null ? `tool result ${toolResult}` : kind === "chat" ? lastUserText(body.messages) : promptText(body.prompt);
  const allText = kind === "chat" && Array.isArray(body.messages)
    ? body.messages.map((m) => contentText(isObject(m) ? m.content : "")).join(" ")
    : prompt;
  const toolCalls = kind === "chat" && toolResult === null && behavior.toolCalls?.length ? normalizeToolCalls(behavior.toolCalls) : null;
  const n = typeof body.n === "number" && Number.isInteger(body.n) && body.n > 1 ? Math.min(body.n, 16) : 1;
  const streamOptions = isObject(body.stream_options) ? body.stream_options : {};
  return {
    kind,
    id: `${kind === "chat" ? "chatcmpl" : "cmpl"}-mock-${randomBytes(8).toString("hex")}`,
    created: Math.floor(Date.now() / 1000),
    model: typeof body.model === "string" ? body.model : (ex.params.deployment ?? "mock-model"),
    n,
    tokens: answerTokens(behavior, prompt),
    toolCalls,
    finishReason: toolCalls ? "tool_calls" : (behavior.finishReason ?? "stop"),
    promptTokens: Math.max(1, countWords(allText)),
    includeUsage: streamOptions.include_usage === true,
  };
}

/** The checks OpenAI itself makes, so an engine bug shows up as the 400 it would get upstream. */
function validate(kind: OpenAIKind, body: Body | null, ex: MockExchange): string | null {
  if (!body) return "We could not parse the JSON body of your request.";
  if (typeof body.model !== "string" && !ex.params.deployment) return "you must provide a model parameter";
  if (kind === "chat" && !Array.isArray(body.messages)) return "Missing required parameter: 'messages'.";
  return null;
}

function promptText(prompt: unknown): string {
  if (typeof prompt === "string") return prompt;
  return Array.isArray(prompt) && typeof prompt[0] === "string" ? prompt[0] : "";
}

function isObject(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
