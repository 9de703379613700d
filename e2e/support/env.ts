import path from "node:path";

// Ports are configurable: 3000 and friends are often busy on a developer machine.
const port = Number(process.env.E2E_PORT || 3100);
const mockPort = Number(process.env.E2E_MOCK_PORT || 4010);
// Per port, so that several suites can run side by side without sharing a database.
const dataDir = path.resolve(`test-results/e2e-data-${port}`);
// SQLite by default; E2E_DATABASE_URL=postgresql://... runs the same suites on PostgreSQL
// (npm test does so with TEST_DATABASE_URL). serve.mjs empties that database first.
const databaseUrl = process.env.E2E_DATABASE_URL || `file:${path.join(dataDir, "e2e.db")}`;

const BOOTSTRAP_KEY = "pk-promptly-e2e-5e594298cda76776816ce9200ab295210cdde35fe4f64dc567302c06a3e618ae";

/**
 * How much of their full sample the fuzz tests send (FUZZ_SCALE, 0 < scale ≤ 1; default all):
 * npm test sends less in the side suites, which share the CPU with the main one.
 */
export function fuzzScale(): number {
  const scale = Number(process.env.FUZZ_SCALE || 1);
  return scale > 0 && scale <= 1 ? scale : 1;
}

export const E2E = {
  port,
  mockPort,
  baseUrl: `http://127.0.0.1:${port}`,
  mockUrl: `http://127.0.0.1:${mockPort}`,
  /** Where browser tests run a webhook receiver the shared server may deliver to. */
  webhookReceiverPort: port + 50,
  // Strong enough for the start-up check (lib/auth/bootstrap-key.ts): 64 hex characters.
  apiKey: BOOTSTRAP_KEY,
  dataDir,
  databaseUrl,
  /** Where the setup project leaves the owner's signed-in session for the browser tests. */
  ownerState: path.join(dataDir, "owner-state.json"),
  outputDir: `test-results/artifacts-${port}`,
  serverEnv: {
    PORT: String(port),
    HOST: "127.0.0.1",
    DATABASE_URL: databaseUrl,
    PROMPTLY_DATA_DIR: dataDir,
    PROMPTLY_SECRET_KEY: "e2e-master-key-0123456789abcdef0123456789abcdef",
    PROMPTLY_BOOTSTRAP_API_KEY: BOOTSTRAP_KEY,
    // The mock provider is a local address, which provider calls may only reach when allowed.
    // So may webhooks reach the browser tests' receiver.
    PROMPTLY_ALLOWED_PROVIDER_HOSTS: `127.0.0.1:${mockPort},127.0.0.1:${port + 50}`,
    NEXT_TELEMETRY_DISABLED: "1",
    // One server process: the suite's timings (10,000-call and fuzz tests) are set for one, and
    // servers of a test's own inherit this. e2e/api/cluster.spec.ts runs two workers itself.
    PROMPTLY_WORKERS: "1",
  },
};
