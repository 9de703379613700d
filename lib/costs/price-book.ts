import { recordChange } from "@/lib/audit/record";
import { onRemoteWrite, publishWrite, remoteWritesHeard } from "@/lib/core/cache/bus";
import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/http/errors";
import { runtimeSlot } from "@/lib/core/runtime";
import type { ModelPrices } from "@/lib/providers/declaration";
import { listDeclarations } from "@/lib/providers/declarations";
import { PROVIDER_IDS, type ProviderId } from "@/lib/providers/ids";
import { findPrice, type ModelPrice } from "./match";
import type { DeleteModelPriceQuery, ModelPriceResponse, PutModelPriceInput } from "./schemas";

interface BookEntry extends ModelPrice {
  provider: ProviderId;
  source: "declared" | "override";
  declared: ModelPrices | null;
  updatedAt: Date | null;
}

/** Every priced model by provider: declared prices with the admins' overrides merged over them. */
export type PriceBook = ReadonlyMap<string, readonly BookEntry[]>;

// The safety net for an invalidation lost in flight; writes clear it at once.
const TTL_MS = 60_000;

const state = runtimeSlot("model-price-book", () => ({ generation: 0, book: null as PriceBook | null, at: 0 }));

function forget(): void {
  state.generation += 1;
  state.book = null;
}

onRemoteWrite("model-prices", forget);

const isProvider = (id: string): id is ProviderId => (PROVIDER_IDS as readonly string[]).includes(id);

async function loadBook(): Promise<PriceBook> {
  const overrides = await db.modelPrice.findMany({ orderBy: [{ provider: "asc" }, { model: "asc" }] });
  const book = new Map<string, BookEntry[]>();
  for (const declaration of listDeclarations()) {
    const entries: BookEntry[] = [];
    for (const model of declaration.models) {
      if (!model.prices) continue;
      const { inputPerMTok, outputPerMTok, cachedInputPerMTok } = model.prices;
      entries.push({ provider: declaration.id, model: model.id, inputPerMTok, outputPerMTok, cachedInputPerMTok: cachedInputPerMTok ?? null, source: "declared", declared: model.prices, updatedAt: null });
    }
    book.set(declaration.id, entries);
  }
  for (const row of overrides) {
    // A provider no longer in the code: nothing can be logged under it.
    if (!isProvider(row.provider)) continue;
    const entries = book.get(row.provider) ?? [];
    const index = entries.findIndex((entry) => entry.model === row.model);
    const entry: BookEntry = { ...row, provider: row.provider, source: "override", declared: index >= 0 ? entries[index].declared : null };
    if (index >= 0) entries[index] = entry;
    else entries.push(entry);
    book.set(row.provider, entries);
  }
  return book;
}

/** The price book, cached until a price is written here or on another instance. */
export async function priceBook(): Promise<PriceBook> {
  if (!remoteWritesHeard()) return loadBook();
  if (state.book && Date.now() - state.at < TTL_MS) return state.book;
  const generation = state.generation;
  const book = await loadBook();
  if (generation === state.generation) Object.assign(state, { book, at: Date.now() });
  return book;
}

/** The price a call of `model` through `provider` is charged at, or null (unknown). */
export function priceFor(book: PriceBook, provider: string | null | undefined, model: string | null | undefined): ModelPrice | null {
  if (!provider || !model) return null;
  return findPrice(book.get(provider) ?? [], model);
}

function response(entry: BookEntry): ModelPriceResponse {
  const { declared } = entry;
  return {
    provider: entry.provider,
    model: entry.model,
    input_per_mtok: entry.inputPerMTok,
    output_per_mtok: entry.outputPerMTok,
    cached_input_per_mtok: entry.cachedInputPerMTok,
    source: entry.source,
    checked: entry.source === "declared" ? (declared?.checked ?? null) : null,
    updated_at: entry.updatedAt?.toISOString() ?? null,
    declared: declared
      ? { input_per_mtok: declared.inputPerMTok, output_per_mtok: declared.outputPerMTok, cached_input_per_mtok: declared.cachedInputPerMTok ?? null, checked: declared.checked }
      : null,
  };
}

/** GET /v1/model-prices: every priced model, declared and overridden, by provider then model. */
export async function listModelPrices(): Promise<{ data: ModelPriceResponse[]; total: number }> {
  const data = [...(await loadBook()).values()].flat().map(response);
  return { data, total: data.length };
}

async function changed(): Promise<void> {
  forget();
  await publishWrite("model-prices");
}

/** PUT /v1/model-prices: sets an override; logs written from now on are priced with it. */
export async function putModelPrice(input: PutModelPriceInput): Promise<ModelPriceResponse> {
  const prices = { inputPerMTok: input.input_per_mtok, outputPerMTok: input.output_per_mtok, cachedInputPerMTok: input.cached_input_per_mtok ?? null };
  const key = { provider: input.provider, model: input.model };
  await db.modelPrice.upsert({ where: { provider_model: key }, create: { ...key, ...prices }, update: prices });
  await recordChange(db, { action: "settings.model_price", target: { type: "model_price", name: `${input.provider}/${input.model}` }, after: input });
  await changed();
  const entry = (await loadBook()).get(input.provider)?.find((candidate) => candidate.model === input.model);
  return response(entry!);
}

/** DELETE /v1/model-prices: removes an override (the declared price, if any, applies again). */
export async function deleteModelPrice(query: DeleteModelPriceQuery): Promise<Record<string, never>> {
  const { count } = await db.modelPrice.deleteMany({ where: { provider: query.provider, model: query.model } });
  if (count === 0) throw notFound(`No price override for ${query.provider} model ${query.model}`);
  await recordChange(db, { action: "settings.model_price_delete", target: { type: "model_price", name: `${query.provider}/${query.model}` }, before: query });
  await changed();
  return {};
}
