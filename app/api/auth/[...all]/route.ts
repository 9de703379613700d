import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { handleAuthRequest } from "@/lib/auth/auth-request";

const handlers = toNextJsHandler(auth);

// Sign-in lockout, sign-up checks and retry-after around better-auth's own handler (lib/auth/auth-request.ts).
export const GET = (request: Request) => handleAuthRequest(request, handlers.GET);
export const POST = (request: Request) => handleAuthRequest(request, handlers.POST);
