import { badRequest } from "@/lib/core/http/errors";
import { checkProviderUrl } from "@/lib/core/net/outbound";
import { providerDeclaration } from "@/lib/providers/declarations";
import { hostFromTemplate, optionParam } from "@/lib/providers/setup";
import type { VirtualKeyOptions } from "./options";

/**
 * Where a key's secret goes: its custom host, or for Azure the resource that names the host.
 * The deployment and API version only shape the path on that same host, so they are not part
 * of it. A secret is sent only to the destination it was saved with.
 */
export function destinationOf(customHost: string | null, options: VirtualKeyOptions): string {
  return JSON.stringify([customHost ?? null, options.resourceName ?? null]);
}

/**
 * Refuses (400) a key whose calls would go where the outbound policy does not allow: its
 * custom host, Azure resource, or the provider's default base URL (Ollama's is on
 * 127.0.0.1), so the operator learns it when saving rather than at the first completion.
 */
export async function assertDestinationAllowed(provider: string, customHost: string | null | undefined, options: VirtualKeyOptions): Promise<void> {
  const [url, param, subject] = customHost ? [customHost, "custom_host", "custom_host"] : declaredDestination(provider, options);
  if (!url) return;
  const refusal = await checkProviderUrl(url, subject);
  if (refusal) throw badRequest(refusal, param, "provider_host_refused");
}

/** Without a custom host: the host the declaration builds from options (Azure's resource), else its default base URL. */
function declaredDestination(provider: string, options: VirtualKeyOptions): [string | null, string, string] {
  const setup = providerDeclaration(provider)?.setup;
  const templated = setup?.hostTemplate ? hostFromTemplate(setup.hostTemplate, (name) => options[name as keyof VirtualKeyOptions]) : null;
  if (templated) {
    const param = optionParam(templated.options[0] ?? "custom_host");
    return [templated.url, param, param];
  }
  return [setup?.defaultBaseUrl ?? null, "custom_host", `the default base URL of ${provider}`];
}
