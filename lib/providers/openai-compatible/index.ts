export {
  bearerAuth,
  createOpenAICompatibleProvider,
  ProviderConfigError,
  readOption,
  trimBase,
  type OpenAICompatibleConfig,
  type OpenAICompatibleProvider,
  type UrlContext,
} from "./create-provider";
export { parseErrorBody, readUpstreamError, type ProviderFailure } from "./upstream-error";
export { openAICompatible } from "./generic";
