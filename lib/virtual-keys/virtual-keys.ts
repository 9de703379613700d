import { db } from "@/lib/db";
import type { VirtualKey } from "@/lib/generated/prisma/client";
import { encryptSecret, maskSecret } from "@/lib/crypto/secret-box";
import { badRequest, notFound } from "@/lib/http/errors";
import { bumpPromptCacheGeneration } from "@/lib/prompts/cache";
import { jsonOrNull, pageArgs, retryOnUniqueViolation } from "@/lib/prompts/db-helpers";
import type { ListQuery } from "@/lib/prompts/schemas";
import { uniqueSlug } from "@/lib/prompts/slug";
import { PROVIDERS_NEEDING_HOST } from "./providers";
import type { CreateVirtualKeyInput, UpdateVirtualKeyInput } from "./schemas";

/** Provider options as stored (camelCase, as ProviderCredentials.options expects them). */
export type VirtualKeyOptions = { apiVersion?: string; resourceName?: string; deploymentName?: string };

export function optionsOf(key: Pick<VirtualKey, "options">): VirtualKeyOptions {
  const raw = key.options;
  return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as VirtualKeyOptions) : {};
}

/** What the API shows of a virtual key: never the secret, only its mask. */
export function virtualKeyResponse(key: VirtualKey) {
  const options = optionsOf(key);
  return {
    id: key.id,
    slug: key.slug,
    name: key.name,
    ai_provider_name: key.provider,
    masked_api_key: key.maskedKey,
    note: key.note,
    status: key.status,
    custom_host: key.customHost,
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

// null removes an option, undefined keeps the current value.
function mergeOptions(current: VirtualKeyOptions, input: Pick<CreateVirtualKeyInput, "api_version" | "resource_name" | "deployment_name">) {
  const next: VirtualKeyOptions = { ...current };
  const pairs = [
    ["apiVersion", input.api_version],
    ["resourceName", input.resource_name],
    ["deploymentName", input.deployment_name],
  ] as const;
  for (const [name, value] of pairs) {
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return Object.keys(next).length > 0 ? next : null;
}

export async function createVirtualKey(input: CreateVirtualKeyInput) {
  const secret = input.key ?? "";
  const created = await retryOnUniqueViolation(async () => {
    const slug = await uniqueSlug(input.name, "key", async (s) => (await findVirtualKey(s)) !== null);
    return db.virtualKey.create({
      data: {
        slug,
        name: input.name,
        provider: input.provider,
        encryptedSecret: encryptSecret(secret),
        maskedKey: secret ? maskSecret(secret) : "",
        customHost: input.custom_host ?? null,
        options: jsonOrNull(mergeOptions({}, input)),
        note: input.note ?? null,
      },
    });
  });
  return { id: created.id, slug: created.slug, object: "virtual-key" as const };
}

export async function listVirtualKeys(query: ListQuery) {
  const where = query.search
    ? { OR: [{ name: { contains: query.search } }, { slug: { contains: query.search } }] }
    : {};
  const [rows, total] = await Promise.all([
    db.virtualKey.findMany({ where, orderBy: { createdAt: "desc" }, ...pageArgs(query) }),
    db.virtualKey.count({ where }),
  ]);
  return { object: "list" as const, total, data: rows.map(virtualKeyResponse) };
}

export async function getVirtualKey(ref: string) {
  return virtualKeyResponse(await virtualKeyOr404(ref));
}

export async function updateVirtualKey(ref: string, input: UpdateVirtualKeyInput) {
  const current = await virtualKeyOr404(ref);
  if (input.provider !== undefined && input.provider !== current.provider) {
    throw badRequest(`provider can't be changed (this key is for ${current.provider}): create a new virtual key`, "provider");
  }
  if (input.custom_host === null && PROVIDERS_NEEDING_HOST.has(current.provider)) {
    throw badRequest(`custom_host is required for ${current.provider}`, "custom_host");
  }
  const options = mergeOptions(optionsOf(current), input);
  const updated = await db.virtualKey.update({
    where: { id: current.id },
    data: {
      name: input.name,
      note: input.note,
      customHost: input.custom_host,
      options: jsonOrNull(options),
      ...(input.key !== undefined ? { encryptedSecret: encryptSecret(input.key), maskedKey: maskSecret(input.key) } : {}),
    },
  });
  await bumpPromptCacheGeneration();
  return { id: updated.id, slug: updated.slug, object: "virtual-key" as const };
}

/**
 * Deletes a virtual key even when prompt versions name it: versions are immutable history,
 * and the foreign key is SET NULL, so those versions keep everything but their credential
 * (a completion then needs a virtual key from the request).
 */
export async function deleteVirtualKey(ref: string) {
  const key = await virtualKeyOr404(ref);
  await db.virtualKey.delete({ where: { id: key.id } });
  await bumpPromptCacheGeneration();
  return {};
}
