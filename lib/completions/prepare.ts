import type { RequestHeaders } from "@/lib/core/http/api-request";
import { ApiError, badRequest, conflict, unprocessable } from "@/lib/core/http/errors";
import { loadPartialTemplate } from "@/lib/partials/loader";
import { resolvePromptVersion, type ResolvedPrompt } from "@/lib/prompts/resolve";
import { servedArm } from "@/lib/prompts/split";
import { renderTemplate, TemplateError, type RenderedTemplate } from "@/lib/templates";
import { mergeParameters } from "./merge-parameters";
import { CONTROL_KEYS, type CompletionRequest } from "./request-schema";
import { assertMayRunDraft, assertMayRunVersion, type RunAccess } from "./run-access";
import { splitKeyOf } from "./split-key";

export const STRICT_HEADER = "x-promptly-strict-variables";

export interface PreparedCall {
  /** The version that serves this request: a canary's arm already chosen. */
  resolved: ResolvedPrompt;
  kind: "chat" | "completion";
  /** True when the request ran an unsaved draft (template or virtual key override). */
  isDraft: boolean;
  /** The virtual key to call: the version's, or the draft's override. */
  virtualKeyRef: string | null;
  variables: Record<string, unknown>;
  rendered: RenderedTemplate;
  /** The OpenAI-format body, without `stream`: merged settings plus messages or prompt. */
  body: Record<string, unknown>;
}

/**
 * The shared first half of /render and /completions: resolve the addressed version, render
 * its template with the variables (strict mode on by header or prompt setting), and merge
 * the stored settings with the request's overrides.
 */
export async function prepareCall(
  ref: string,
  request: CompletionRequest,
  headers: Pick<RequestHeaders, "get">,
  access: RunAccess,
  traceId?: string,
): Promise<PreparedCall> {
  // Before anything is read or rendered: a refused draft costs nothing.
  assertMayRunDraft(access, request);
  const resolved = servedArm(await resolvePromptVersion(ref, request.prompt_id), () => splitKeyOf(headers, traceId));
  const { version, prompt } = resolved;
  if (prompt.archived) throw conflict(`Prompt '${prompt.slug}' is archived: restore it to run it`, "prompt_archived");
  assertMayRunVersion(access, version, prompt.slug);
  const variables = request.variables ?? {};
  const strict = headers.get(STRICT_HEADER)?.toLowerCase() === "true" || prompt.strictVariables;
  const kind = request.template_type ?? version.templateType;
  const template = request.template ?? version.template;
  const rendered = await renderOrThrow(kind, template, variables, strict);

  const overrides: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    if (!(CONTROL_KEYS as readonly string[]).includes(key)) overrides[key] = value;
  }
  const settings = mergeParameters(version, overrides);
  return {
    resolved,
    kind,
    isDraft: request.template !== undefined || request.template_type !== undefined || request.virtual_key !== undefined,
    virtualKeyRef: request.virtual_key ?? version.virtualKeyId,
    variables,
    rendered,
    body: { ...settings, ...rendered },
  };
}

async function renderOrThrow(kind: "chat" | "completion", template: string, variables: Record<string, unknown>, strict: boolean) {
  try {
    return await renderTemplate(kind, template, variables, loadPartialTemplate, { strict });
  } catch (error) {
    throw templateErrorToApiError(error);
  }
}

/** A caller's missing variable is their 400; a broken stored template is a 422. */
export function templateErrorToApiError(error: unknown): unknown {
  if (!(error instanceof TemplateError)) return error;
  if (error.code === "missing_variables") return badRequest(error.message, "variables", "missing_variables");
  const failure = unprocessable(`Template could not be rendered: ${error.message}`, "template");
  return new ApiError(failure.status, failure.message, failure.type, error.code, failure.param);
}
