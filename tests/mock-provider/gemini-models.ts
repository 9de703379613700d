/**
 * What the real Gemini API accepts, per model, as Google's docs and the API's own answers
 * (quoted in SDK and gateway bug threads) show it. Written here, not read from Promptly's
 * declarations: a wrong declaration must fail against this table, not agree with itself.
 * A model name that is not a Gemini version (gemini-test, mock-…) gets no model rule.
 */
export interface GeminiModelRules {
  /** presencePenalty / frequencyPenalty: "Penalty is not enabled for models/…" otherwise. */
  penalties: boolean;
  /** candidateCount > 1: "Multiple candidates is not enabled for this model" otherwise. */
  multipleCandidates: boolean;
  /** responseMimeType application/json with function declarations (structured output with tools). */
  jsonWithFunctionCalling: boolean;
  /**
   * Thinking models sign their answers: the first function call part, or else the last text
   * part (streamed: a closing chunk with an empty text part).
   */
  signs: boolean;
  /** The current turn's calls must come back signed (Gemini 3, not its image model). */
  requiresSignatures: boolean;
}

const LENIENT: GeminiModelRules = { penalties: true, multipleCandidates: true, jsonWithFunctionCalling: true, signs: false, requiresSignatures: false };

export function geminiModelRules(model: string): GeminiModelRules {
  const name = model.replace(/^models\//, "");
  const match = /^gemini-(\d+(?:\.\d+)?)-/.exec(name);
  if (!match) return LENIENT;
  const version = Number(match[1]);
  const image = /-image/.test(name);
  const experimental2 = /^gemini-2\.0-flash-(thinking|exp)/.test(name);
  return {
    penalties: version < 2.5 && !experimental2,
    multipleCandidates: version < 3 && !image,
    jsonWithFunctionCalling: version >= 3,
    signs: version >= 2.5,
    requiresSignatures: version >= 3 && !image,
  };
}

/** The values Google documents for calls the model did not make: accepted without validation. */
export const SIGNATURE_BYPASSES = ["skip_thought_signature_validator", "context_engineering_is_the_way_to_go"];

const SIGNATURE_PREFIX = "mock-thought-signature:";

/** A signature only this mock issues (base64, like the real opaque ones). */
export function mockSignature(responseId: string): string {
  return Buffer.from(`${SIGNATURE_PREFIX}${responseId}`).toString("base64");
}

export function isValidSignature(signature: string): boolean {
  return SIGNATURE_BYPASSES.includes(signature) || Buffer.from(signature, "base64").toString().startsWith(SIGNATURE_PREFIX);
}
