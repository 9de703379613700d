import { promptGatewaySettings, type PromptSettings } from "@/lib/completions/gateway-config";
import type { Prompt } from "@/lib/generated/prisma/client";
import { jsonOrNull } from "./db-helpers";
import type { UpdatePromptInput } from "./schemas";

/**
 * The prompt's own settings (strict variables, the gateway's retry and timeout): columns of
 * the prompt, not of a version, so they apply to whichever version runs.
 */

/** The columns a create or update body sets; an absent key leaves its column as it is. */
export function promptSettingsData(input: Pick<UpdatePromptInput, "strict_variables" | "settings">) {
  return {
    ...(input.strict_variables !== undefined ? { strictVariables: input.strict_variables } : {}),
    ...(input.settings !== undefined ? { settings: jsonOrNull(input.settings) } : {}),
  };
}

/** As the retrieve and list answers show them: read the way the engine reads them, so what is shown is what applies. */
export function promptSettingsOut(prompt: Pick<Prompt, "strictVariables" | "settings">): {
  strict_variables: boolean;
  settings: PromptSettings | null;
} {
  return {
    strict_variables: prompt.strictVariables,
    settings: prompt.settings === null ? null : promptGatewaySettings(prompt.settings),
  };
}
