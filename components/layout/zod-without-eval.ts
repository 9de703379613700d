import { z } from "zod";

// The pages' CSP allows no eval, and zod's probe for `new Function` (its faster parsers) is
// reported as a violation even though zod catches it: in the browser, zod runs without it.
// Not on the server, where the probe succeeds and the faster parsers serve the API.
if (typeof window !== "undefined") z.config({ jitless: true });
