import type { ModelPrice } from "./match";

export interface TokenUsage {
  promptTokens?: number | null;
  completionTokens?: number | null;
  /** Of the prompt tokens, those read from the provider's cache. */
  cachedTokens?: number | null;
}

/**
 * A call's cost in US dollars, or null when it is unknown (no price, or usage missing):
 * never a zero that would read as "free". Prompt tokens include the cached ones, as
 * OpenAI's usage counts them; those are priced at the cached rate when there is one.
 */
export function costUsd(price: Pick<ModelPrice, "inputPerMTok" | "outputPerMTok" | "cachedInputPerMTok"> | null, usage: TokenUsage): number | null {
  if (!price) return null;
  const { promptTokens, completionTokens } = usage;
  if (promptTokens == null || completionTokens == null) return null;
  const cached = Math.min(Math.max(usage.cachedTokens ?? 0, 0), promptTokens);
  const micro = (promptTokens - cached) * price.inputPerMTok + cached * (price.cachedInputPerMTok ?? price.inputPerMTok) + completionTokens * price.outputPerMTok;
  // Rounded to a billionth of a cent: floating-point dust would otherwise show in sums.
  return Math.round((micro / 1_000_000) * 1e11) / 1e11;
}
