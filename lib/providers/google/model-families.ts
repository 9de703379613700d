import type { ModelFamily } from "../types";

/**
 * Where Gemini models differ from ./capabilities.ts (which describes the current ones): the
 * longest matching prefix wins. Penalties: Gemini 2.5 and later answer "Penalty is not enabled
 * for models/…"; only Gemini 2.0 Flash (and Flash-Lite) take them.
 */
export const GOOGLE_MODEL_FAMILIES: readonly ModelFamily[] = [
  {
    name: "Gemini 2.0 Flash",
    prefixes: ["gemini-2.0-flash"],
    capabilities: { penalties: true },
  },
  {
    // Experimental and thinking builds of 2.0 refuse penalties like the later models.
    name: "Gemini 2.0 experimental",
    prefixes: ["gemini-2.0-flash-thinking", "gemini-2.0-flash-exp", "gemini-exp"],
  },
];
