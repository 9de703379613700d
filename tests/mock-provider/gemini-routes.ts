import { contentText, lastUserText } from "./answer";
import { totalDelay } from "./behavior";
import { functionCallParts, fullResponse, geminiError, geminiKeyError, geminiResponse, thoughtParts, type GeminiShape } from "./gemini-format";
import { geminiModelRules, mockSignature } from "./gemini-models";
import { validateGeminiRequest } from "./gemini-validate";
import { isObject, nativePlan, writeSteps } from "./native-plan";
import type { MockRoute } from "./route";
import type { MockExchange } from "./types";
import { sendBehaviorError } from "./behavior-error";

/**
 * Gemini's `models/{model}:generateContent` and `:streamGenerateContent?alt=sse`, under
 * /v1beta (and /v1, the stable API), with the same behaviours as the OpenAI routes. The model
 * is named by the URL, so model-name presets (mock-error-429...) read it from there.
 */
const modelOf = (_body: unknown, params: Record<string, string>) => params.model;
const path = (method: string) => new RegExp(`^/v1(?:beta)?/models/(?<model>[^/:]+):${method}$`);

export const geminiRoutes: MockRoute[] = [
  { method: "POST", path: path("generateContent"), modelOf, handle: (ex) => answer(ex, false) },
  { method: "POST", path: path("streamGenerateContent"), modelOf, handle: (ex) => answer(ex, true) },
];

type Body = Record<string, unknown>;

async function answer(ex: MockExchange, streaming: boolean): Promise<void> {
  const { behavior } = ex;
  if (behavior.status !== undefined && behavior.status >= 400) return sendBehaviorError(ex, behavior.status, geminiError);
  const key = ex.req.headers["x-goog-api-key"] ?? ex.url.searchParams.get("key");
  if (!key) return ex.json(403, geminiError(403, "Method doesn't allow unregistered callers. Please use an API key."));
  // The mock's convention for a key Google would not know: it starts with "bad".
  if (String(key).startsWith("bad")) return ex.json(400, geminiKeyError());
  if (streaming && ex.url.searchParams.get("alt") !== "sse") {
    return ex.json(400, geminiError(400, "mock provider: streamGenerateContent is served as SSE only (?alt=sse)"));
  }
  const body = isObject(ex.body) ? ex.body : null;
  const model = decode(ex.params.model);
  const invalid = validateGeminiRequest(body, model);
  if (invalid || !body) return ex.json(400, geminiError(400, invalid ?? "invalid body"));

  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const plan = nativePlan(behavior, facts(body, model, config), "mock-");
  const shape: GeminiShape = {
    plan,
    candidates: typeof config.candidateCount === "number" && config.candidateCount > 1 ? Math.min(config.candidateCount, 8) : 1,
    // A behaviour's finishReason in Gemini's own spelling is sent as is.
    ...(behavior.finishReason && /^[A-Z_]+$/.test(behavior.finishReason) ? { finishReason: behavior.finishReason } : {}),
    ...(geminiModelRules(model).signs ? { signature: mockSignature(plan.id) } : {}),
    ...(behavior.thoughts ? { thoughts: behavior.thoughts } : {}),
  };
  if (streaming) return stream(ex, shape);
  const steps = shape.plan.toolCalls ? shape.plan.toolCalls.length : shape.plan.tokens.length;
  if (!(await ex.sleep(totalDelay(behavior, steps)))) return;
  if (behavior.cutAfterTokens !== undefined) return ex.cut();
  ex.json(200, fullResponse(shape));
}

async function stream(ex: MockExchange, shape: GeminiShape) {
  const { plan } = shape;
  const send = (data: unknown) => ex.writeEvent(JSON.stringify(data));
  ex.startStream();
  // The thought summary first, then one chunk per text token, or per function call (Gemini
  // streams a call whole).
  const thoughts = thoughtParts(shape);
  if (thoughts.length > 0) send(geminiResponse(shape, thoughts, false, 0));
  const steps = plan.toolCalls
    ? functionCallParts(shape).map((part) => () => send(geminiResponse(shape, [part], false, 0)))
    : plan.tokens.map((text, i) => () => send(geminiResponse(shape, [{ text }], false, i + 1)));
  if (!(await writeSteps(ex, steps, () => send(geminiError(503, ex.behavior.errorMessage))))) return;
  // The last chunk carries the finish reason and the final usage (and a text answer's signature).
  send(geminiResponse(shape, [{ text: "", ...(shape.signature && !plan.toolCalls ? { thoughtSignature: shape.signature } : {}) }], true));
  ex.endStream();
}

function facts(body: Body, model: string, config: Record<string, unknown>) {
  const contents = (body.contents as Array<{ role?: string; parts?: unknown }>).map((c) => ({ role: c.role ?? "user", content: c.parts }));
  const system = isObject(body.systemInstruction) ? contentText(body.systemInstruction.parts) : "";
  return {
    model,
    promptText: lastUserText(contents),
    allText: [system, ...contents.map((c) => contentText(c.content))].join(" "),
    stopSequences: Array.isArray(config.stopSequences) ? config.stopSequences.filter((s): s is string => typeof s === "string") : [],
    maxTokens: typeof config.maxOutputTokens === "number" ? config.maxOutputTokens : undefined,
  };
}

function decode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? "");
  } catch {
    return segment ?? "";
  }
}
