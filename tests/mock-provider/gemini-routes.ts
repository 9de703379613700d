import { contentText, lastUserText } from "./answer";
import { totalDelay } from "./behavior";
import { functionCallParts, fullResponse, geminiError, geminiResponse, type GeminiShape } from "./gemini-format";
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
  if (!ex.req.headers["x-goog-api-key"] && !ex.url.searchParams.get("key")) {
    return ex.json(403, geminiError(403, "Method doesn't allow unregistered callers. Please use an API key."));
  }
  if (streaming && ex.url.searchParams.get("alt") !== "sse") {
    return ex.json(400, geminiError(400, "mock provider: streamGenerateContent is served as SSE only (?alt=sse)"));
  }
  const body = isObject(ex.body) ? ex.body : null;
  const invalid = validate(body);
  if (invalid || !body) return ex.json(400, geminiError(400, invalid ?? "invalid body"));

  const config = isObject(body.generationConfig) ? body.generationConfig : {};
  const shape: GeminiShape = {
    plan: nativePlan(behavior, facts(body, decode(ex.params.model), config), "mock-"),
    candidates: typeof config.candidateCount === "number" && config.candidateCount > 1 ? Math.min(config.candidateCount, 8) : 1,
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
  // One chunk per text token, or per function call (Gemini streams a call whole).
  const steps = plan.toolCalls
    ? functionCallParts(plan).map((part) => () => send(geminiResponse(shape, [part], false, 0)))
    : plan.tokens.map((text, i) => () => send(geminiResponse(shape, [{ text }], false, i + 1)));
  if (!(await writeSteps(ex, steps, () => send(geminiError(503, ex.behavior.errorMessage))))) return;
  // The last chunk carries the finish reason and the final usage.
  send(geminiResponse(shape, [{ text: "" }], true));
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

/** The checks the real API makes, so an adapter bug shows up as the 400 it would get there. */
function validate(body: Body | null): string | null {
  if (!body) return "Invalid JSON payload received.";
  if (!Array.isArray(body.contents) || body.contents.length === 0) return "* GenerateContentRequest.contents: contents is not specified";
  for (const content of body.contents) {
    if (!isObject(content) || !Array.isArray(content.parts) || content.parts.length === 0) {
      return "* GenerateContentRequest.contents[].parts: contents.parts must not be empty.";
    }
    if (content.role !== undefined && content.role !== "user" && content.role !== "model") return "Please use a valid role: user, model.";
  }
  if (body.systemInstruction !== undefined && !isObject(body.systemInstruction)) return "Invalid value at 'system_instruction'";
  return null;
}

function decode(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? "");
  } catch {
    return segment ?? "";
  }
}
