// The server's V8 heap cap, for everything that starts a server (npm start, the e2e servers,
// the bench). Uncapped, V8 lets garbage pile up to hundreds of MB before collecting. Not lower:
// with every page and route loaded and the caches full the live heap is ~140 MB, and V8 stops a
// process whose heap stays above 80 % of its cap while collecting takes most of its time
// ("ineffective mark-compacts"). Up to 256 MB V8 grows the heap by its smallest factor (1.3 ×
// the live size) whatever the cap, so a higher cap costs no memory until it is needed.
export const DEFAULT_HEAP_MB = 256;

/** `--max-old-space-size=N`, from PROMPTLY_MAX_HEAP_MB or the default. */
export function heapFlag(env = process.env) {
  return `--max-old-space-size=${Number(env.PROMPTLY_MAX_HEAP_MB) || DEFAULT_HEAP_MB}`;
}
