import { declareOpenAICompatible } from "../openai-compatible/declare";
import { OPENAI_FEATURES } from "../openai-features";

/** The latest GA data-plane version; a virtual key can pin another with the apiVersion option. */
export const AZURE_DEFAULT_API_VERSION = "2024-10-21";

export const azureOpenAIDeclaration = declareOpenAICompatible({
  id: "azure-openai",
  displayName: "Azure OpenAI",
  // As OpenAI's: "Defaults to 1".
  defaultTemperature: 1,
  defaultBaseUrl: null, // per resource: https://{resourceName}.openai.azure.com
  // Completion templates too: gpt-35-turbo-instruct deployments.
  capabilities: OPENAI_FEATURES,
  setup: {
    customHostRequired: false,
    customHostReplaces: "https://{resourceName}.openai.azure.com",
    hostTemplate: "https://{resourceName}.openai.azure.com",
    options: [
      { name: "resourceName", label: "Resource name", required: false, requiredWithoutCustomHost: true },
      { name: "deploymentName", label: "Deployment name", required: true },
      { name: "apiVersion", label: "API version", required: false, default: AZURE_DEFAULT_API_VERSION },
    ],
  },
  usageInStream: true,
  // Suggestions only: Azure addresses a deployment, and ignores the body's model.
  models: [{ id: "gpt-4.1" }, { id: "gpt-4o" }, { id: "gpt-4o-mini" }, { id: "o4-mini" }],
});
