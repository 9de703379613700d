import { defineConfig } from "@playwright/test";
import { E2E } from "./e2e/support/env";
import { OWNER_STATE } from "./e2e/support/owner";

// One production server (next start) on its own port and throwaway database, plus the
// mock LLM provider; API tests and browser tests both run against them.
export default defineConfig({
  testDir: "e2e",
  outputDir: E2E.outputDir,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: E2E.baseUrl,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    // The fresh-install journey creates the owner and saves its session for the others.
    { name: "setup", testDir: "e2e/browser", testMatch: /foundation\.spec\.ts/ },
    {
      name: "browser",
      testDir: "e2e/browser",
      testIgnore: /foundation\.spec\.ts/,
      dependencies: ["setup"],
      use: { storageState: OWNER_STATE },
    },
  ],
  webServer: [
    {
      command: `node node_modules/tsx/dist/cli.mjs scripts/mock-provider.ts --port ${E2E.mockPort}`,
      url: `${E2E.mockUrl}/__mock/requests`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: "node e2e/support/serve.mjs",
      url: `${E2E.baseUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 600_000,
      stdout: "pipe",
      env: E2E.serverEnv,
    },
  ],
});
