import { z } from "zod";
import { listQuerySchema } from "@/lib/prompts/schemas";

/**
 * A scorer's definition: what it checks, and the threshold its score in [0, 1] must reach to
 * pass. One schema serves the saved-scorer API, inline scorers in an experiment and the form.
 * Checks that only fail at run time elsewhere (a regex that does not compile, a JSON Schema
 * that is not one, a judge prompt that does not exist) are refused here, at save.
 */

const MAX_PATTERN = 1_000;
const text = z.string().max(10_000);
const threshold = z.number().min(0, "0 to 1").max(1, "0 to 1");
const caseOptions = { ignore_case: z.boolean().optional() };

const bound = z.object({ min: z.number().optional(), max: z.number().optional() }).refine((b) => b.min !== undefined || b.max !== undefined, "set min, max or both");

export const scorerDefinitionSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("exact_match"), ...caseOptions, trim: z.boolean().optional() }),
  z.strictObject({
    type: z.enum(["contains", "not_contains"]),
    /** What to look for; absent: the case's `expected`. */
    values: z.array(text.min(1)).min(1).max(100).optional(),
    /** `any` passes when one value is (not) found, `all` when every one is (not). */
    mode: z.enum(["any", "all"]).optional(),
    ...caseOptions,
  }),
  z.strictObject({ type: z.literal("regex"), pattern: z.string().min(1).max(MAX_PATTERN), flags: z.string().regex(/^[imsu]*$/, "flags: i, m, s, u").optional() }),
  z.strictObject({ type: z.literal("json_valid") }),
  z.strictObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) }),
  z.strictObject({ type: z.literal("similarity"), ...caseOptions }),
  z.strictObject({ type: z.enum(["latency_ms", "total_tokens", "cost_usd"]), bounds: bound }),
  z.strictObject({
    type: z.literal("llm_judge"),
    /** The judge: a prompt reference, `id`, `id@3` or `id@production`. */
    prompt: z.string().min(1).max(300),
    /** Maps the judge's answer (a word) to a score, e.g. {"pass": 1, "fail": 0}; absent: JSON {score, reason}. */
    choice_scores: z.record(z.string().min(1).max(100), threshold).optional(),
  }),
]);
export type ScorerDefinition = z.infer<typeof scorerDefinitionSchema>;
export type ScorerType = ScorerDefinition["type"];

/** A scorer as an experiment or the API holds it: a definition with a name and a threshold. */
export const scorerSpecSchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(200),
  definition: scorerDefinitionSchema,
  /** The score a case needs to pass; default 1 for yes/no checks, 0.8 for similarity and judges. */
  threshold: threshold.optional(),
});
export type ScorerSpec = z.infer<typeof scorerSpecSchema>;

export const createScorerSchema = scorerSpecSchema.extend({
  collection_id: z.string().min(1).nullish(),
  description: z.string().max(2000).nullish(),
});
export type CreateScorerInput = z.infer<typeof createScorerSchema>;

export const updateScorerSchema = createScorerSchema.partial();
export type UpdateScorerInput = z.infer<typeof updateScorerSchema>;

export const listScorersQuerySchema = listQuerySchema.extend({ collection_id: z.string().min(1).optional() });
export type ListScorersQuery = z.infer<typeof listScorersQuerySchema>;

/** One case to score without saving anything: what the "try it" box and the API's test route take. */
export const scorerTrialSchema = z.object({
  scorer: scorerSpecSchema,
  output: text.max(1_000_000),
  expected: z.unknown().optional(),
  latency_ms: z.number().nonnegative().optional(),
  total_tokens: z.number().int().nonnegative().optional(),
  cost_usd: z.number().nonnegative().optional(),
});
export type ScorerTrial = z.infer<typeof scorerTrialSchema>;

export const JUDGE_TEMPLATE_IDS = ["correctness", "rubric"] as const;
export type JudgeTemplateId = (typeof JUDGE_TEMPLATE_IDS)[number];

/** "Add judge from template": which one, where, and what model judges. */
export const judgeFromTemplateSchema = z.object({
  template: z.enum(JUDGE_TEMPLATE_IDS),
  /** Names both the judge prompt and its saved scorer; the template's name by default. */
  name: z.string().trim().min(1, "must not be empty").max(200).optional(),
  collection_id: z.string().min(1).nullish(),
  model: z.string().trim().min(1, "pick the model that judges").max(200),
  virtual_key: z.string().min(1).nullish(),
});
export type JudgeFromTemplateInput = z.infer<typeof judgeFromTemplateSchema>;
