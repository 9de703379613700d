import { E2E } from "./env";

export const OWNER = { name: "Olive Owner", email: "owner@promptly.test", password: "correct-horse-battery" };

/** Where the setup project leaves the owner's signed-in session for the browser tests. */
export const OWNER_STATE = E2E.ownerState;

/** For a context without the owner's session: the browser project's default storage state is the owner's. */
export const SIGNED_OUT = { cookies: [], origins: [] };
