/**
 * Thrown while translating an OpenAI request for a native provider when something in it
 * cannot be honoured (an unsupported parameter, a malformed tool call...). The adapter turns
 * it into a 400 naming the parameter instead of silently dropping it or sending the
 * provider a request it would reject with a less helpful message.
 */
export class RequestMappingError extends Error {
  constructor(
    /** The OpenAI parameter at fault, e.g. "seed" or "messages[2].content". */
    readonly param: string,
    message: string,
    readonly code = "unsupported_parameter",
  ) {
    super(message);
    this.name = "RequestMappingError";
  }
}

/** A provider's in-stream `error` event: ends the translated stream with the provider's message. */
export class UpstreamStreamError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UpstreamStreamError";
  }
}

/**
 * A provider answered 200 but with no usable answer (e.g. generation ended on a malformed
 * function call): the adapter's call fails with a 502 carrying the provider's reason as code.
 */
export class UpstreamAnswerError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "UpstreamAnswerError";
  }
}
