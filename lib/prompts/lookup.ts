import { db } from "@/lib/core/db";
import type { Prompt } from "@/lib/generated/prisma/client";
import { badRequest, notFound } from "@/lib/core/http/errors";
import { ensureDefaultCollection, findCollection } from "@/lib/collections/collections";
import { findVirtualKey } from "@/lib/virtual-keys/virtual-keys";

/** A prompt by id or slug; 404 naming the key when there is none. */
export async function findPromptOr404(key: string): Promise<Prompt> {
  const prompt = await db.prompt.findFirst({ where: { OR: [{ id: key }, { slug: key }] } });
  if (!prompt) throw notFound(`Prompt '${key}' not found`);
  return prompt;
}

/** The collection a body names (id or slug), or the default one when it names none. */
export async function collectionIdFromBody(ref: string | null | undefined): Promise<string> {
  if (!ref) return (await ensureDefaultCollection()).id;
  const collection = await findCollection(ref);
  if (!collection) throw badRequest(`Collection '${ref}' not found`, "collection_id");
  return collection.id;
}

/** The virtual key a body names (slug or id): unknown is the caller's mistake, a 400. */
export async function virtualKeyIdFromBody(ref: string | null | undefined): Promise<string | null> {
  if (!ref) return null;
  const key = await findVirtualKey(ref);
  if (!key) throw badRequest(`Virtual key '${ref}' not found`, "virtual_key");
  return key.id;
}
