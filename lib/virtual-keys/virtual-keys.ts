import { recordChange } from "@/lib/audit/record";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/core/db";
import type { VirtualKey } from "@/lib/generated/prisma/client";
import { maskSecret } from "@/lib/core/crypto/secret-box";
import { badRequest, conflict, notFound } from "@/lib/core/http/errors";
import { maskUrlSecrets } from "@/lib/core/net/mask-url";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { jsonOrNull, pageArgs, retryOnUniqueViolation } from "@/lib/prompts/db-helpers";
import type { ListQuery } from "@/lib/prompts/schemas";
import { uniqueSlug } from "@/lib/prompts/slug";
import { assertDestinationAllowed, destinationOf } from "./destination";
import { mergeOptions, optionsOf, type VirtualKeyOptions } from "./options";
import { hostRequired } from "./providers";
import type { CreateVirtualKeyInput, UpdateVirtualKeyInput } from "./schemas";
import { sealKeySecret } from "./secret";
import { NEEDS_SECRET } from "./status";

export interface ViewOptions {
  /**
   * Show custom_host as stored. Only for callers who manage keys: a host can carry
   * credentials (`https://user:pass@host`, `?api_key=`), which readers must not see.
   */
  fullHost?: boolean;
}

/** What the API shows of a virtual key: never the secret, only its mask. */
export function virtualKeyResponse(key: VirtualKey, view: ViewOptions = {}) {
  const options = optionsOf(key);
  return {
    id: key.id,
    slug: key.slug,
    name: key.name,
    ai_provider_name: key.provider,
    masked_api_key: key.maskedKey,
    note: key.note,
    status: key.status,
    custom_host: key.customHost && !view.fullHost ? maskUrlSecrets(key.customHost) : key.customHost,
    api_version: options.apiVersion ?? null,
    resource_name: options.resourceName ?? null,
    deployment_name: options.deploymentName ?? null,
    created_at: key.createdAt.toISOString(),
    updated_at: key.updatedAt.toISOString(),
    object: "virtual-key" as const,
  };
}

/** A virtual key by id or slug, or null. */
export function findVirtualKey(ref: string): Promise<VirtualKey | null> {
  return db.virtualKey.findFirst({ where: { OR: [{ id: ref }, { slug: ref }] } });
}

async function virtualKeyOr404(ref: string): Promise<VirtualKey> {
  const key = await findVirtualKey(ref);
  if (!key) throw notFound(`Virtual key '${ref}' not found`);
  return key;
}

const storedOptions = (options: VirtualKeyOptions) => jsonOrNull(Object.keys(options).length > 0 ? options : null);

export async function createVirtualKey(input: CreateVirtualKeyInput) {
  const options = mergeOptions({}, input);
  await assertDestinationAllowed(input.provider, input.custom_host, options);
  const secret = input.key ?? "";
  const created = await retryOnUniqueViolation(async () => {
    const slug = await uniqueSlug(input.name, "key", async (s) => (await findVirtualKey(s)) !== null);
    // The id is chosen here: the ciphertext is bound to it.
    const id = randomUUID();
    return db.virtualKey.create({
      data: {
        id,
        slug,
        name: input.name,
        provider: input.provider,
        encryptedSecret: sealKeySecret(id, secret),
        maskedKey: secret ? maskSecret(secret) : "",
        customHost: input.custom_host ?? null,
        options: storedOptions(options),
        note: input.note ?? null,
      },
    });
  });
  await recordChange(db, { action: "virtual_key.create", target: { type: "virtual_key", id: created.id, name: created.slug }, after: { ...input, key: input.key ? maskSecret(input.key) : undefined } });
  return { id: created.id, slug: created.slug, object: "virtual-key" as const };
}

export async function listVirtualKeys(query: ListQuery, view: ViewOptions = {}) {
  const where = query.search
    ? { OR: [{ name: { contains: query.search } }, { slug: { contains: query.search } }] }
    : {};
  const [rows, total] = await Promise.all([
    db.virtualKey.findMany({ where, orderBy: { createdAt: "desc" }, ...pageArgs(query) }),
    db.virtualKey.count({ where }),
  ]);
  return { object: "list" as const, total, data: rows.map((row) => virtualKeyResponse(row, view)) };
}

export async function getVirtualKey(ref: string, view: ViewOptions = {}) {
  return virtualKeyResponse(await virtualKeyOr404(ref), view);
}

/**
 * Updates a key. Moving it (another custom host, or Azure resource) without a new `key` in
 * the same request clears the stored secret rather than sending it to the new destination:
 * the key then reports status `needs_secret`, and completions through it are refused with a
 * 400 saying so until a key is set again.
 */
export async function updateVirtualKey(ref: string, input: UpdateVirtualKeyInput) {
  const current = await virtualKeyOr404(ref);
  if (input.provider !== undefined && input.provider !== current.provider) {
    throw badRequest(`provider can't be changed (this key is for ${current.provider}): create a new virtual key`, "provider");
  }
  if (input.custom_host === null && hostRequired(current.provider)) {
    throw badRequest(`custom_host is required for ${current.provider}`, "custom_host");
  }
  const currentOptions = optionsOf(current);
  const options = mergeOptions(currentOptions, input);
  const customHost = input.custom_host === undefined ? current.customHost : input.custom_host;
  const moved = destinationOf(customHost, options) !== destinationOf(current.customHost, currentOptions);
  if (moved) await assertDestinationAllowed(current.provider, customHost, options);

  const hadSecret = current.maskedKey !== "";
  let secret: { encryptedSecret: string; maskedKey: string; status: string } | object = {};
  if (input.key !== undefined) secret = { encryptedSecret: sealKeySecret(current.id, input.key), maskedKey: maskSecret(input.key), status: "active" };
  else if (moved && hadSecret) secret = { encryptedSecret: sealKeySecret(current.id, ""), maskedKey: "", status: NEEDS_SECRET };

  // Only over the row as read: a key set meanwhile for the old host must not end up on the new one.
  const { count } = await db.virtualKey.updateMany({
    where: { id: current.id, updatedAt: current.updatedAt },
    data: { name: input.name, note: input.note, customHost: input.custom_host, options: storedOptions(options), ...secret },
  });
  if (count === 0) throw conflict(`Virtual key '${ref}' was changed by someone else meanwhile: read it again and retry`);
  await recordChange(db, { action: "virtual_key.update", target: { type: "virtual_key", id: current.id, name: current.slug }, before: virtualKeyResponse(current), after: { ...input, key: input.key !== undefined ? "[redacted]" : undefined } });
  await bumpPromptCacheGeneration();
  return { id: current.id, slug: current.slug, object: "virtual-key" as const };
}

/**
 * Deletes a virtual key even when prompt versions name it: versions are immutable history,
 * and the foreign key is SET NULL, so those versions keep everything but their credential
 * (a completion then needs a virtual key from the request).
 */
export async function deleteVirtualKey(ref: string) {
  const key = await virtualKeyOr404(ref);
  await db.virtualKey.delete({ where: { id: key.id } });
  await recordChange(db, { action: "virtual_key.delete", target: { type: "virtual_key", id: key.id, name: key.slug }, before: virtualKeyResponse(key) });
  await bumpPromptCacheGeneration();
  return {};
}
