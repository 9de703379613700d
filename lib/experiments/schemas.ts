import { z } from "zod";
import { gatewayConfigSchema } from "@/lib/completions/gateway-config";
import { scorerSpecSchema } from "@/lib/scorers/schemas";

/**
 * An experiment: one dataset version run against one or more targets, each case scored by
 * every scorer. One schema for the API, the CLI's body and (later) the form.
 */

/** A target: a prompt reference (`id`, `id@7`, `id@production`, `id@draft`) with optional overrides. */
export const experimentTargetSchema = z.strictObject({
  prompt: z.string().trim().min(1).max(300),
  /** Shown in results; defaults to the prompt reference (plus the model when overridden). */
  name: z.string().trim().min(1).max(200).optional(),
  model: z.string().min(1).max(200).optional(),
  virtual_key: z.string().min(1).max(200).optional(),
  /** OpenAI parameters (temperature, max_tokens...) over the version's own. */
  parameters: z.record(z.string(), z.unknown()).optional(),
  /** What `x-portkey-config` carries on a completion: retries, timeout, fallback targets. */
  config: gatewayConfigSchema.optional(),
});
export type ExperimentTarget = z.infer<typeof experimentTargetSchema>;

/** A saved scorer by id, or one written inline. */
export const experimentScorerSchema = z.union([z.strictObject({ scorer_id: z.string().min(1) }), scorerSpecSchema]);
export type ExperimentScorerInput = z.infer<typeof experimentScorerSchema>;

export const DEFAULT_CONCURRENCY = 8;
export const MAX_CASES = 50_000;

export const createExperimentSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  dataset_id: z.string().min(1),
  /** The dataset version to run; the current one by default. */
  dataset_version: z.number().int().positive().optional(),
  targets: z.array(experimentTargetSchema).min(1).max(10),
  scorers: z.array(experimentScorerSchema).max(20).default([]),
  repetitions: z.number().int().min(1).max(20).default(1),
  concurrency: z.number().int().min(1).max(64).default(DEFAULT_CONCURRENCY),
});
export type CreateExperimentInput = z.infer<typeof createExperimentSchema>;

export const listExperimentsQuerySchema = z.object({
  dataset_id: z.string().min(1).optional(),
  /** Experiments with a target on this prompt (its id or slug, any version). */
  prompt_id: z.string().min(1).max(300).optional(),
  status: z.enum(["queued", "running", "completed", "cancelled", "failed"]).optional(),
  current_page: z.coerce.number().int().min(0).default(0),
  page_size: z.coerce.number().int().min(1).max(100).default(50),
});
export type ListExperimentsQuery = z.infer<typeof listExperimentsQuerySchema>;

export const resultsQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
  target: z.coerce.number().int().min(0).optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;

/** `baseline`: another experiment's id; `baseline_target`: a target of this experiment (its index). */
export const compareQuerySchema = z
  .object({
    baseline: z.string().min(1).optional(),
    baseline_target: z.coerce.number().int().min(0).optional(),
  })
  .refine((q) => (q.baseline === undefined) !== (q.baseline_target === undefined), "pass baseline (an experiment id) or baseline_target (a target index)");
export type CompareQuery = z.infer<typeof compareQuerySchema>;
