import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * PROMPTLY_LOG_BODIES: `full` (the default) keeps what a call sent and got back; `metadata`
 * keeps timings, tokens, cost, ids, status, error and the caller's metadata but never the
 * rendered text, the variables or the output, for teams whose privacy rules forbid storing
 * them. Applied by the log writer to every row (completions, experiments, POST /v1/logs).
 */
export type LogBodiesMode = "full" | "metadata";

// Once per bad value, not once per batch.
const warned = new Set<string>();

export function logBodiesMode(env: Record<string, string | undefined> = process.env): LogBodiesMode {
  const value = env.PROMPTLY_LOG_BODIES?.trim().toLowerCase();
  if (!value || value === "full") return "full";
  if (value === "metadata") return "metadata";
  // A typo must not silently keep the text a team meant to drop: fail closed.
  if (!warned.has(value)) {
    warned.add(value);
    console.error(`[promptly] PROMPTLY_LOG_BODIES must be "full" or "metadata" (got "${value}"); storing metadata only`);
  }
  return "metadata";
}

type Row = Prisma.CompletionLogCreateManyInput;

/** The row as stored under `mode`: the text-bearing columns emptied in metadata mode. */
export function withLogBodies<T extends Row>(row: T, mode: LogBodiesMode): T {
  if (mode === "full") return row;
  return { ...row, variables: undefined, request: undefined, response: undefined };
}
