import { z } from "zod";

/**
 * POST /v1/logs (the portkey-ai SDK's `logs.create`): a call made outside Promptly, in
 * Portkey's shape: `request` (`url`, `method`, `headers`, `body`), `response` (`status`,
 * `headers`, `body`, `response_time` in ms) and `metadata` (strings; `trace_id`, `span_id`,
 * `span_name` are Portkey's reserved keys). One object or a list.
 */
export const EXTERNAL_LOGS_MAX_ITEMS = 100;

const headers = z.record(z.string(), z.unknown()).optional();
const customLogSchema = z.object({
  request: z.object({
    url: z.string().max(2048).optional(),
    method: z.string().max(16).optional(),
    headers,
    body: z.unknown().optional(),
  }),
  response: z.object({
    status: z.number().int().min(100).max(599).optional(),
    headers,
    body: z.unknown().optional(),
    response_time: z.number().int().min(0).max(86_400_000).optional(),
  }),
  // Validated against the metadata rules (lib/logs/metadata.ts) when the row is built.
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type CustomLog = z.infer<typeof customLogSchema>;

export const createLogsSchema = z.preprocess(
  (body) => (Array.isArray(body) ? body : [body]),
  z.array(customLogSchema, { error: () => "must be a log object or a list of them" }).min(1).max(EXTERNAL_LOGS_MAX_ITEMS),
);
