import { splitArguments, contentText, lastUserText } from "./answer";
import { totalDelay } from "./behavior";
import { anthropicError, anthropicMessage, messageDelta, messageStart } from "./anthropic-format";
import { isObject, nativePlan, writeSteps, type NativePlan } from "./native-plan";
import type { MockRoute } from "./route";
import type { MockBehavior, MockExchange } from "./types";
import { sendBehaviorError } from "./behavior-error";
import { anthropicRequestError, sampleOf } from "./anthropic-validate";

/**
 * Anthropic's Messages API (`POST /v1/messages`), JSON and SSE, with the same behaviours as
 * the OpenAI routes (pacing, tool calls, errors, cuts, stalls). A virtual key reaches it
 * with the mock's URL as custom host, with or without `/v1`.
 */
export const anthropicRoutes: MockRoute[] = [{ method: "POST", path: "/v1/messages", handle: (ex) => answer(ex) }];

type Body = Record<string, unknown>;

async function answer(ex: MockExchange): Promise<void> {
  const { behavior } = ex;
  const headers = { "request-id": `req_mock_${ex.record.seq}` };
  if (behavior.status !== undefined && behavior.status >= 400) return sendBehaviorError(ex, behavior.status, anthropicError, headers);
  if (!ex.req.headers["x-api-key"]) return ex.json(401, anthropicError(401, "x-api-key header is required"), headers);
  if (!ex.req.headers["anthropic-version"]) return ex.json(400, anthropicError(400, "anthropic-version: header is required"), headers);
  const body = isObject(ex.body) ? ex.body : null;
  const invalid = anthropicRequestError(body);
  if (invalid || !body) return ex.json(400, anthropicError(400, invalid ?? "invalid body"), headers);

  const plan = nativePlan(withStructuredAnswer(behavior, body), facts(body), "msg_mock_");
  if (body.stream === true) return stream(ex, plan, headers);
  const steps = plan.toolCalls ? plan.toolCalls.reduce((n, c) => n + 1 + splitArguments(c.arguments).length, 0) : plan.tokens.length;
  if (!(await ex.sleep(totalDelay(behavior, steps)))) return;
  if (behavior.cutAfterTokens !== undefined) return ex.cut();
  ex.json(200, anthropicMessage(plan, behavior.finishReason), headers);
}

async function stream(ex: MockExchange, plan: NativePlan, headers: Record<string, string>) {
  const send = (data: Record<string, unknown>) => ex.writeEvent(JSON.stringify(data), data.type as string);
  ex.startStream(headers);
  send(messageStart(plan));
  const steps: Array<() => void> = [];
  if (plan.toolCalls) {
    plan.toolCalls.forEach((call, index) => {
      steps.push(() => {
        if (index > 0) send({ type: "content_block_stop", index: index - 1 });
        send({ type: "content_block_start", index, content_block: { type: "tool_use", id: call.id, name: call.name, input: {} } });
        // The real API opens every tool input with an empty fragment.
        send({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: "" } });
      });
      for (const piece of splitArguments(call.arguments)) {
        steps.push(() => send({ type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: piece } }));
      }
    });
  } else {
    send({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
    send({ type: "ping" });
    for (const text of plan.tokens) steps.push(() => send({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text } }));
  }
  const overloaded = () => send({ type: "error", error: anthropicError(529, ex.behavior.errorMessage).error });
  if (!(await writeSteps(ex, steps, overloaded))) return;
  const lastBlock = plan.toolCalls ? plan.toolCalls.length - 1 : 0;
  if (lastBlock >= 0) send({ type: "content_block_stop", index: lastBlock });
  send(messageDelta(plan, ex.behavior.finishReason));
  send({ type: "message_stop" });
  ex.endStream();
}

function facts(body: Body) {
  const messages = body.messages as Array<{ role: string; content: unknown }>;
  const system = typeof body.system === "string" ? body.system : contentText(body.system);
  return {
    model: body.model as string,
    promptText: lastUserText(messages),
    allText: [system, ...messages.map((m) => contentText(m.content))].join(" "),
    stopSequences: Array.isArray(body.stop_sequences) ? body.stop_sequences.filter((s): s is string => typeof s === "string") : [],
    maxTokens: body.max_tokens as number,
  };
}

/**
 * With structured outputs the answer's text is JSON matching the schema, as the real API's is;
 * a behaviour that sets the answer (content, tokens, tool calls) still wins.
 */
function withStructuredAnswer(behavior: MockBehavior, body: Body): MockBehavior {
  const format = isObject(body.output_config) && isObject(body.output_config.format) ? body.output_config.format : null;
  if (!format || behavior.content !== undefined || behavior.tokens !== undefined || behavior.toolCalls?.length) return behavior;
  return { ...behavior, content: JSON.stringify(sampleOf(format.schema)) };
}
