import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/core/http/errors";
import { createPrompt } from "@/lib/prompts/prompts";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { TemplateError } from "@/lib/templates";
import { rejection } from "@/tests/fixtures/rejection";
import { runAccessOf } from "./run-access";
import { prepareCall, STRICT_HEADER, templateErrorToApiError } from "./prepare";
import { completionRequestSchema } from "./request-schema";

// prepareCall against a real (per-file SQLite) store: what it takes is a prompt reference,
// the parsed request body and the headers; what it gives is the provider body to send.
const chat = (...messages: unknown[]) => JSON.stringify(messages);
const request = (body: Record<string, unknown>) => completionRequestSchema.parse(body);
const none = new Headers();
// Signed-in people, admin keys and the engine itself run anything they can address.
const anyone = runAccessOf(null);

async function stored(name: string, fields: Record<string, unknown> = {}) {
  return createPrompt(createPromptSchema.parse({ name, string: chat({ role: "user", content: "Hi {{name}}" }), ...fields }));
}

const failure = (promise: Promise<unknown>) => rejection(promise, ApiError);

describe("prepareCall", () => {
  it("renders the stored template and merges stored settings under the request's overrides", async () => {
    const prompt = await stored("greeter", { model: "gpt-4o-mini", parameters: { temperature: 0.2, max_tokens: 50 } });
    const call = await prepareCall(prompt.id, request({ variables: { name: "Ada" }, temperature: 0.9, stream: true }), none, anyone);
    expect(call.kind).toBe("chat");
    expect(call.isDraft).toBe(false);
    expect(call.variables).toEqual({ name: "Ada" });
    expect(call.body).toEqual({ model: "gpt-4o-mini", temperature: 0.9, max_tokens: 50, messages: [{ role: "user", content: "Hi Ada" }] });
    // Control keys steer Promptly and never reach the provider.
    expect(call.body).not.toHaveProperty("stream");
    expect(call.body).not.toHaveProperty("variables");
    expect(call.resolved.prompt.id).toBe(prompt.id);
  });

  it("runs a draft: the request's template, kind and virtual key replace the version's", async () => {
    const prompt = await stored("drafted", { model: "m" });
    const call = await prepareCall(prompt.id, request({ template: "Say {{word}}", template_type: "completion", virtual_key: "vk-draft", variables: { word: "yes" } }), none, anyone);
    expect(call.isDraft).toBe(true);
    expect(call.kind).toBe("completion");
    expect(call.virtualKeyRef).toBe("vk-draft");
    expect(call.body).toEqual({ model: "m", prompt: "Say yes" });
  });

  it("leaves a missing variable empty unless strict mode is asked for by header or prompt setting", async () => {
    const lenient = await stored("lenient");
    const call = await prepareCall(lenient.id, request({}), none, anyone);
    expect(call.body.messages).toEqual([{ role: "user", content: "Hi " }]);

    const byHeader = await failure(prepareCall(lenient.id, request({}), new Headers({ [STRICT_HEADER]: "TRUE" }), anyone));
    expect(byHeader.status).toBe(400);
    expect(byHeader.code).toBe("missing_variables");
    expect(byHeader.param).toBe("variables");

    const strict = await stored("strict", { strict_variables: true });
    expect((await failure(prepareCall(strict.id, request({}), none, anyone))).status).toBe(400);
  });

  it("answers 422 for a template that can't be rendered and 404 for an unknown prompt", async () => {
    const prompt = await stored("broken");
    const broken = await failure(prepareCall(prompt.id, request({ template: "{{#open}}never closed" }), none, anyone));
    expect(broken.status).toBe(422);
    expect(broken.param).toBe("template");
    expect(broken.message).toMatch(/^Template could not be rendered: /);

    expect((await failure(prepareCall("no-such-prompt", request({}), none, anyone))).status).toBe(404);
  });
});

describe("templateErrorToApiError", () => {
  it("passes anything but a TemplateError through unchanged", () => {
    const other = new Error("db down");
    expect(templateErrorToApiError(other)).toBe(other);
  });

  it("keeps the template error's code on the 422", () => {
    const mapped = templateErrorToApiError(new TemplateError("invalid_template", "bad tag")) as ApiError;
    expect(mapped).toBeInstanceOf(ApiError);
    expect(mapped.status).toBe(422);
    expect(mapped.code).toBe("invalid_template");
  });
});
