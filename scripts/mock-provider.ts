/**
 * Runs the mock LLM provider on its own, e.g. as a Playwright web server:
 *   tsx scripts/mock-provider.ts --port 4010 [--host 127.0.0.1] [--behavior '{"tokenDelayMs":50}']
 * Point a virtual key's custom host at http://127.0.0.1:4010/v1 (Azure: http://127.0.0.1:4010).
 */
import { parseArgs } from "node:util";
import { MODEL_PRESET_NAMES, parseBehavior, startMockProvider } from "../tests/mock-provider";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: process.env.MOCK_PROVIDER_PORT ?? "4010" },
    host: { type: "string", default: "127.0.0.1" },
    behavior: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log("usage: tsx scripts/mock-provider.ts [--port 4010] [--host 127.0.0.1] [--behavior JSON]");
  process.exit(0);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port: ${values.port}`);
  process.exit(2);
}

async function main() {
  const mock = await startMockProvider({ port, host: values.host });
  if (values.behavior) mock.setBehavior(parseBehavior(values.behavior));
  console.log(`mock provider listening on ${mock.url} (OpenAI base URL ${mock.openaiBaseUrl})`);
  console.log(`behaviour by model name: ${MODEL_PRESET_NAMES.join(", ")}; control: ${mock.url}/__mock/{requests,reset,behavior,enqueue,health,stats}`);

  // Close cleanly so a test runner stopping us does not leave sockets half-open.
  const stop = async (signal: string) => {
    console.log(`mock provider: ${signal}, closing`);
    await mock.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop("SIGINT"));
  process.once("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error("mock provider failed to start:", error);
  process.exit(1);
});
