/**
 * Typed errors. Anything in lib/ that should reach a caller as a 4xx/5xx throws one of
 * these; the route wrapper (lib/routes/handler.ts) turns them into the error envelope.
 * Any other exception is logged and answered as a bare 500.
 */
// Next bundles lib/ into several chunks (instrumentation, each route) and the fast routes
// into one more, but the Prisma client is one per process (lib/core/runtime.ts): an ApiError its
// PostgreSQL checks throw comes from whichever copy made the client. A registered symbol
// marks every copy's errors, so each copy's `instanceof ApiError` knows them all.
const API_ERROR = Symbol.for("promptly.api-error");

export class ApiError extends Error {
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [API_ERROR]?: unknown })[API_ERROR] === true;
  }

  readonly [API_ERROR] = true;

  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    /** Extra response headers, e.g. retry-after. */
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string, param: string | null = null, code = "invalid_request") =>
  new ApiError(400, message, "invalid_request_error", code, param);

export const unauthorized = (message = "Missing or invalid API key") =>
  new ApiError(401, message, "authentication_error", "invalid_api_key");

export const forbidden = (message = "Not allowed") => new ApiError(403, message, "permission_error", "forbidden");

export const notFound = (message: string) => new ApiError(404, message, "not_found_error", "not_found");

export const conflict = (message: string, code = "conflict") => new ApiError(409, message, "conflict_error", code);

export const unprocessable = (message: string, param: string | null = null) =>
  new ApiError(422, message, "invalid_request_error", "unprocessable", param);

/**
 * An upstream provider failed: its status is kept (429 stays 429) and it is named. A refused
 * provider key is an authentication error, as OpenAI clients expect of a 401.
 */
export function upstreamError(provider: string, status: number, message: string, code: string | null = null, param: string | null = null) {
  const type = status === 401 ? "authentication_error" : "upstream_error";
  return new ApiError(status, `${provider} error: ${message}`, type, code ?? `provider_${status}`, param);
}

/** The body every error has: readable by the Portkey SDKs and by OpenAI clients. */
export function errorEnvelope(error: Pick<ApiError, "message" | "type" | "param" | "code">) {
  return {
    status: "failure" as const,
    message: error.message,
    error: { message: error.message, type: error.type, param: error.param, code: error.code },
  };
}
