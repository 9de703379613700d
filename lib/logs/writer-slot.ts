/**
 * The runtime slot (lib/core/runtime.ts) of the process's one log writer. Apart from writer.ts so
 * that lib/lifecycle/shutdown.ts can find the writer without importing it: the import would create one
 * in instrumentation's module graph, bound to that graph's own database client.
 */
export const LOG_WRITER_SLOT = "log-writer";
