import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCaller } from "./caller";
import { REQUEST_PATH_HEADER, signInHref } from "./next-path";
import { needsSetup } from "./setup";

/**
 * For server pages: the signed-in user, or a redirect to setup (fresh install) or sign-in.
 * The sign-in redirect keeps the page asked for (`?next=`), so a deep link survives sign-in.
 * Cached per request: the layout and the page both ask, one session lookup answers.
 */
export const requireSessionUser = cache(async () => {
  const requestHeaders = await headers();
  const caller = await getCaller(requestHeaders);
  if (caller?.kind === "session") return caller;
  redirect((await needsSetup()) ? "/setup" : signInHref(requestHeaders.get(REQUEST_PATH_HEADER)));
});
