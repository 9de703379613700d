import { maxBundleBytes, readBodyText } from "@/lib/core/http/body-limit";
import type { ApiRequest } from "@/lib/core/http/api-request";
import { badRequest } from "@/lib/core/http/errors";
import { jsonBodyProblem } from "@/lib/core/http/json-depth";
import { bundleSchema, type Bundle } from "./schemas";

/** A bundle body: read within its own, larger limit (PROMPTLY_MAX_BUNDLE_BYTES), then checked like any JSON body. */
export async function readBundle(request: ApiRequest): Promise<Bundle> {
  const text = await readBodyText(request, maxBundleBytes());
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badRequest("Request body is not valid JSON: send a bundle from GET /v1/bundles/export");
  }
  const problem = jsonBodyProblem(value);
  if (problem) throw badRequest(problem);
  return bundleSchema.parse(value);
}
