import { recordChange } from "@/lib/audit/record";
import { BoundedLru, cacheShare } from "@/lib/core/cache/bounded-lru";
import { onRemoteWrite, publishWrite, remoteWritesHeard } from "@/lib/core/cache/bus";
import { db } from "@/lib/core/db";
import { notFound } from "@/lib/core/http/errors";
import { virtualKeyIdFromBody } from "@/lib/prompts/lookup";
import { dataDir } from "@/lib/core/crypto/master-key";
import { generateApiKey, hashApiKey, visiblePrefix } from "./api-key-hash";
import { assertStrongBootstrapKey, BOOTSTRAP_KEY_ENV, writeKeyFile } from "./bootstrap-key";
import type { ApiKeySummary, CreateApiKeyInput, CreatedApiKey } from "./api-key-schemas";
import { runtimeSlot } from "@/lib/core/runtime";

export type ApiKeyScope = "admin" | "editor" | "completions";

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  scope: ApiKeyScope;
  userId: string | null;
  revokedAt: Date | null;
  /** Completions per minute; null follows PROMPTLY_RATE_LIMIT_PER_MINUTE (lib/routes/rate-limit.ts). */
  rateLimitPerMinute: number | null;
  /** Scope completions: may run drafts and versions neither published nor labelled. */
  allowDrafts: boolean;
  /** Scope completions: virtual key ids it may name besides its prompts' own. */
  virtualKeyIds: string[];
}

const select = {
  id: true,
  name: true,
  prefix: true,
  scope: true,
  userId: true,
  revokedAt: true,
  rateLimitPerMinute: true,
  allowDrafts: true,
  virtualKeyIds: true,
} as const;

type Row = Omit<ApiKeyRecord, "virtualKeyIds" | "scope"> & { scope: string; virtualKeyIds: unknown };

const idList = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === "string") : []);
const toRecord = (row: Row): ApiKeyRecord => ({ ...row, scope: row.scope as ApiKeyScope, virtualKeyIds: idList(row.virtualKeyIds) });

/** Creates a key and returns it in clear: the only time it is ever seen. */
export async function createApiKey(input: {
  name: string;
  scope?: ApiKeyScope;
  userId?: string | null;
  createdByKeyId?: string | null;
  value?: string;
  rateLimitPerMinute?: number | null;
  allowDrafts?: boolean;
  virtualKeyIds?: string[];
}) {
  const value = input.value ?? generateApiKey();
  const record = await db.apiKey.create({
    data: {
      name: input.name,
      scope: input.scope ?? "admin",
      userId: input.userId ?? null,
      createdByKeyId: input.createdByKeyId ?? null,
      hash: hashApiKey(value),
      prefix: visiblePrefix(value),
      rateLimitPerMinute: input.rateLimitPerMinute ?? null,
      allowDrafts: input.allowDrafts ?? false,
      virtualKeyIds: input.virtualKeyIds?.length ? input.virtualKeyIds : undefined,
    },
    select,
  });
  // A chosen value (the bootstrap key) may have been looked up, and cached as unknown,
  // before it existed: on this instance or another. Random values can't have been.
  if (input.value) await invalidateApiKeyCache();
  return { key: value, record: toRecord(record) };
}

/** Virtual key slugs or ids as their ids, deduplicated; an unknown one is a 400. */
export async function virtualKeyIdsFrom(refs: string[] | undefined): Promise<string[]> {
  const ids = await Promise.all((refs ?? []).map((ref) => virtualKeyIdFromBody(ref)));
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

export async function listApiKeys() {
  return db.apiKey.findMany({
    orderBy: { createdAt: "desc" },
    select: { ...select, createdAt: true, lastUsedAt: true },
  });
}

export async function revokeApiKey(id: string): Promise<boolean> {
  const now = new Date();
  const updated = await db.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  await revokeKeysMadeBy([id], now);
  // Revocation must take effect at once, here and on every other instance.
  await invalidateApiKeyCache();
  return updated.count > 0;
}

/**
 * Keys without a user that these keys made belong to them (the bootstrap key's, the CLI's):
 * they go too, and what they made in turn. A key with a user belongs to that user instead.
 */
async function revokeKeysMadeBy(parents: string[], now: Date): Promise<void> {
  for (let level = parents; level.length > 0; ) {
    const children = await db.apiKey.findMany({ where: { createdByKeyId: { in: level }, userId: null, revokedAt: null }, select: { id: true } });
    level = children.map((child) => child.id);
    if (level.length > 0) await db.apiKey.updateMany({ where: { id: { in: level } }, data: { revokedAt: now } });
  }
}

/** Revokes every active key a user made (an owner stepping down or removed); how many. */
export async function revokeApiKeysOf(userId: string): Promise<number> {
  const updated = await db.apiKey.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  await invalidateApiKeyCache();
  return updated.count;
}

// ---------------------------------------------------------------- admin API (/v1/api-keys)

/**
 * Who a key made through the API belongs to: the signed-in user, or the user of the API key
 * that makes it (dying with them). A key made by a key without a user (the bootstrap key,
 * the CLI's) belongs to that key and is revoked with it: never an orphan that outlives both.
 */
export interface NewKeyOwner {
  userId: string | null;
  createdByKeyId: string | null;
}

/** POST /v1/api-keys: the answer carries the key in clear, once. */
export async function createApiKeyForAdmin(input: CreateApiKeyInput, owner: NewKeyOwner): Promise<CreatedApiKey> {
  const { key, record } = await createApiKey({
    name: input.name,
    scope: input.scope,
    ...owner,
    rateLimitPerMinute: input.rate_limit_per_minute,
    allowDrafts: input.allow_drafts,
    virtualKeyIds: await virtualKeyIdsFrom(input.virtual_keys),
  });
  await recordChange(db, { action: "api_key.create", target: { type: "api_key", id: record.id, name: record.name }, after: { name: record.name, prefix: record.prefix, scope: record.scope, rate_limit_per_minute: record.rateLimitPerMinute, allow_drafts: record.allowDrafts, virtual_keys: record.virtualKeyIds } });
  return {
    id: record.id,
    key,
    name: record.name,
    prefix: record.prefix,
    scope: record.scope,
    rate_limit_per_minute: record.rateLimitPerMinute,
    allow_drafts: record.allowDrafts,
    virtual_keys: record.virtualKeyIds,
  };
}

/** GET /v1/api-keys: every key, newest first, revoked ones included (they are history). */
export async function listApiKeysForAdmin(): Promise<{ data: ApiKeySummary[]; total: number }> {
  const rows = await listApiKeys();
  const data = rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scope: row.scope as ApiKeySummary["scope"],
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    rate_limit_per_minute: row.rateLimitPerMinute,
    allow_drafts: row.allowDrafts,
    virtual_keys: idList(row.virtualKeyIds),
  }));
  return { data, total: data.length };
}

/** DELETE /v1/api-keys/:id: revokes; revoking twice is fine, an unknown id is a 404. */
export async function revokeApiKeyForAdmin(id: string): Promise<Record<string, never>> {
  const exists = await db.apiKey.findUnique({ where: { id }, select: { id: true, name: true, prefix: true, revokedAt: true } });
  if (!exists) throw notFound(`API key '${id}' not found`);
  await revokeApiKey(id);
  await recordChange(db, { action: "api_key.revoke", target: { type: "api_key", id, name: exists.name }, before: { prefix: exists.prefix, revoked_at: exists.revokedAt }, after: { revoked: true } });
  return {};
}

export async function countApiKeys(): Promise<number> {
  return db.apiKey.count();
}

// Key lookups sit on the hot path of every API call: cache them briefly by hash.
const CACHE_TTL_MS = 5_000;
// A runtime slot: the custom server's fast routes bundle their own copy of this module beside
// Next's, and a revocation through either copy must clear the one cache both read.
interface KeyCacheState {
  cache: BoundedLru<{ record: ApiKeyRecord | null; at: number }>;
  lastTouched: Map<string, number>;
  /** Bumped by every invalidation: a lookup that read the database before it is not cached. */
  generation: number;
}
export const API_KEY_CACHE_SLOT = "api-key-cache";
// Unknown keys are cached too (as null), so anyone can add entries: bounded by count and by
// bytes (an eighth of PROMPTLY_CACHE_MAX_BYTES; a record is a few hundred bytes).
const KEY_ENTRY_BYTES = 512;
const keyState = runtimeSlot<KeyCacheState>(API_KEY_CACHE_SLOT, () => ({
  cache: new BoundedLru({ maxEntries: 10_000, maxBytes: cacheShare(0.125), sizeOf: () => KEY_ENTRY_BYTES }),
  lastTouched: new Map(),
  generation: 0,
}));
const cache = keyState.cache;

function dropCachedKeys(): void {
  keyState.generation += 1;
  cache.clear();
}

// A key revoked by another instance (PostgreSQL) or another process (SQLite: the CLI) is
// dropped here as soon as its message arrives (lib/core/cache/bus.ts); while this instance can't
// hear them, lookups read through.
onRemoteWrite("api-keys", dropCachedKeys);

/**
 * After a committed change to keys: drops every cached lookup, here and on the other
 * instances. Waits for the message to be out (a few ms, 2 s at most): a client told "revoked"
 * may call another instance next, and fire and forget lost that race now and then.
 */
async function invalidateApiKeyCache(): Promise<void> {
  dropCachedKeys();
  await publishWrite("api-keys");
}

/** The active (not revoked) key with this value, or null. */
export async function findActiveApiKey(value: string): Promise<ApiKeyRecord | null> {
  const hash = hashApiKey(value);
  const trusted = remoteWritesHeard();
  const hit = trusted ? cache.get(hash) : undefined;
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.record;
  const generation = keyState.generation;
  const found = await db.apiKey.findUnique({ where: { hash }, select });
  const record = found && !found.revokedAt ? toRecord(found) : null;
  // Not when a revocation landed while we read: the row read may be from before it.
  if (trusted && generation === keyState.generation) cache.set(hash, { record, at: Date.now() });
  if (record) touchLastUsed(record.id);
  return record;
}

// last-used is informational: written at most once a minute per key, never awaited.
const lastTouched = keyState.lastTouched;
function touchLastUsed(id: string) {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < 60_000) return;
  lastTouched.set(id, now);
  db.apiKey.update({ where: { id }, data: { lastUsedAt: new Date(now) } }).catch(() => undefined);
}

/**
 * At start: PROMPTLY_BOOTSTRAP_API_KEY creates that key when it does not exist yet (for
 * automation), and must be strong (lib/auth/bootstrap-key.ts: a weak one stops the start);
 * otherwise, a server with no key at all gets one, written to a 0600 file in
 * PROMPTLY_DATA_DIR: the log names the file and the key's prefix, never the key.
 */
export async function ensureBootstrapApiKey(log: (line: string) => void = console.log): Promise<void> {
  const wanted = process.env[BOOTSTRAP_KEY_ENV];
  if (wanted) {
    assertStrongBootstrapKey(wanted);
    const exists = await db.apiKey.findUnique({ where: { hash: hashApiKey(wanted) }, select: { id: true } });
    if (!exists) {
      await createApiKey({ name: "bootstrap", value: wanted });
      log("[promptly] created the API key given in PROMPTLY_BOOTSTRAP_API_KEY");
    }
    return;
  }
  if ((await countApiKeys()) > 0) return;
  const { key, record } = await createApiKey({ name: "default" });
  const file = writeKeyFile(dataDir(), key);
  log(`[promptly] created a first API key (${record.prefix}…): it is in ${file} (readable by this user only); store it, then delete the file`);
}
