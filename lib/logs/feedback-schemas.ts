import { z } from "zod";

/**
 * Portkey's feedback API (POST /v1/feedback, PUT /v1/feedback/:id): `trace_id`, `value`
 * (an integer from -10 to 10), `weight` (0 to 1, default 1) and `metadata` (any JSON object).
 * The portkey-ai SDK snake-cases only the top level of a body, so `traceID` arrives as
 * `trace_id` for one item but stays `traceID` inside a list; both spellings are read.
 */
export const FEEDBACK_MAX_ITEMS = 100;
export const FEEDBACK_METADATA_MAX_BYTES = 4096;

const value = z.number().int("must be an integer").min(-10).max(10);
const weight = z.number().min(0).max(1);
const metadata = z
  .record(z.string(), z.unknown(), { error: () => "must be a JSON object" })
  .refine((object) => Buffer.byteLength(JSON.stringify(object)) <= FEEDBACK_METADATA_MAX_BYTES, `must be at most ${FEEDBACK_METADATA_MAX_BYTES} bytes as JSON`);
const traceId = z.string().trim().min(1).max(255);

const feedbackItemSchema = z
  .object({ trace_id: traceId.optional(), traceID: traceId.optional(), traceId: traceId.optional(), value, weight: weight.optional(), metadata: metadata.optional() })
  .refine((item) => item.trace_id ?? item.traceID ?? item.traceId, { message: "is required", path: ["trace_id"] })
  .transform((item) => ({ traceId: (item.trace_id ?? item.traceID ?? item.traceId) as string, value: item.value, weight: item.weight ?? 1, metadata: item.metadata ?? null }));
export type FeedbackInput = z.infer<typeof feedbackItemSchema>;

// The SDK turns a list body into an object keyed "0", "1"... (it walks the body's keys to
// snake-case them): read that back as the list it was.
function asList(body: unknown): unknown {
  if (Array.isArray(body)) return body;
  if (body && typeof body === "object") {
    const keys = Object.keys(body);
    if (keys.length > 0 && keys.every((key, index) => key === String(index))) return Object.values(body);
    return [body];
  }
  return body;
}

export const createFeedbackSchema = z.preprocess(
  asList,
  z.array(feedbackItemSchema, { error: () => "must be a feedback object or a list of them" }).min(1).max(FEEDBACK_MAX_ITEMS),
);

/** PUT /v1/feedback/:id. The SDK also sends `feedback_id` in the body: ignored, the path names it. */
export const updateFeedbackSchema = z
  .object({ value, weight: weight.optional(), metadata: metadata.optional() })
  .transform((body) => ({ value: body.value, weight: body.weight, metadata: body.metadata }));
export type FeedbackUpdate = z.infer<typeof updateFeedbackSchema>;

/** What both calls answer: Portkey's shape. Its SDK types name the list `feedback_id`, its OpenAPI description `feedback_ids`: both are sent. */
export interface FeedbackAnswer {
  status: "success";
  message: string;
  feedback_id: string[];
  feedback_ids: string[];
}
