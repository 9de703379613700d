import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { handleAuthRequest } from "@/lib/auth/auth-request";

const handlers = toNextJsHandler(auth);

export const GET = handlers.GET;
// Sign-in lockout and sign-up checks around better-auth's own handler (lib/auth/auth-request.ts).
export const POST = (request: Request) => handleAuthRequest(request, handlers.POST);
