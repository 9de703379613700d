import { errorEnvelope } from "@/lib/http/errors";

/**
 * Runs before routing, for /v1 only. A path with broken percent-encoding (`/v1/prompts/%zz`)
 * makes Next fail while decoding the route params, before any route handler runs, and it
 * answers a bare text/plain 500. Refuse such paths here with a 400 in the error envelope.
 */
export function proxy(request: Request): Response | undefined {
  try {
    decodeURIComponent(new URL(request.url).pathname);
    return undefined;
  } catch {
    const error = { message: "The request path has malformed percent-encoding", type: "invalid_request_error", param: null, code: "invalid_path" };
    return Response.json(errorEnvelope(error), { status: 400 });
  }
}

export const config = { matcher: "/v1/:path*" };
