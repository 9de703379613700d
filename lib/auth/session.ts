import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getCaller } from "./caller";
import { needsSetup } from "./setup";

/** For server pages: the signed-in user, or a redirect to setup (fresh install) or sign-in. */
export async function requireSessionUser() {
  const caller = await getCaller(await headers());
  if (caller?.kind === "session") return caller;
  redirect((await needsSetup()) ? "/setup" : "/sign-in");
}
