import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts"],
    environment: "node",
    // Each test file gets its own migrated SQLite file (see the setup file).
    setupFiles: ["tests/unit/setup-db.ts"],
    env: {
      PROMPTLY_SECRET_KEY: "unit-test-master-key-0123456789abcdef0123456789",
      // Unit tests stand up mock providers on random local ports.
      PROMPTLY_ALLOWED_PROVIDER_HOSTS: "127.0.0.1",
    },
  },
});
