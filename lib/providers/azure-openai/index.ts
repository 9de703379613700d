import { createOpenAICompatibleProvider, ProviderConfigError, readOption } from "../openai-compatible";
import { hostFromTemplate } from "../setup";
import { AZURE_DEFAULT_API_VERSION, azureOpenAIDeclaration } from "./declaration";

export { AZURE_DEFAULT_API_VERSION } from "./declaration";

export const azureOpenAI = createOpenAICompatibleProvider({
  ...azureOpenAIDeclaration,
  // Azure addresses a deployment, not a model: the body's `model` is ignored upstream.
  buildUrl: ({ credentials, customHost, endpoint }) => {
    const deployment = readOption(credentials, "deploymentName");
    const apiVersion = readOption(credentials, "apiVersion") ?? AZURE_DEFAULT_API_VERSION;
    const template = azureOpenAIDeclaration.setup.hostTemplate;
    const host = customHost ?? (template ? hostFromTemplate(template, (name) => readOption(credentials, name))?.url : undefined);
    if (!host) throw new ProviderConfigError("Azure OpenAI needs the resourceName option (or a custom host)");
    if (!deployment) throw new ProviderConfigError("Azure OpenAI needs the deploymentName option");
    return `${host}/openai/deployments/${encodeURIComponent(deployment)}/${endpoint}?api-version=${encodeURIComponent(apiVersion)}`;
  },
  buildHeaders: (credentials) => ({ "api-key": credentials.apiKey }),
});
