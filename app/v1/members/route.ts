import { apiRoute } from "@/lib/routes/handler";
import { listMembers } from "@/lib/members/members";

// Members and invitations: the owner, signed in (API keys are refused, see permissions.ts).
export const GET = apiRoute("owner", async (_request, { caller }) => listMembers(caller?.userId ?? null));
