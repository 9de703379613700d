import { db } from "@/lib/core/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { loggedAnswer } from "./answer";
import { parseMetadataColumn } from "./metadata";
import type { LogStatus } from "./schemas";

/**
 * Logs as test cases (a backtest set): each log's variables, and the answer it got. Picked
 * by id, or by a filter over the newest `limit` logs, optionally a random sample of them.
 */
export interface BacktestFilter {
  logIds?: readonly string[];
  promptId?: string;
  promptVersion?: number;
  since?: Date;
  until?: Date;
  status?: LogStatus;
  /** Every key must equal the call's metadata value (as a string): its x-portkey-metadata, or its request body's `metadata`. */
  metadata?: Record<string, string>;
  sample?: number;
  /** The most logs looked at (newest first). */
  limit: number;
}

export interface BacktestCase {
  logId: string;
  variables: Record<string, unknown>;
  /** The answer's text; a JSON value for an answer made only of tool calls; null for none. */
  answer: unknown;
}

export async function logsAsTestCases(filter: BacktestFilter, random: () => number = Math.random): Promise<BacktestCase[]> {
  const where: Prisma.CompletionLogWhereInput[] = [];
  if (filter.logIds) where.push({ id: { in: [...filter.logIds] } });
  if (filter.promptId) where.push({ promptId: filter.promptId });
  if (filter.promptVersion !== undefined) where.push({ promptVersion: filter.promptVersion, isDraft: false });
  if (filter.status) where.push({ status: filter.status });
  if (filter.since) where.push({ createdAt: { gte: filter.since } });
  if (filter.until) where.push({ createdAt: { lte: filter.until } });
  const rows = await db.completionLog.findMany({
    where: { AND: where },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: filter.limit,
    select: { id: true, variables: true, response: true, ...(filter.metadata ? { request: true, metadata: true } : {}) },
  });
  let picked = filter.metadata ? rows.filter((row) => metadataMatches(row as { request?: unknown; metadata?: string | null }, filter.metadata!)) : rows;
  if (filter.sample !== undefined && picked.length > filter.sample) picked = sample(picked, filter.sample, random);
  // Oldest first: the order they were asked in.
  picked = [...picked].reverse();
  return picked.map((row) => ({ logId: row.id, variables: isObject(row.variables) ? row.variables : {}, answer: loggedAnswer(row.response) }));
}

function metadataMatches(row: { request?: unknown; metadata?: string | null }, wanted: Record<string, string>): boolean {
  const inBody = isObject(row.request) && isObject(row.request.metadata) ? row.request.metadata : null;
  const inHeader = parseMetadataColumn(row.metadata ?? null);
  if (!inBody && !inHeader) return false;
  const metadata = { ...inBody, ...inHeader };
  return Object.entries(wanted).every(([key, value]) => metadata[key] !== undefined && String(metadata[key]) === value);
}

/** A uniform random sample of `size`, in the rows' order (partial Fisher–Yates over indexes). */
function sample<T>(rows: T[], size: number, random: () => number): T[] {
  const indexes = rows.map((_, i) => i);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(random() * (indexes.length - i));
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return indexes
    .slice(0, size)
    .sort((a, b) => a - b)
    .map((i) => rows[i]);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);
