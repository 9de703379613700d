import { z } from "zod";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/ids";

const perMTok = z.number().finite().nonnegative().max(1_000_000);

/** PUT /v1/model-prices: an override for one provider's model (zero is allowed: a free model). */
export const putModelPriceSchema = z.strictObject({
  provider: z.enum(PROVIDER_IDS),
  model: z.string().trim().min(1).max(200),
  input_per_mtok: perMTok,
  output_per_mtok: perMTok,
  cached_input_per_mtok: perMTok.nullish(),
});
export type PutModelPriceInput = z.infer<typeof putModelPriceSchema>;

/** DELETE /v1/model-prices?provider=&model=: back to the declared price, or to unknown. */
export const deleteModelPriceQuerySchema = z.object({
  provider: z.enum(PROVIDER_IDS),
  model: z.string().min(1).max(200),
});
export type DeleteModelPriceQuery = z.infer<typeof deleteModelPriceQuerySchema>;

export interface ModelPriceResponse {
  provider: ProviderId;
  model: string;
  input_per_mtok: number;
  output_per_mtok: number;
  cached_input_per_mtok: number | null;
  /** "override" when an admin set it (over a declared price or for a model without one). */
  source: "declared" | "override";
  /** The day the declared price was checked; null for an override. */
  checked: string | null;
  updated_at: string | null;
  /** The provider's declared price under an override, if any. */
  declared: { input_per_mtok: number; output_per_mtok: number; cached_input_per_mtok: number | null; checked: string } | null;
}
