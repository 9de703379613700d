import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCaller } from "./caller";
import { needsSetup } from "./setup";

/**
 * For server pages: the signed-in user, or a redirect to setup (fresh install) or sign-in.
 * Cached per request: the layout and the page both ask, one session lookup answers.
 */
export const requireSessionUser = cache(async () => {
  const caller = await getCaller(await headers());
  if (caller?.kind === "session") return caller;
  redirect((await needsSetup()) ? "/setup" : "/sign-in");
});
