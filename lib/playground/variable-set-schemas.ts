import { z } from "zod";
import { describeLimit, jsonFits, limitValue, MAX_VARIABLES_BYTES } from "@/lib/core/limits/content-limits";

/**
 * A saved variable set: a name and each variable's value as typed in its playground field
 * (a JSON value is its text). One schema serves the API, the hook and the form.
 */
export const variableSetNameSchema = z.string().trim().min(1, "Give the set a name").max(100, "At most 100 characters");

export const variableSetValuesSchema = z
  .record(z.string().min(1).max(200), z.string())
  .refine((values) => Object.keys(values).length <= 200, "At most 200 variables")
  .superRefine((values, ctx) => {
    const max = limitValue(MAX_VARIABLES_BYTES);
    if (!jsonFits(values, max)) ctx.addIssue({ code: "custom", message: `variables are larger than the limit of ${describeLimit(MAX_VARIABLES_BYTES, max)}` });
  });

export const createVariableSetSchema = z.strictObject({
  name: variableSetNameSchema,
  variables: variableSetValuesSchema,
});
export type CreateVariableSetInput = z.infer<typeof createVariableSetSchema>;

export const updateVariableSetSchema = createVariableSetSchema.partial();
export type UpdateVariableSetInput = z.infer<typeof updateVariableSetSchema>;

export interface VariableSetEntry {
  id: string;
  prompt_id: string;
  name: string;
  variables: Record<string, string>;
  created_at: string;
  updated_at: string;
}
