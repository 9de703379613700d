"use client";
import { createAuthClient } from "better-auth/react";

// The browser side of better-auth: same origin, so no base URL.
export const authClient = createAuthClient();
