import type { ProviderInfo } from "@/lib/providers/declarations";
import { modelIds } from "@/lib/providers/declaration";

/**
 * What a new prompt starts with: the first configured provider (the oldest virtual key) and
 * the first model its declaration suggests, so a new prompt can run at once. Null without keys.
 */
export function defaultModelChoice(
  keys: { slug: string; ai_provider_name: string; created_at: string }[],
  providers: Pick<ProviderInfo, "id" | "models">[],
): { virtualKey: string; model: string | null } | null {
  const first = [...keys].sort((a, b) => a.created_at.localeCompare(b.created_at))[0];
  if (!first) return null;
  const provider = providers.find((p) => p.id === first.ai_provider_name);
  return { virtualKey: first.slug, model: modelIds(provider)[0] ?? null };
}
