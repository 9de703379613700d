import type { Caller } from "@/lib/auth/caller";
import type { RequestHeaders } from "@/lib/core/http/api-request";
import { prepareCall } from "./prepare";
import type { CompletionRequest } from "./request-schema";
import { runAccessOf } from "./run-access";

/** POST /render: what /completions would send, without calling the provider. */
export async function renderPrompt(ref: string, request: CompletionRequest, headers: Pick<RequestHeaders, "get">, caller: Caller | null) {
  const { body } = await prepareCall(ref, request, headers, runAccessOf(caller));
  return { success: true, data: body };
}
