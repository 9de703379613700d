export type {
  BooleanCapability,
  Provider,
  ProviderCapabilities,
  ProviderCredentials,
  ProviderRequest,
  ProviderResponse,
  TemplateKind,
} from "./types";
export { hostFromTemplate, optionParam, type ProviderOptionSpec, type ProviderSetup } from "./setup";
export { listDeclarations, providerDeclaration } from "./declarations";
export { PROVIDER_IDS, getProvider, isProviderId, listProviders, type ProviderId, type ProviderInfo } from "./registry";
export {
  bearerAuth,
  createOpenAICompatibleProvider,
  parseErrorBody,
  ProviderConfigError,
  readOption,
  type OpenAICompatibleConfig,
  type OpenAICompatibleProvider,
  type ProviderFailure,
  type UrlContext,
} from "./openai-compatible";
export { AZURE_DEFAULT_API_VERSION } from "./azure-openai/declaration";
export type { ModelDeclaration, ModelPrices, ProviderDeclaration } from "./declaration";
