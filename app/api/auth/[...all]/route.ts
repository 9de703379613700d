import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { handleAuthRequest } from "@/lib/auth/auth-request";
import { withBodyLimit } from "@/lib/core/http/body-limit";

const handlers = toNextJsHandler(auth);

// Sign-in lockout, sign-up checks and retry-after around better-auth's own handler
// (lib/auth/auth-request.ts). Sign-in and sign-up bodies come before any authentication:
// the size limit wraps everything else.
export const GET = (request: Request) => handleAuthRequest(request, handlers.GET);
export const POST = withBodyLimit((request: Request) => handleAuthRequest(request, handlers.POST));
