import { ApiError, badRequest } from "@/lib/core/http/errors";
import { resolvePromptVersion } from "@/lib/prompts/resolve";
import { compileError } from "./bounded-regex";
import { schemaError } from "./json-schema";
import type { ScorerDefinition } from "./schemas";

/**
 * What only shows when a scorer runs, checked when it is saved: a regex that does not
 * compile, a JSON Schema that is not one, a judge prompt that does not exist. `where` is the
 * path of the definition in the request body, for the 400's `param`.
 */
export async function checkScorerDefinition(definition: ScorerDefinition, where = "definition"): Promise<void> {
  if (definition.type === "regex") {
    const error = compileError(definition.pattern, definition.flags ?? "");
    if (error) throw badRequest(`The pattern is not a valid regular expression: ${error}`, `${where}.pattern`, "invalid_scorer");
  }
  if (definition.type === "json_schema") {
    const error = schemaError(definition.schema);
    if (error) throw badRequest(`The schema is not a JSON Schema this scorer can check: ${error}`, `${where}.schema`, "invalid_scorer");
  }
  if (definition.type === "llm_judge") {
    try {
      await resolvePromptVersion(definition.prompt);
    } catch (error) {
      if (error instanceof ApiError && error.status < 500) {
        throw badRequest(`The judge prompt '${definition.prompt}' can't be used: ${error.message}`, `${where}.prompt`, "invalid_scorer");
      }
      throw error;
    }
  }
}
