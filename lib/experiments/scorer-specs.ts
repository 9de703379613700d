import { checkScorerDefinition } from "@/lib/scorers/check";
import { defaultThreshold } from "@/lib/scorers/score";
import { getScorer } from "@/lib/scorers/scorers";
import { scorerDefinitionSchema, type ScorerDefinition } from "@/lib/scorers/schemas";
import { badRequest } from "@/lib/core/http/errors";
import type { ExperimentScorerInput } from "./schemas";

/** A scorer as an experiment keeps it: a snapshot, so a later edit of a saved one changes no run. */
export interface ScorerSnapshot {
  name: string;
  definition: ScorerDefinition;
  threshold: number;
  scorer_id: string | null;
}

/** Saved scorers read, inline ones checked as a save would; names must differ (results key on them). */
export async function snapshotScorers(inputs: readonly ExperimentScorerInput[]): Promise<ScorerSnapshot[]> {
  const snapshots: ScorerSnapshot[] = [];
  for (const [index, input] of inputs.entries()) {
    if ("scorer_id" in input) {
      const saved = await getScorer(input.scorer_id);
      const definition = scorerDefinitionSchema.parse(saved.definition);
      snapshots.push({ name: saved.name, definition, threshold: saved.threshold ?? defaultThreshold(definition), scorer_id: saved.id });
    } else {
      await checkScorerDefinition(input.definition, `scorers.${index}.definition`);
      snapshots.push({ name: input.name, definition: input.definition, threshold: input.threshold ?? defaultThreshold(input.definition), scorer_id: null });
    }
  }
  const names = snapshots.map((s) => s.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw badRequest(`Two scorers are named '${repeated}': give each a different name`, "scorers", "duplicate_scorer");
  return snapshots;
}
