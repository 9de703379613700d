import { Portkey } from "portkey-ai";
import { E2E } from "./env";

/** The official Portkey SDK, pointed at Promptly: the client external callers use. */
export function portkeyClient(apiKey = E2E.apiKey) {
  return new Portkey({ apiKey, baseURL: `${E2E.baseUrl}/v1` });
}

let counter = 0;
/** Names unique within a run: every API test shares one database. */
export function uniqueName(base: string) {
  counter += 1;
  return `${base} ${Date.now().toString(36)}${counter}`;
}

/** A virtual key whose custom host is the mock provider. */
export async function mockVirtualKey(portkey: Portkey, provider = "openai") {
  const created = (await portkey.virtualKeys.create({
    name: uniqueName(`mock ${provider}`),
    provider,
    key: "sk-mock-secret-for-tests",
    custom_host: `${E2E.mockUrl}/v1`,
  })) as unknown as { slug: string; id: string };
  return created.slug;
}

/**
 * prompts.create, typed loosely: the SDK's types demand a collection_id that the API
 * defaults (to the default folder), as Portkey's does.
 */
export async function createPrompt(portkey: Portkey, body: Record<string, unknown>) {
  return (await portkey.prompts.create(body as never)) as unknown as { id: string; slug: string; version_id: string };
}
