import { recordChange } from "@/lib/audit/record";
import { revokeApiKeysOf } from "@/lib/auth/api-keys";
import { db } from "@/lib/core/db";
import { conflict, notFound } from "@/lib/core/http/errors";
import type { MemberRole, MemberSummary, UpdateMemberInput } from "./schemas";

/**
 * The owner's view of the accounts. Sessions are read from the database on every request,
 * so a role change or a removal applies to the member's next click. The acting owner can't
 * demote or remove themselves: an install always keeps an owner.
 */
export async function listMembers(youId: string | null): Promise<{ data: MemberSummary[]; total: number }> {
  const users = await db.user.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, name: true, email: true, role: true, publisher: true, createdAt: true } });
  const data = users.map((user) => ({
    id: user.id,
    name: user.name,
    email: user.email,
    role: (["owner", "editor"].includes(user.role) ? user.role : "viewer") as MemberRole,
    publisher: user.publisher,
    created_at: user.createdAt.toISOString(),
    is_you: user.id === youId,
  }));
  return { data, total: data.length };
}

async function memberOr404(id: string) {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, role: true } });
  if (!user) throw notFound(`Member '${id}' not found`);
  return user;
}

export async function updateMember(id: string, input: UpdateMemberInput, youId: string | null): Promise<MemberSummary> {
  const user = await memberOr404(id);
  const { role, publisher } = input;
  if (id === youId && role !== undefined && role !== user.role) throw conflict("You can't change your own role: another owner can", "own_account");
  const updated = await db.user.update({ where: { id }, data: { role, publisher }, select: { email: true, role: true, publisher: true } });
  await recordChange(db, { action: "member.update", target: { type: "member", id, name: updated.email }, before: { role: user.role }, after: { role: updated.role, publisher: updated.publisher } });
  // API keys act with their maker's authority: an owner who steps down loses the keys they made.
  if (user.role === "owner" && role !== undefined && role !== "owner") await revokeApiKeysOf(id);
  const members = await listMembers(youId);
  return members.data.find((member) => member.id === id) as MemberSummary;
}

export async function removeMember(id: string, youId: string | null): Promise<Record<string, never>> {
  const user = await memberOr404(id);
  if (id === youId) throw conflict("You can't remove your own account", "own_account");
  await revokeApiKeysOf(id);
  // Sessions and credentials go with the user (cascade): they are signed out at once.
  const removed = await db.user.delete({ where: { id }, select: { email: true } });
  await recordChange(db, { action: "member.remove", target: { type: "member", id, name: removed.email }, before: { email: removed.email, role: user.role } });
  return {};
}
