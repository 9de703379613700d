/** A price per million tokens for one provider's model, from its declaration or an admin's override. */
export interface ModelPrice {
  provider: string;
  model: string;
  inputPerMTok: number;
  outputPerMTok: number;
  /** Null: cached prompt tokens are priced as input. */
  cachedInputPerMTok: number | null;
}

// A dated snapshot or moving alias of a model: gpt-4o-2024-08-06, claude-sonnet-4-20250514,
// gpt-3.5-turbo-0125, claude-3-5-haiku-latest, claude-sonnet-4-0.
const SNAPSHOT_SUFFIX = /-(?:latest|\d{4}-\d{2}-\d{2}|\d{8}|\d{4}|0)$/;

/** The model a name is a snapshot or alias of (itself when it is neither). */
export function baseModel(model: string): string {
  return model.replace(SNAPSHOT_SUFFIX, "");
}

/**
 * The price of `model` among one provider's `prices` (overrides already merged in): the exact
 * name first, then a price whose model is the same base model (a snapshot priced as the model
 * it snapshots, which admins correct with an exact override when a snapshot costs more).
 * Null when nothing matches: unknown, never zero.
 */
export function findPrice<P extends Pick<ModelPrice, "model">>(prices: readonly P[], model: string): P | null {
  const exact = prices.find((price) => price.model === model);
  if (exact) return exact;
  const base = baseModel(model);
  return prices.find((price) => baseModel(price.model) === base) ?? null;
}
