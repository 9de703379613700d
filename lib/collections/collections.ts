import { recordChange } from "@/lib/audit/record";
import { db } from "@/lib/core/db";
import type { Collection } from "@/lib/generated/prisma/client";
import { badRequest, conflict, forbidden, notFound } from "@/lib/core/http/errors";
import { isForeignKeyViolation, isUniqueViolation, pageArgs, retryOnUniqueViolation } from "@/lib/prompts/db-helpers";
import { uniqueSlug } from "@/lib/prompts/slug";
import type { CreateCollectionInput, ListCollectionsQuery, UpdateCollectionInput } from "./schemas";

export const DEFAULT_COLLECTION_SLUG = "default";

/** The collection prompts go to when none is named; created on first need. Idempotent. */
export async function ensureDefaultCollection(): Promise<Collection> {
  const existing = await db.collection.findFirst({ where: { isDefault: true }, orderBy: { createdAt: "asc" } });
  if (existing) return existing;
  try {
    return await db.collection.upsert({
      where: { slug: DEFAULT_COLLECTION_SLUG },
      create: { slug: DEFAULT_COLLECTION_SLUG, name: "Default", isDefault: true },
      update: { isDefault: true },
    });
  } catch (error) {
    // Two first requests raced to create it: the other one won.
    if (!isUniqueViolation(error)) throw error;
    return db.collection.findUniqueOrThrow({ where: { slug: DEFAULT_COLLECTION_SLUG } });
  }
}

export function collectionResponse(collection: Collection) {
  return {
    id: collection.id,
    slug: collection.slug,
    name: collection.name,
    parent_collection_id: collection.parentId,
    is_default: collection.isDefault,
    created_at: collection.createdAt.toISOString(),
    last_updated_at: collection.updatedAt.toISOString(),
  };
}

/** A collection by id or slug, or null. */
export function findCollection(ref: string): Promise<Collection | null> {
  return db.collection.findFirst({ where: { OR: [{ id: ref }, { slug: ref }] } });
}

async function collectionOr404(ref: string): Promise<Collection> {
  const collection = await findCollection(ref);
  if (!collection) throw notFound(`Collection '${ref}' not found`);
  return collection;
}

// A parent named in a request body: an unknown one is the caller's mistake (400).
async function parentFromBody(ref: string): Promise<Collection> {
  const parent = await findCollection(ref);
  if (!parent) throw badRequest(`Parent collection '${ref}' not found`, "parent_collection_id");
  return parent;
}

export async function createCollection(input: CreateCollectionInput) {
  // The default collection claims the slug "default" first, so a folder the user names
  // "Default" becomes default-2 instead of silently turning into the default one later.
  await ensureDefaultCollection();
  const parentId = input.parent_collection_id ? (await parentFromBody(input.parent_collection_id)).id : null;
  const created = await retryOnUniqueViolation(async () => {
    const slug = await uniqueSlug(input.name, "collection", async (s) => (await findCollection(s)) !== null);
    return db.collection.create({ data: { slug, name: input.name, parentId } });
  });
  await recordChange(db, { action: "folder.create", target: { type: "folder", id: created.id, name: created.slug }, after: collectionResponse(created) });
  return { id: created.id, slug: created.slug };
}

export async function listCollections(query: ListCollectionsQuery) {
  const parentId = query.parent_collection_id ? (await collectionOr404(query.parent_collection_id)).id : undefined;
  const where = {
    ...(parentId ? { parentId } : {}),
    ...(query.search ? { OR: [{ name: { contains: query.search } }, { slug: { contains: query.search } }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.collection.findMany({ where, orderBy: [{ isDefault: "desc" }, { name: "asc" }], ...pageArgs(query) }),
    db.collection.count({ where }),
  ]);
  return { total, data: rows.map(collectionResponse) };
}

export async function getCollection(ref: string) {
  return collectionResponse(await collectionOr404(ref));
}

/** Renames or moves a folder. Its slug never changes: it is how callers address it. */
export async function updateCollection(ref: string, input: UpdateCollectionInput) {
  const collection = await collectionOr404(ref);
  let parentId: string | null | undefined;
  if (input.parent_collection_id === null) parentId = null;
  else if (input.parent_collection_id !== undefined) {
    const parent = await parentFromBody(input.parent_collection_id);
    if (await isSelfOrDescendant(parent.id, collection.id)) {
      throw badRequest("A collection can't be moved into itself or one of its sub-collections", "parent_collection_id");
    }
    parentId = parent.id;
  }
  const updated = await db.collection.update({ where: { id: collection.id }, data: { name: input.name, parentId } });
  await recordChange(db, { action: "folder.update", target: { type: "folder", id: collection.id, name: collection.slug }, before: collectionResponse(collection), after: collectionResponse(updated) });
  return collectionResponse(updated);
}

// Walks up from `candidate` to the root: a cycle would appear if `ancestor` is on the way.
async function isSelfOrDescendant(candidate: string, ancestor: string): Promise<boolean> {
  const seen = new Set<string>();
  for (let id: string | null = candidate; id; ) {
    if (id === ancestor) return true;
    if (seen.has(id)) return true; // an existing cycle: refuse rather than loop
    seen.add(id);
    const row: { parentId: string | null } | null = await db.collection.findUnique({ where: { id }, select: { parentId: true } });
    id = row?.parentId ?? null;
  }
  return false;
}

/** Deletes an empty folder. Prompts and sub-folders are never deleted implicitly. */
export async function deleteCollection(ref: string) {
  const collection = await collectionOr404(ref);
  if (collection.isDefault) throw forbidden("The default collection can't be deleted");
  const [prompts, children, datasets] = await Promise.all([
    db.prompt.count({ where: { collectionId: collection.id } }),
    db.collection.count({ where: { parentId: collection.id } }),
    // Deleted datasets don't count: their folder link is cleared with the folder.
    db.dataset.count({ where: { collectionId: collection.id, deletedAt: null } }),
  ]);
  if (prompts > 0 || children > 0 || datasets > 0) {
    throw conflict(
      `Collection '${collection.slug}' is not empty (${prompts} prompt(s), ${children} sub-collection(s)${datasets ? `, ${datasets} dataset(s)` : ""}): move or delete them first`,
    );
  }
  try {
    await db.collection.delete({ where: { id: collection.id } });
    await recordChange(db, { action: "folder.delete", target: { type: "folder", id: collection.id, name: collection.slug }, before: collectionResponse(collection) });
  } catch (error) {
    // A prompt or folder was added between the check and the delete: the FK refused it.
    if (isForeignKeyViolation(error)) {
      throw conflict(`Collection '${collection.slug}' is not empty`);
    }
    throw error;
  }
  return {};
}
