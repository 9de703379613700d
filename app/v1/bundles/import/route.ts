import { apiRoute } from "@/lib/routes/handler";
import { importBundle } from "@/lib/bundles/import";
import { readBundle } from "@/lib/bundles/read";

/** Merges a bundle (within PROMPTLY_MAX_BUNDLE_BYTES): answers what was created, skipped and in conflict. */
export const POST = apiRoute("write", async (request, { caller }) => importBundle(await readBundle(request), caller));
