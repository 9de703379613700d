import { apiRoute } from "@/lib/routes/handler";
import { listProviders } from "@/lib/providers/registry";

// The playground reads each provider's capabilities to disable what a key can't honour.
// Same access as running a prompt: anyone who may call completions may see what they support.
export const GET = apiRoute("completions", async () => ({ data: listProviders() }));
