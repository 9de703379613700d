import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/core/http/errors";
import { runCompletion } from "@/lib/completions/engine";
import { CONFIG_HEADER } from "@/lib/completions/gateway-config";
import type { Usage } from "@/lib/completions/log-row";
import { costUsd } from "@/lib/costs/cost";
import { priceBook, priceFor } from "@/lib/costs/price-book";
import type { PreparedCall } from "@/lib/completions/prepare";
import { readJudgeAnswer } from "@/lib/scorers/judge";
import { scoreCase, type DeterministicDefinition } from "@/lib/scorers/score";
import type { ExperimentTarget } from "./schemas";
import type { ScorerSnapshot } from "./scorer-specs";
import type { CaseScore } from "./summary";

export interface CaseItem {
  variables: Record<string, unknown>;
  expected: unknown;
  metadata: Record<string, unknown> | null;
}

export interface CaseResult {
  status: "done" | "errored";
  input: unknown;
  output: string | null;
  latencyMs: number | null;
  promptTokens: number | null;
  completionTokens: number | null;
  totalTokens: number | null;
  /** The target call's price, as the log writer prices its row; null when unknown. */
  costUsd: number | null;
  error: string | null;
  scores: (CaseScore & { reason: string })[] | null;
  passed: boolean | null;
}

const NO_HEADERS = new Headers();

/** `@draft` names the prompt's working copy: its latest saved version. */
export function engineRef(prompt: string): string {
  return prompt.replace(/@draft$/i, "@latest");
}

interface Answer {
  output: string;
  rendered: unknown;
  latencyMs: number;
  usage: Usage | null;
  costUsd: number | null;
}

/**
 * One call through the completion engine, as `/v1/prompts/:id/completions` makes it (render,
 * provider, retries, fallback, log row) but in-process, non-streamed, with the experiment's
 * id on its log row. The engine's own typed error (a provider's refusal, a timeout) is thrown.
 */
async function complete(ref: string, request: Record<string, unknown>, experimentId: string, signal: AbortSignal, headers: Headers = NO_HEADERS): Promise<Answer> {
  let rendered: unknown = null;
  let called: { provider: string; model: string } | null = null;
  const started = performance.now();
  const response = await runCompletion(engineRef(ref), { ...request, stream: false }, {
    traceId: randomUUID(),
    caller: null,
    headers,
    signal,
    experimentId,
    onPrepared: (prepared: PreparedCall) => (rendered = prepared.rendered),
    onCalling: (call) => (called = call),
  });
  const latencyMs = Math.round(performance.now() - started);
  if (!response.ok) throw new ApiError(response.status, `the call ended with HTTP ${response.status}`, "api_error", "experiment_call");
  const body = (await response.json()) as {
    choices?: { message?: { content?: unknown }; text?: unknown }[];
    usage?: Answer["usage"];
  };
  const choice = body.choices?.[0];
  const content = choice?.message?.content ?? choice?.text ?? "";
  const usage = body.usage ?? null;
  // The attempt that answered is the last one made.
  const last = called as { provider: string; model: string } | null;
  const price = last ? priceFor(await priceBook(), last.provider, last.model) : null;
  const cost = costUsd(price, { promptTokens: usage?.prompt_tokens, completionTokens: usage?.completion_tokens, cachedTokens: usage?.prompt_tokens_details?.cached_tokens });
  return { output: typeof content === "string" ? content : JSON.stringify(content), rendered, latencyMs, usage, costUsd: cost };
}

function targetRequest(target: ExperimentTarget, variables: Record<string, unknown>): Record<string, unknown> {
  return {
    ...(target.parameters ?? {}),
    variables,
    ...(target.model ? { model: target.model } : {}),
    ...(target.virtual_key ? { virtual_key: target.virtual_key } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one case and scores it. A failing call is an errored case with its message, never a throw. */
export async function runCase(experimentId: string, target: ExperimentTarget, item: CaseItem, scorers: readonly ScorerSnapshot[], signal: AbortSignal): Promise<CaseResult> {
  let answer: Answer;
  try {
    const headers = target.config ? new Headers({ [CONFIG_HEADER]: JSON.stringify(target.config) }) : NO_HEADERS;
    answer = await complete(target.prompt, targetRequest(target, item.variables), experimentId, signal, headers);
  } catch (error) {
    if (!(error instanceof ApiError)) console.error("[promptly] experiment case failed:", error);
    return { status: "errored", input: null, output: null, latencyMs: null, promptTokens: null, completionTokens: null, totalTokens: null, costUsd: null, error: messageOf(error), scores: null, passed: null };
  }
  const scores: (CaseScore & { reason: string })[] = [];
  for (const scorer of scorers) scores.push({ name: scorer.name, ...(await scoreOne(experimentId, scorer, item, answer, signal)) });
  return {
    status: "done",
    input: answer.rendered,
    output: answer.output,
    latencyMs: answer.latencyMs,
    promptTokens: answer.usage?.prompt_tokens ?? null,
    completionTokens: answer.usage?.completion_tokens ?? null,
    totalTokens: answer.usage?.total_tokens ?? null,
    costUsd: answer.costUsd,
    error: null,
    scores,
    passed: scores.every((s) => s.passed),
  };
}

async function scoreOne(experimentId: string, scorer: ScorerSnapshot, item: CaseItem, answer: Answer, signal: AbortSignal) {
  const { definition } = scorer;
  if (definition.type !== "llm_judge") {
    const spec = { name: scorer.name, definition: definition as DeterministicDefinition, threshold: scorer.threshold };
    return scoreCase(spec, { output: answer.output, expected: item.expected ?? undefined, latency_ms: answer.latencyMs, total_tokens: answer.usage?.total_tokens, cost_usd: answer.costUsd ?? undefined });
  }
  // The judge is a Promptly prompt like any other: its call is logged (with the experiment's id).
  const variables = { input: item.variables, output: answer.output, expected: item.expected ?? null, metadata: item.metadata ?? {} };
  try {
    const verdict = await complete(definition.prompt, { variables }, experimentId, signal);
    const reading = readJudgeAnswer(verdict.output, definition.choice_scores);
    if (!reading.ok) return { score: null, passed: false, reason: reading.reason };
    return { score: reading.score, passed: reading.score >= scorer.threshold, reason: reading.reason };
  } catch (error) {
    return { score: null, passed: false, reason: `the judge failed: ${messageOf(error)}` };
  }
}
