// `npm run apikey -- create NAME [--scope admin|editor|completions] [--allow-drafts] [--virtual-keys SLUG,...]`
// prints a new API key once; `npm run apikey -- list` and `npm run apikey -- revoke ID` manage them.
import { createApiKey, listApiKeys, revokeApiKey, virtualKeyIdsFrom } from "../lib/auth/api-keys";
import { closeCacheBus } from "../lib/core/cache/bus";
import { db } from "../lib/core/db";

process.env.DATABASE_URL ||= "file:./promptly.db";

async function main(argv: string[]) {
  const [command, ...rest] = argv;
  const scopeAt = rest.indexOf("--scope");
  const scope = scopeAt >= 0 ? rest.splice(scopeAt, 2)[1] : "admin";
  const draftsAt = rest.indexOf("--allow-drafts");
  const allowDrafts = draftsAt >= 0 && rest.splice(draftsAt, 1).length > 0;
  const keysAt = rest.indexOf("--virtual-keys");
  const virtualKeys = keysAt >= 0 ? (rest.splice(keysAt, 2)[1] ?? "").split(",").filter(Boolean) : [];
  if (command === "create" && rest[0]) {
    if (scope !== "admin" && scope !== "editor" && scope !== "completions") throw new Error("--scope must be admin, editor or completions");
    if (scope !== "completions" && (allowDrafts || virtualKeys.length > 0)) throw new Error("--allow-drafts and --virtual-keys apply to --scope completions only");
    const virtualKeyIds = await virtualKeyIdsFrom(virtualKeys);
    const { key, record } = await createApiKey({ name: rest.join(" "), scope, allowDrafts, virtualKeyIds });
    console.log(`Created API key "${record.name}" (${record.scope}). Store it now, it is not shown again:\n${key}`);
  } else if (command === "list") {
    for (const key of await listApiKeys()) {
      const state = key.revokedAt ? "revoked" : "active";
      console.log(`${key.id}  ${key.prefix}…  ${key.scope.padEnd(11)}  ${state.padEnd(7)}  ${key.name}`);
    }
  } else if (command === "revoke" && rest[0]) {
    console.log((await revokeApiKey(rest[0])) ? "Revoked." : "No active key with that id.");
  } else {
    console.error("usage: npm run apikey -- create NAME [--scope admin|editor|completions] [--allow-drafts] [--virtual-keys SLUG,...] | list | revoke ID");
    process.exitCode = 2;
  }
}

main(process.argv.slice(2))
  .catch((error: Error) => {
    console.error(error.message);
    process.exitCode = 1;
  })
  // Open connections (PostgreSQL's pool and its LISTEN client) would hold the process for
  // seconds after its answer: close them.
  .finally(() => Promise.all([closeCacheBus(), db.$disconnect()]));
