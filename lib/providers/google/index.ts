import { createNativeProvider, customHostOf } from "../native/create-native-provider";
import type { ProviderCredentials } from "../types";
import { GOOGLE_DEFAULT_BASE_URL, googleDeclaration } from "./declaration";
import { parseGeminiError } from "./errors";
import { toGeminiRequest } from "./request";
import { toOpenAICompletion } from "./response";
import { newGeminiStreamTranslator } from "./stream";

export { GOOGLE_DEFAULT_BASE_URL } from "./declaration";

/**
 * The versioned API root. A custom host may include the version (`.../v1beta`, or `.../v1`
 * for the stable API) or not, in which case v1beta is used: the version where system
 * instructions, tools and JSON schemas are all available.
 */
function apiRoot(credentials: ProviderCredentials): string {
  const host = customHostOf(credentials) ?? GOOGLE_DEFAULT_BASE_URL;
  return /\/v1(beta)?$/.test(host) ? host : `${host}/v1beta`;
}

/** `gemini-2.0-flash`, `models/gemini-2.0-flash` or `tunedModels/x` → the path naming it. */
function modelPath(model: unknown): string {
  const name = typeof model === "string" ? model : "";
  const path = /^(models|tunedModels)\//.test(name) ? name : `models/${name}`;
  return path.split("/").map(encodeURIComponent).join("/");
}

export const google = createNativeProvider({
  ...googleDeclaration,
  buildCall: (body, credentials, stream) => ({
    url: `${apiRoot(credentials)}/${modelPath(body.model)}:${stream ? "streamGenerateContent?alt=sse" : "generateContent"}`,
    // The key in a header, not the `?key=` query string: URLs end up in logs.
    headers: { "x-goog-api-key": credentials.apiKey },
    body: toGeminiRequest(body, { jsonSchemaFields: !apiRoot(credentials).endsWith("/v1") }),
  }),
  parseError: parseGeminiError,
  toCompletion: toOpenAICompletion,
  newStreamTranslator: newGeminiStreamTranslator,
});
