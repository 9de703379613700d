import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // Process-wide state goes through one helper (lib/core/runtime.ts: named slots shared by every
      // bundled copy of lib/ and kept across dev reloads), never straight onto globalThis.
      "no-restricted-globals": ["error", { name: "globalThis", message: "Keep process-wide state in a runtime slot: runtimeSlot() from lib/core/runtime.ts." }],
      // A light object passed off as a Request hides what a handler really reads: take ApiRequest.
      "no-restricted-syntax": [
        "error",
        {
          selector: "TSAsExpression > TSTypeReference.typeAnnotation > Identifier.typeName[name='Request']",
          message: "No `as Request`: route handlers take ApiRequest (lib/core/http/api-request.ts), which the fast routes' light request satisfies.",
        },
      ],
    },
  },
  // The one module that holds the registry; generated Prisma code is not ours.
  { files: ["lib/core/runtime.ts"], rules: { "no-restricted-globals": "off" } },
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
