import { randomUUID } from "node:crypto";
import { z, ZodError, type ZodType } from "zod";
import { getCaller, type Caller } from "@/lib/auth/caller";
import { assertCan, type Action } from "@/lib/auth/permissions";
import type { ApiRequest } from "@/lib/core/http/api-request";
import { readBodyText } from "@/lib/core/http/body-limit";
import { ApiError, badRequest, errorEnvelope, forbidden, unauthorized } from "@/lib/core/http/errors";
import { jsonBodyProblem } from "@/lib/core/http/json-depth";
import { isCrossSiteWrite } from "@/lib/core/http/same-origin";
import { withRequestActor, type RequestActor } from "@/lib/core/request-actor";

/**
 * What a route needs, declared once per route file: "public" (no caller), or an action of
 * the permission table (lib/auth/permissions.ts). "completions" is the action "run";
 * "owner" is "members" (the owner, signed in).
 */
export type Access = "public" | "completions" | "read" | "write" | "settings" | "owner";

const ACCESS_ACTION: Record<Exclude<Access, "public">, Action> = {
  completions: "run",
  read: "read",
  write: "write",
  settings: "settings",
  owner: "members",
};

/** `caller` is null only on public routes: every other access level has authenticated one. */
export interface RouteContext<P, C extends Caller | null = Caller> {
  params: P;
  caller: C;
  traceId: string;
}

type Handler<P, C extends Caller | null> = (request: ApiRequest, context: RouteContext<P, C>) => Promise<Response | unknown>;
type RouteHandler<P> = (request: ApiRequest, segment: { params: Promise<P> }) => Promise<Response>;

export const TRACE_HEADER = "x-portkey-trace-id";

/**
 * The one wrapper around every /v1 route handler: authenticates, runs the handler, and maps
 * typed errors to the error envelope. Every response carries a Content-Type and a trace id
 * (the Portkey SDKs skip their automatic retry of a 5xx when the trace header is present,
 * so one failure never costs two upstream calls).
 */
export function apiRoute<P = Record<string, string>>(access: "public", handler: Handler<P, null>): RouteHandler<P>;
export function apiRoute<P = Record<string, string>>(access: Exclude<Access, "public">, handler: Handler<P, Caller>): RouteHandler<P>;
export function apiRoute<P = Record<string, string>>(access: Access, handler: Handler<P, Caller> | Handler<P, null>): RouteHandler<P> {
  return async (request: ApiRequest, segment: { params: Promise<P> }): Promise<Response> => {
    const traceId = request.headers.get(TRACE_HEADER) || randomUUID();
    let response: Response;
    try {
      const params = await segment.params;
      const result =
        access === "public"
          ? await (handler as Handler<P, null>)(request, { params, caller: null, traceId })
          : await withCaller(request, access, await authorize(request, access), (caller) => (handler as Handler<P, Caller>)(request, { params, caller, traceId }));
      response = result instanceof Response ? result : Response.json(result ?? {});
    } catch (error) {
      response = errorResponse(error);
    }
    response.headers.set(TRACE_HEADER, traceId);
    return response;
  };
}

async function authorize(request: ApiRequest, access: Exclude<Access, "public">): Promise<Caller> {
  const caller = await getCaller(request.headers);
  if (!caller) throw unauthorized();
  if (caller.kind === "session" && isCrossSiteWrite(request)) throw forbidden("Cross-site request refused");
  // An access level this table doesn't know refuses (fail closed), it never lets through.
  const action = ACCESS_ACTION[access];
  if (!action) throw forbidden();
  assertCan(caller, action);
  return caller;
}

/**
 * Access levels whose handlers never write the audit log (completions, render, feedback):
 * they run outside the actor's AsyncLocalStorage scope, whose context propagation costs
 * every promise of the hot path something for a value nothing there reads.
 */
const NO_AUDIT_ACTOR: ReadonlySet<Access> = new Set(["completions"]);

/**
 * Runs the handler as the caller, from the client address the server sees (scripts/server.mjs
 * leaves exactly one in x-forwarded-for, under the trusted-proxy rules): what the audit log records.
 */
function withCaller<T>(request: ApiRequest, access: Access, caller: Caller, run: (caller: Caller) => Promise<T>): Promise<T> {
  if (NO_AUDIT_ACTOR.has(access)) return run(caller);
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
  const actor: RequestActor =
    caller.kind === "session"
      ? { kind: "session", userId: caller.userId, email: caller.email, ip }
      : { kind: "api_key", apiKeyId: caller.apiKeyId, userId: caller.userId, ip };
  return withRequestActor(actor, () => run(caller));
}

export function errorResponse(error: unknown): Response {
  const apiError = toApiError(error);
  return Response.json(errorEnvelope(apiError), { status: apiError.status, headers: apiError.headers });
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof ZodError) return zodToApiError(error);
  // Internals are logged, never returned.
  console.error("[promptly] unhandled error", error);
  return new ApiError(500, "Internal server error", "server_error", "internal_error");
}

function zodToApiError(error: ZodError): ApiError {
  const issues = error.issues.slice(0, 5).map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : "body";
    return `${where}: ${issue.message}`;
  });
  const first = error.issues[0];
  return badRequest(`Invalid request: ${issues.join("; ")}`, first?.path.length ? first.path.join(".") : null);
}

/** Reads (within the body limit) and validates a JSON body; an empty body counts as `{}`. */
export async function readJson<T>(request: ApiRequest, schema: ZodType<T>): Promise<T> {
  const text = await readBodyText(request);
  let value: unknown = {};
  if (text.trim().length > 0) {
    try {
      value = JSON.parse(text);
    } catch {
      throw badRequest("Request body is not valid JSON");
    }
    const problem = jsonBodyProblem(value);
    if (problem) throw badRequest(problem);
  }
  return schema.parse(value);
}

/** Validates the query string against a schema of string fields. */
export function readQuery<T>(request: Pick<ApiRequest, "url">, schema: ZodType<T>): T {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  return schema.parse(params);
}

export { z };
export type { ApiRequest };
