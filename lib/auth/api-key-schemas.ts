import { z } from "zod";

/**
 * Admin API for API keys, shared by the route and the Settings form. Kept apart from
 * api-keys.ts so the form does not pull the database client into a browser bundle.
 */
export const API_KEY_SCOPES = ["admin", "editor", "completions"] as const;

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, "must not be empty").max(100),
    scope: z.enum(API_KEY_SCOPES, { error: () => `must be one of: ${API_KEY_SCOPES.join(", ")}` }),
    // Completions per minute for this key; absent or null follows PROMPTLY_RATE_LIMIT_PER_MINUTE, 0 is unlimited.
    rate_limit_per_minute: z.number().int().min(0).max(1_000_000).nullish(),
    // A completions key runs published and labelled versions only; true also lets it run
    // drafts (`template`...) and any saved version, as the playground does.
    allow_drafts: z.boolean().optional(),
    // Virtual keys (slug or id) a completions key may name besides its prompts' own.
    virtual_keys: z.array(z.string().min(1).max(200)).max(100).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.scope === "completions") return;
    for (const field of ["allow_drafts", "virtual_keys"] as const) {
      if (input[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: "applies to completions keys only: an admin or editor key may already run anything" });
    }
  });
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** What the list answers for one key: never the key, never its hash. */
export interface ApiKeySummary {
  id: string;
  name: string;
  prefix: string;
  scope: (typeof API_KEY_SCOPES)[number];
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  rate_limit_per_minute: number | null;
  allow_drafts: boolean;
  /** Ids of the virtual keys a completions key may name besides its prompts' own. */
  virtual_keys: string[];
}

/** The answer to a create: the only time `key` is ever sent. */
export interface CreatedApiKey {
  id: string;
  key: string;
  name: string;
  prefix: string;
  scope: (typeof API_KEY_SCOPES)[number];
  rate_limit_per_minute: number | null;
  allow_drafts: boolean;
  virtual_keys: string[];
}
