export type {
  BooleanCapability,
  Provider,
  ProviderCapabilities,
  ProviderCredentials,
  ProviderRequest,
  ProviderResponse,
  TemplateKind,
} from "./types";
export type { ProviderOptionSpec, ProviderSetup } from "./setup";
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
