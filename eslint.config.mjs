import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  // CommonJS preloads (bench's node --require hooks) can only use require().
  { files: ["**/*.cjs"], rules: { "@typescript-eslint/no-require-imports": "off" } },
  // Test infrastructure (mock provider, fixtures) lives under tests/: shipped code never imports it.
  {
    files: ["app/**", "components/**", "lib/**", "server/**", "instrumentation.ts"],
    ignores: ["**/*.test.ts", "**/*.test.tsx"],
    rules: { "no-restricted-imports": ["error", { patterns: [{ group: ["@/tests/*", "**/tests/*"], message: "Test infrastructure stays out of shipped code." }] }] },
  },
  { ignores: ["lib/generated/**", ".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "bench/.cache/**", "next-env.d.ts"] },
];

export default config;
