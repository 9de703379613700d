import { reviewParameters } from "@/lib/providers/model-policy";
import type { ProviderInfo } from "@/lib/providers/declarations";
import type { Draft } from "./draft";
import { parseDraftSettings } from "./draft-body";

/**
 * The saved settings the chosen model would refuse, by parameter, with the message the
 * engine would answer: shown in the editor before saving, from the same declaration
 * (GET /v1/providers) and the same review the engine runs.
 */
export function modelParameterFlags(draft: Draft, provider: ProviderInfo | null): Record<string, string> {
  const model = draft.settings.model.trim();
  if (!provider || !model) return {};
  const { parsed } = parseDraftSettings(draft);
  const body = { ...draft.settings.otherParameters, ...parsed.numbers, model };
  const flags: Record<string, string> = {};
  for (const refusal of reviewParameters(provider, body).refusals) flags[refusal.param] ??= refusal.message;
  return flags;
}
