import { notFound } from "@/lib/core/http/errors";
import { apiRoute } from "@/lib/routes/handler";

// Any /v1 path no route claims: a 404 in the error envelope (not Next's HTML page), so SDKs
// and curl users get a readable error. Public, so probing it reveals nothing either way.
const unknownRoute = apiRoute<{ path: string[] }>("public", async (request) => {
  throw notFound(`No such endpoint: ${request.method} ${new URL(request.url).pathname}`);
});

export { unknownRoute as GET, unknownRoute as POST, unknownRoute as PUT, unknownRoute as PATCH, unknownRoute as DELETE };
