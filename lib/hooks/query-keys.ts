/**
 * Every TanStack Query key in the app, in one place, so a mutation can invalidate exactly the
 * queries it makes stale. Keys are hierarchical: invalidating `queryKeys.prompts.all`
 * refreshes every prompt list whatever its filters, `queryKeys.prompt(id)` one prompt.
 */
export const queryKeys = {
  prompts: {
    all: ["prompts"] as const,
    list: (params: Record<string, unknown> = {}) => ["prompts", "list", params] as const,
  },
  prompt: (id: string) => ["prompt", id] as const,
  promptVersions: (promptId: string) => ["prompt", promptId, "versions"] as const,
  variableSets: (promptId: string) => ["prompt", promptId, "variable-sets"] as const,
  renderPreview: (ref: string, body: string) => ["render-preview", ref, body] as const,
  collections: { all: ["collections"] as const },
  labels: { all: ["labels"] as const },
  partials: {
    all: ["partials"] as const,
    detail: (id: string) => ["partials", "detail", id] as const,
    versions: (id: string) => ["partials", "detail", id, "versions"] as const,
    usage: (id: string) => ["partials", "detail", id, "usage"] as const,
  },
  providers: { all: ["providers"] as const },
  virtualKeys: { all: ["virtual-keys"] as const },
  apiKeys: { all: ["api-keys"] as const },
  modelPrices: { all: ["model-prices"] as const },
  logSettings: { all: ["log-settings"] as const },
  webhooks: { all: ["webhooks"] as const, deliveries: (id: string) => ["webhooks", id, "deliveries"] as const },
  auditLogs: { list: (params: Record<string, unknown> = {}) => ["audit-logs", params] as const },
  members: { all: ["members"] as const },
  invites: { all: ["invites"] as const },
  datasets: {
    all: ["datasets"] as const,
    list: (params: Record<string, unknown> = {}) => ["datasets", "list", params] as const,
    detail: (id: string) => ["datasets", "detail", id] as const,
    items: (id: string, version: number | null) => ["datasets", "detail", id, "items", version] as const,
    versions: (id: string) => ["datasets", "detail", id, "versions"] as const,
  },
  releases: {
    all: ["releases"] as const,
    list: (filters: Record<string, unknown> = {}) => ["releases", "list", filters] as const,
    detail: (id: string) => ["releases", "detail", id] as const,
    history: (promptId: string, label: string) => ["releases", "history", promptId, label] as const,
  },
  experiments: {
    all: ["experiments"] as const,
    list: (params: Record<string, unknown> = {}) => ["experiments", "list", params] as const,
    detail: (id: string) => ["experiments", "detail", id] as const,
    // With the run's status: the read after it finishes is a new query, never a stale poll.
    results: (id: string, status: string) => ["experiments", "detail", id, "results", status] as const,
    compare: (id: string, status: string, baseline: Record<string, unknown>) => ["experiments", "detail", id, "compare", status, baseline] as const,
  },
  scorers: {
    all: ["scorers"] as const,
    templates: ["scorers", "templates"] as const,
  },
  analytics: {
    all: ["analytics"] as const,
    graph: (name: string, params: Record<string, unknown>) => ["analytics", "graph", name, params] as const,
    summary: (params: Record<string, unknown>) => ["analytics", "summary", params] as const,
    groups: (group: string, params: Record<string, unknown>) => ["analytics", "groups", group, params] as const,
  },
  logs: {
    all: ["logs"] as const,
    list: (filters: Record<string, unknown> = {}) => ["logs", "list", filters] as const,
    detail: (id: string) => ["logs", "detail", id] as const,
  },
} as const;
