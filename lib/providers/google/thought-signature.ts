import { isObject } from "../native/openai-messages";

/**
 * Gemini signs the function calls of a thinking model (`thoughtSignature`, opaque base64) and
 * Gemini 3 refuses a conversation whose current turn replays a call without it. OpenAI's format
 * has no such field, so the signature rides with the call two ways: in the tool call's
 * `extra_content.google.thought_signature` (the field Google's own OpenAI-compatible endpoint
 * uses) and appended to the tool call's id, which every OpenAI client sends back with the
 * call and its result. Either is read back on the next turn.
 */

/** Google's documented value for a call the model did not make in this conversation. */
export const SIGNATURE_BYPASS = "skip_thought_signature_validator";

// Neither base64 nor the ids Gemini or this adapter make contain it.
const MARK = ".sig.";

export function idWithSignature(id: string, signature: string | undefined): string {
  return signature ? `${id}${MARK}${signature}` : id;
}

/** An OpenAI tool call id → the call's own id and the signature it carried, if any. */
export function splitCallId(id: string): { id: string; signature?: string } {
  const at = id.indexOf(MARK);
  return at === -1 ? { id } : { id: id.slice(0, at), signature: id.slice(at + MARK.length) || undefined };
}

/** The extension field of an OpenAI tool call, as Google's OpenAI-compatible endpoint names it. */
export function signatureExtension(signature: string | undefined): { extra_content?: { google: { thought_signature: string } } } {
  return signature ? { extra_content: { google: { thought_signature: signature } } } : {};
}

export function extensionSignature(toolCall: unknown): string | undefined {
  if (!isObject(toolCall) || !isObject(toolCall.extra_content) || !isObject(toolCall.extra_content.google)) return undefined;
  const signature = toolCall.extra_content.google.thought_signature;
  return typeof signature === "string" && signature ? signature : undefined;
}

/**
 * Ids this adapter made up because Gemini gave none (see toolCallIds in ./response.ts): they
 * are not Gemini's, so they are not replayed as `functionCall.id`.
 */
export function isDerivedCallId(id: string): boolean {
  return /^call_[\w-]+_\d+$/.test(id);
}
