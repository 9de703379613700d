import { E2E } from "./env";

export const OWNER = { name: "Olive Owner", email: "owner@promptly.test", password: "correct-horse-battery" };

/** Where the setup project leaves the owner's signed-in session for the browser tests. */
export const OWNER_STATE = E2E.ownerState;
