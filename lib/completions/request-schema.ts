import { z } from "zod";
import { describeLimit, jsonFits, limitValue, MAX_VARIABLES_BYTES, templateText } from "@/lib/core/limits/content-limits";

const stop = z.union([z.string(), z.array(z.string()).max(16)]);

/**
 * The body of POST /v1/prompts/:id/completions and /render: `variables`, `stream`, and any
 * OpenAI parameter as a per-call override of the stored settings. Known parameters are
 * type-checked so a typo'd value is a 400, not an opaque provider error; unknown keys pass
 * through to the provider (OpenAI-compatible servers accept their own extensions).
 */
export const completionRequestSchema = z
  .object({
    variables: z
      .record(z.string(), z.unknown())
      .superRefine((variables, ctx) => {
        const max = limitValue(MAX_VARIABLES_BYTES);
        if (!jsonFits(variables, max)) ctx.addIssue({ code: "custom", message: `variables are larger than the limit of ${describeLimit(MAX_VARIABLES_BYTES, max)}` });
      })
      .optional(),
    stream: z.boolean().optional(),
    prompt_id: z.string().optional(),
    model: z.string().min(1).optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    top_k: z.number().int().min(0).optional(),
    max_tokens: z.number().int().positive().optional(),
    max_completion_tokens: z.number().int().positive().optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    n: z.number().int().min(1).max(128).optional(),
    seed: z.number().int().optional(),
    stop: stop.nullable().optional(),
    user: z.string().optional(),
    logprobs: z.union([z.boolean(), z.number().int()]).optional(),
    top_logprobs: z.number().int().min(0).max(20).optional(),
    tools: z.array(z.record(z.string(), z.unknown())).optional(),
    tool_choice: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
    response_format: z.object({ type: z.enum(["text", "json_object", "json_schema"]) }).loose().optional(),
    stream_options: z.record(z.string(), z.unknown()).nullable().optional(),
    // Promptly extension: run an unsaved draft through the same engine (the playground does).
    // `template` replaces the addressed version's template, `template_type` its kind and
    // `virtual_key` (slug or id) its provider credential; such runs are logged as drafts.
    template: templateText.min(1).optional(),
    template_type: z.enum(["chat", "completion"]).optional(),
    virtual_key: z.string().min(1).optional(),
  })
  .loose();

export type CompletionRequest = z.infer<typeof completionRequestSchema>;

/** Keys that steer Promptly itself and are never forwarded to a provider. */
export const CONTROL_KEYS = ["variables", "stream", "prompt_id", "template", "template_type", "virtual_key"] as const;
