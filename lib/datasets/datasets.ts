import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import { badRequest, notFound } from "@/lib/core/http/errors";
import type { Dataset, DatasetItem, Prisma } from "@/lib/generated/prisma/client";
import { fitsInt, pageArgs } from "@/lib/prompts/db-helpers";
import { collectionIdFromBody } from "@/lib/prompts/lookup";
import { changeDataset, plural } from "./change";
import type { CreateDatasetInput, ListDatasetsQuery, ListItemsQuery, UpdateDatasetInput, UpdateItemInput } from "./schemas";

/**
 * Datasets: CRUD, items by version, item edits. Name, description and folder are the
 * dataset's own and change without a new version (as a prompt's name does); every change
 * of its items makes one (lib/datasets/change.ts). Deleting is soft: the dataset leaves
 * every list and lookup, but its rows stay for the experiments that ran on its versions.
 */

export async function datasetOr404(id: string): Promise<Dataset> {
  const dataset = await db.dataset.findFirst({ where: { id, deletedAt: null } });
  if (!dataset) throw notFound(`Dataset '${id}' not found`);
  return dataset;
}

async function itemCountOf(dataset: Pick<Dataset, "id" | "currentVersion">): Promise<number> {
  const row = await db.datasetVersion.findUnique({ where: { datasetId_version: { datasetId: dataset.id, version: dataset.currentVersion } }, select: { itemCount: true } });
  return row?.itemCount ?? 0;
}

export function datasetResponse(dataset: Dataset, itemCount: number) {
  return {
    id: dataset.id,
    name: dataset.name,
    description: dataset.description,
    collection_id: dataset.collectionId,
    current_version: dataset.currentVersion,
    item_count: itemCount,
    created_at: dataset.createdAt.toISOString(),
    last_updated_at: dataset.updatedAt.toISOString(),
  };
}
export type DatasetResponse = ReturnType<typeof datasetResponse>;

export async function createDataset(input: CreateDatasetInput, createdById: string | null) {
  const collectionId = await collectionIdFromBody(input.collection_id);
  const created = await db.dataset.create({ data: { name: input.name, description: input.description ?? null, collectionId, createdById } });
  const items = input.items ?? [];
  // The first version exists from the start (empty or with the items sent along).
  await changeDataset(created.id, createdById, (change) => change.add(items), ({ added }) => (added ? `create with ${plural(added, "item")}` : "create"));
  return getDataset(created.id);
}

export async function listDatasets(query: ListDatasetsQuery) {
  const collectionId = query.collection_id ? await collectionIdFromBody(query.collection_id) : undefined;
  const where: Prisma.DatasetWhereInput = {
    deletedAt: null,
    ...(collectionId ? { collectionId } : {}),
    ...(query.search ? { OR: [{ name: { contains: query.search } }, { description: { contains: query.search } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.dataset.findMany({ where, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], ...pageArgs(query) }),
    db.dataset.count({ where }),
  ]);
  const counts = await db.datasetVersion.findMany({
    where: { OR: rows.map((row) => ({ datasetId: row.id, version: row.currentVersion })) },
    select: { datasetId: true, itemCount: true },
  });
  const countOf = new Map(counts.map((row) => [row.datasetId, row.itemCount]));
  return { total, data: rows.map((row) => datasetResponse(row, countOf.get(row.id) ?? 0)) };
}

export async function getDataset(id: string) {
  const dataset = await datasetOr404(id);
  return datasetResponse(dataset, await itemCountOf(dataset));
}

export async function updateDataset(id: string, input: UpdateDatasetInput) {
  const dataset = await datasetOr404(id);
  const data: Prisma.DatasetUncheckedUpdateInput = {};
  if (input.name !== undefined) data.name = input.name;
  if (input.description !== undefined) data.description = input.description;
  if (input.collection_id !== undefined) data.collectionId = await collectionIdFromBody(input.collection_id);
  const updated = Object.keys(data).length ? await db.dataset.update({ where: { id: dataset.id }, data }) : dataset;
  if (updated !== dataset) await recordChange(db, { action: "dataset.update", target: { type: "dataset", id: dataset.id, name: updated.name }, before: { name: dataset.name, description: dataset.description, collection_id: dataset.collectionId }, after: input });
  return datasetResponse(updated, await itemCountOf(updated));
}

export async function deleteDataset(id: string) {
  const dataset = await datasetOr404(id);
  const { count } = await db.dataset.updateMany({ where: { id: dataset.id, deletedAt: null }, data: { deletedAt: new Date() } });
  if (count > 0) await recordChange(db, { action: "dataset.delete", target: { type: "dataset", id: dataset.id, name: dataset.name } });
  return {};
}

// ---------------------------------------------------------------- items

/** The rows of version N: added in it or before, and not removed by it. */
export function versionWhere(datasetId: string, version: number): Prisma.DatasetItemWhereInput {
  return { datasetId, addedIn: { lte: version }, OR: [{ removedIn: null }, { removedIn: { gt: version } }] };
}

/** The version a query asks for (the current one by default); 404 for one that does not exist. */
export function versionOf(dataset: Dataset, requested: number | undefined): number {
  const version = requested ?? dataset.currentVersion;
  if (version < 1 || version > dataset.currentVersion) throw notFound(`Dataset '${dataset.id}' has no version ${version}`);
  return version;
}

export function itemResponse(row: Pick<DatasetItem, "itemId" | "variables" | "expected" | "metadata" | "addedIn" | "createdAt">) {
  return {
    id: row.itemId,
    variables: row.variables as Record<string, unknown>,
    expected: row.expected ?? null,
    metadata: (row.metadata ?? null) as Record<string, unknown> | null,
    version_added: row.addedIn,
    created_at: row.createdAt.toISOString(),
  };
}
export type DatasetItemResponse = ReturnType<typeof itemResponse>;

// Opaque to callers: base64url of the last position seen. Items are ordered by position,
// which an edit keeps, and one version holds one row per position.
const encodeCursor = (position: number) => Buffer.from(String(position), "utf8").toString("base64url");

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64url").toString("utf8");
  if (!/^\d{1,10}$/.test(text) || !fitsInt(Number(text))) throw badRequest("Invalid cursor: pass back the next_cursor of a previous page", "cursor");
  return Number(text);
}

export async function listItems(id: string, query: ListItemsQuery) {
  const dataset = await datasetOr404(id);
  const version = versionOf(dataset, query.version);
  const after = query.cursor ? decodeCursor(query.cursor) : -1;
  const rows = await db.datasetItem.findMany({
    where: { AND: [versionWhere(dataset.id, version), { position: { gt: after } }] },
    orderBy: { position: "asc" },
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { version, data: page.map(itemResponse), next_cursor: rows.length > query.limit && last ? encodeCursor(last.position) : null };
}

export async function updateItem(id: string, itemId: string, input: UpdateItemInput, createdById: string | null) {
  const dataset = await datasetOr404(id);
  const result = await changeDataset(
    dataset.id,
    createdById,
    async (change) => {
      const old = await change.remove(itemId);
      if (!old) throw notFound(`Item '${itemId}' not found in dataset '${id}'`);
      const item = {
        variables: input.variables ?? (old.variables as Record<string, unknown>),
        expected: input.expected !== undefined ? input.expected : old.expected,
        metadata: input.metadata !== undefined ? input.metadata : (old.metadata as Record<string, unknown> | null),
      };
      await change.replace(old, item);
      return item;
    },
    () => "edit item",
  );
  const row = await db.datasetItem.findFirstOrThrow({ where: { datasetId: dataset.id, itemId, addedIn: result.version } });
  return { version: result.version, item: itemResponse(row) };
}

export async function deleteItem(id: string, itemId: string, createdById: string | null) {
  const dataset = await datasetOr404(id);
  const result = await changeDataset(
    dataset.id,
    createdById,
    async (change) => {
      if (!(await change.remove(itemId))) throw notFound(`Item '${itemId}' not found in dataset '${id}'`);
    },
    () => "delete item",
  );
  return { version: result.version, item_count: result.itemCount };
}

export async function listVersions(id: string) {
  const dataset = await datasetOr404(id);
  const rows = await db.datasetVersion.findMany({ where: { datasetId: dataset.id }, orderBy: { version: "desc" } });
  return {
    data: rows.map((row) => ({
      version: row.version,
      description: row.description,
      item_count: row.itemCount,
      created_by: row.createdById,
      created_at: row.createdAt.toISOString(),
    })),
  };
}
