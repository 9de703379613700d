import { prepareCall } from "./prepare";
import type { CompletionRequest } from "./request-schema";

/** POST /render: what /completions would send, without calling the provider. */
export async function renderPrompt(ref: string, request: CompletionRequest, headers: Headers) {
  const { body } = await prepareCall(ref, request, headers);
  return { success: true, data: body };
}
