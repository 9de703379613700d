import { badRequest } from "@/lib/http/errors";
import { checkProviderUrl } from "@/lib/net/outbound";
import type { VirtualKeyOptions } from "./options";

/**
 * Where a key's secret goes: its custom host, or for Azure the resource that names the host.
 * The deployment and API version only shape the path on that same host, so they are not part
 * of it. A secret is sent only to the destination it was saved with.
 */
export function destinationOf(customHost: string | null, options: VirtualKeyOptions): string {
  return JSON.stringify([customHost ?? null, options.resourceName ?? null]);
}

/** The status of a key whose secret was cleared because its destination changed. */
export const NEEDS_SECRET = "needs_secret";

/** Refuses (400) a provider URL that points outside what the outbound policy allows. */
export async function assertProviderUrlAllowed(url: string | null | undefined, param: string): Promise<void> {
  if (!url) return;
  const refusal = await checkProviderUrl(url, param);
  if (refusal) throw badRequest(refusal, param, "provider_host_refused");
}

/** The base URL an Azure resource name stands for, to check it like a custom host. */
export function azureResourceUrl(resourceName: string | null | undefined): string | null {
  return resourceName ? `https://${encodeURIComponent(resourceName)}.openai.azure.com` : null;
}
