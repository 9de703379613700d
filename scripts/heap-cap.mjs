// The server's V8 heap cap, for everything that starts a server (npm start, the e2e servers,
// the bench). Uncapped, V8 lets garbage pile up to hundreds of MB before collecting. Not lower:
// with every page and route loaded and the caches full the live heap is ~140 MB, and V8 stops a
// process whose heap stays above 80 % of its cap while collecting takes most of its time
// ("ineffective mark-compacts"). The price: under load the heap's garbage peaks higher (the e2e
// suite's server: ~185 MB used at most, against ~146 under a 160 MB cap).
export const DEFAULT_HEAP_MB = 256;

/** `--max-old-space-size=N`, from PROMPTLY_MAX_HEAP_MB or the default. */
export function heapFlag(env = process.env) {
  return `--max-old-space-size=${Number(env.PROMPTLY_MAX_HEAP_MB) || DEFAULT_HEAP_MB}`;
}
