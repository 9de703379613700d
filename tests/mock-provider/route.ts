import type { MockState } from "./state";
import type { MockExchange } from "./types";

/**
 * One entry of the route table. Anthropic (`/v1/messages`) or Gemini
 * (`/v1beta/models/:model:streamGenerateContent`) support is a new module exporting routes.
 */
export interface MockRoute {
  method: string;
  /** A pattern with `:name` segments, or a RegExp whose named groups become params. */
  path: string | RegExp;
  /** Control routes are not recorded, and neither stall nor consume behaviours. */
  control?: boolean;
  /** The model named by the request, for model-name presets (default: body.model). */
  modelOf?: (body: unknown, params: Record<string, string>) => string | undefined;
  handle(exchange: MockExchange, state: MockState): void | Promise<void>;
}
