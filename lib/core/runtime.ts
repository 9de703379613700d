/**
 * Process-wide state: one named slot per piece (a cache, the bus, the limiters, the database
 * client, the log writer...), all in one registry object on globalThis. Two reasons it can't
 * be plain module state: Next re-evaluates modules on every dev reload (a second Prisma
 * client, a second listening connection), and in production the custom server's fast routes
 * carry their own esbuild copy of lib/ beside Next's (scripts/build-server.mjs), so a module
 * exists twice in one process; a revocation or a cache bump through either copy must reach
 * the state both read. The registry's key is a registered symbol, the same in every copy.
 *
 * What needs a slot: state that must be one per process (a connection, a pool, a cache that is
 * invalidated or counted against a byte budget, a limiter, a once-per-process flag). What does
 * not: memos of the environment (parsed limits, the allowlist, the master key) and of pure
 * computations (parsed upstream URLs), where every copy works out the same answer.
 *
 * The only module that touches globalThis (an eslint rule holds everyone else to it). It
 * imports nothing: the bottom layer.
 */
const REGISTRY = Symbol.for("promptly.runtime");

type Registry = Map<string, unknown>;

function registry(): Registry {
  const holder = globalThis as typeof globalThis & { [REGISTRY]?: Registry };
  return (holder[REGISTRY] ??= new Map());
}

/**
 * The process's one value for `name`, made by `create` the first time any copy of any module
 * asks. Callers keep the returned object (mutate it, never replace it): that is what every copy
 * shares. `name` is the slot's identity: one name, one type, one owning module.
 */
export function runtimeSlot<T>(name: string, create: () => T): T {
  const slots = registry();
  if (slots.has(name)) return slots.get(name) as T;
  const value = create();
  slots.set(name, value);
  return value;
}

/** The slot's value if some module made it, without making it (e.g. the log writer at shutdown). */
export function peekRuntimeSlot<T>(name: string): T | undefined {
  return registry().get(name) as T | undefined;
}

/** For tests: forget a slot, so the next runtimeSlot call makes a fresh value. */
export function resetRuntimeSlot(name: string): void {
  registry().delete(name);
}
