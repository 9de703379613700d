import { z } from "zod";

/**
 * Admin API for API keys, shared by the route and the Settings form. Kept apart from
 * api-keys.ts so the form does not pull the database client into a browser bundle.
 */
export const API_KEY_SCOPES = ["admin", "completions"] as const;

export const createApiKeySchema = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100),
  scope: z.enum(API_KEY_SCOPES, { error: () => `must be one of: ${API_KEY_SCOPES.join(", ")}` }),
  // Completions per minute for this key; absent or null follows PROMPTLY_RATE_LIMIT_PER_MINUTE, 0 is unlimited.
  rate_limit_per_minute: z.number().int().min(0).max(1_000_000).nullish(),
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
}

/** The answer to a create: the only time `key` is ever sent. */
export interface CreatedApiKey {
  id: string;
  key: string;
  name: string;
  prefix: string;
  scope: (typeof API_KEY_SCOPES)[number];
  rate_limit_per_minute: number | null;
}
