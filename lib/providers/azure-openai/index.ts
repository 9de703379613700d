import { createOpenAICompatibleProvider, ProviderConfigError, readOption } from "../openai-compatible";
import { OPENAI_FEATURES } from "../openai-features";

/** The latest GA data-plane version; a virtual key can pin another with the apiVersion option. */
export const AZURE_DEFAULT_API_VERSION = "2024-10-21";

export const azureOpenAI = createOpenAICompatibleProvider({
  id: "azure-openai",
  displayName: "Azure OpenAI",
  defaultBaseUrl: null, // per resource: https://{resourceName}.openai.azure.com
  // Completion templates too: gpt-35-turbo-instruct deployments.
  capabilities: OPENAI_FEATURES,
  setup: {
    customHostRequired: false,
    customHostReplaces: "https://{resourceName}.openai.azure.com",
    options: [
      { name: "resourceName", label: "Resource name", required: false, requiredWithoutCustomHost: true },
      { name: "deploymentName", label: "Deployment name", required: true },
      { name: "apiVersion", label: "API version", required: false, default: AZURE_DEFAULT_API_VERSION },
    ],
  },
  // Azure addresses a deployment, not a model: the body's `model` is ignored upstream.
  buildUrl: ({ credentials, customHost, endpoint }) => {
    const resource = readOption(credentials, "resourceName");
    const deployment = readOption(credentials, "deploymentName");
    const apiVersion = readOption(credentials, "apiVersion") ?? AZURE_DEFAULT_API_VERSION;
    if (!customHost && !resource) {
      throw new ProviderConfigError("Azure OpenAI needs the resourceName option (or a custom host)");
    }
    if (!deployment) throw new ProviderConfigError("Azure OpenAI needs the deploymentName option");
    const host = customHost ?? `https://${encodeURIComponent(resource as string)}.openai.azure.com`;
    return `${host}/openai/deployments/${encodeURIComponent(deployment)}/${endpoint}?api-version=${encodeURIComponent(apiVersion)}`;
  },
  buildHeaders: (credentials) => ({ "api-key": credentials.apiKey }),
});
