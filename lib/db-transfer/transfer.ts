import type { PrismaClient } from "@/lib/core/db";
import { DEFERRED_FIELDS, delegate, primaryKey, scalarFields, toWritable, TRANSFER_ORDER, type ModelName, type Row } from "./models";

export type Counts = Record<ModelName, number>;
/** One model's rows, a page at a time, in TRANSFER_ORDER. */
export type Batches = AsyncIterable<{ model: ModelName; rows: Row[] }>;

const PAGE = 500;

export async function countRows(client: PrismaClient): Promise<Counts> {
  const counts = {} as Counts;
  for (const model of TRANSFER_ORDER) counts[model] = await delegate(client, model).count();
  return counts;
}

/** Every row of every model, in primary-key pages (keyset paging: logs can be many). */
export async function* readDatabase(client: PrismaClient): Batches {
  for (const model of TRANSFER_ORDER) {
    const table = delegate(client, model);
    const key = primaryKey(model);
    const orderBy = key.map((field) => ({ [field]: "asc" }));
    for (let page = 0, after: unknown = undefined; ; page += 1) {
      // Composite keys (prompt labels, a small table) page by offset instead.
      const rows =
        key.length === 1
          ? await table.findMany({ where: after === undefined ? {} : { [key[0]]: { gt: after } }, orderBy, take: PAGE })
          : await table.findMany({ orderBy, skip: page * PAGE, take: PAGE });
      if (rows.length > 0) yield { model, rows };
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1][key[0]];
    }
  }
}

export class TransferError extends Error {}

/** Refuses a target that holds anything: an import never merges into existing data. */
export async function assertEmpty(client: PrismaClient): Promise<void> {
  const counts = await countRows(client);
  const used = Object.entries(counts).filter(([, count]) => count > 0);
  if (used.length > 0) {
    const list = used.map(([model, count]) => `${model} ${count}`).join(", ");
    throw new TransferError(`The target database is not empty (${list}): import into a new database, before its first start.`);
  }
}

/**
 * Writes the batches into `client` (which must be empty) and returns how many rows of each
 * model it wrote. Fields that point forward or at their own table (DEFERRED_FIELDS) are
 * written null, then set once every row exists, keeping each row's updatedAt as it was.
 */
export async function writeDatabase(client: PrismaClient, batches: Batches): Promise<Counts> {
  await assertEmpty(client);
  const written = Object.fromEntries(TRANSFER_ORDER.map((model) => [model, 0])) as Counts;
  const later: { model: ModelName; where: Row; data: Row }[] = [];
  for await (const { model, rows } of batches) {
    const fields = scalarFields(client, model);
    const deferred = DEFERRED_FIELDS[model] ?? [];
    const hasUpdatedAt = fields.some((field) => field.name === "updatedAt");
    const data = rows.map((raw) => {
      const row = toWritable(fields, raw);
      const postponed = Object.fromEntries(deferred.filter((name) => row[name] != null).map((name) => [name, row[name]]));
      if (Object.keys(postponed).length > 0) {
        for (const name of deferred) row[name] = null;
        // An update would stamp updatedAt with now: carry the original over.
        later.push({ model, where: { id: row.id }, data: { ...postponed, ...(hasUpdatedAt ? { updatedAt: row.updatedAt } : {}) } });
      }
      return row;
    });
    written[model] += (await delegate(client, model).createMany({ data })).count;
  }
  for (const { model, where, data } of later) await delegate(client, model).update({ where, data });
  return written;
}

/** Throws unless every model has the same count in each of the given tallies. */
export function assertSameCounts(tallies: Record<string, Counts>): void {
  const names = Object.keys(tallies);
  const mismatches = TRANSFER_ORDER.filter((model) => new Set(names.map((name) => tallies[name][model])).size > 1).map(
    (model) => `${model}: ${names.map((name) => `${name} ${tallies[name][model]}`).join(", ")}`,
  );
  if (mismatches.length > 0) {
    throw new TransferError(`Row counts differ (was Promptly still running?):\n  ${mismatches.join("\n  ")}`);
  }
}

/** Source → target database directly (`db:migrate-to`), counts checked on both sides. */
export async function copyDatabase(source: PrismaClient, target: PrismaClient): Promise<Counts> {
  const before = await countRows(source);
  const written = await writeDatabase(target, readDatabase(source));
  assertSameCounts({ source: before, copied: written, target: await countRows(target), "source after": await countRows(source) });
  return written;
}
