import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { withBodyLimit } from "@/lib/http/body-limit";

const handlers = toNextJsHandler(auth);

export const GET = handlers.GET;
// Sign-in and sign-up bodies come before any authentication: only the size limit applies.
export const POST = withBodyLimit(handlers.POST);
