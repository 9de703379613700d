"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useMembers, useRemoveMember, useUpdateMember } from "@/lib/hooks/use-members";
import { MEMBER_ROLES, type MemberRole, type MemberSummary } from "@/lib/members/schemas";
import { InvitesSection } from "./invites-section";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

const ROLE_LABEL: Record<MemberRole, string> = {
  owner: "Owner",
  editor: "Editor",
  viewer: "Viewer",
};

/** Settings → Members (owner only): who has an account, with which role; invitations below. */
export function MembersSection() {
  const members = useMembers();
  const updateRole = useUpdateMember();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<MemberSummary | null>(null);

  const changeRole = (member: MemberSummary, role: MemberRole) =>
    updateRole.mutate(
      { id: member.id, role },
      { onSuccess: () => toast.success(`${member.name} is now ${ROLE_LABEL[role].toLowerCase()}`), onError: (error) => toast.error(error.message) },
    );
  const changePublisher = (member: MemberSummary, publisher: boolean) =>
    updateRole.mutate(
      { id: member.id, publisher },
      {
        onSuccess: () => toast.success(publisher ? `${member.name} may now move protected labels` : `${member.name} now opens release requests for protected labels`),
        onError: (error) => toast.error(error.message),
      },
    );

  const confirmRemove = (member: MemberSummary) =>
    remove.mutate(member.id, {
      onSuccess: () => {
        toast.success(`${member.name} removed`);
        setRemoving(null);
      },
      onError: (error) => toast.error(error.message),
    });

  return (
    <div className="space-y-10">
      <section aria-labelledby="members-title" data-testid="members-section">
        <SectionHeader
          id="members-title"
          title="Members"
          description="Owners manage everything. Editors change prompts, partials, folders and labels; on a protected label they open a release request, unless they are publishers. Viewers read prompts and logs and run them in the playground. A change applies at the member's next request."
        />
        {members.isError ? (
          <QueryError error={members.error} onRetry={() => members.refetch()} testId="members-error" />
        ) : (
          <Table label="Members" testId="members-table">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Email</Th>
                <Th>Role</Th>
                <Th>Publisher</Th>
                <Th>Joined</Th>
                <Th className="text-right">Actions</Th>
              </tr>
            </thead>
            {members.isPending ? (
              <SkeletonRows columns={6} testId="members-loading" />
            ) : (
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {members.data.data.map((member) => (
                  <tr key={member.id} data-testid={`member-row-${member.id}`} data-email={member.email} data-role={member.role}>
                    <Td className="font-medium">
                      {member.name} {member.is_you ? <Badge tone="info">You</Badge> : null}
                    </Td>
                    <Td>{member.email}</Td>
                    <Td>
                      {member.is_you ? (
                        <Badge>{ROLE_LABEL[member.role]}</Badge>
                      ) : (
                        <select
                          aria-label={`Role of ${member.name}`}
                          data-testid="member-role"
                          value={member.role}
                          disabled={updateRole.isPending}
                          onChange={(event) => changeRole(member, event.target.value as MemberRole)}
                          className="rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                        >
                          {MEMBER_ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABEL[role]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Td>
                    <Td>
                      {member.role === "editor" ? (
                        <input
                          type="checkbox"
                          aria-label={`${member.name} may move protected labels`}
                          data-testid="member-publisher"
                          checked={member.publisher}
                          disabled={updateRole.isPending}
                          onChange={(event) => changePublisher(member, event.target.checked)}
                          className="h-4 w-4"
                        />
                      ) : (
                        <span className="text-xs text-zinc-500">{member.role === "owner" ? "always" : "n/a"}</span>
                      )}
                    </Td>
                    <Td>
                      <RelativeTime iso={member.created_at} />
                    </Td>
                    <Td className="text-right">
                      {member.is_you ? null : (
                        <Button
                          variant="ghost"
                          className="text-red-600! hover:bg-red-50! dark:text-red-400! dark:hover:bg-red-950!"
                          onClick={() => setRemoving(member)}
                          aria-label={`Remove ${member.name}`}
                          data-testid="member-remove"
                        >
                          Remove
                        </Button>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            )}
          </Table>
        )}
      </section>
      <InvitesSection />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove “${removing?.name ?? ""}”?`}
        confirmLabel="Remove member"
        pending={remove.isPending}
        onConfirm={() => removing && confirmRemove(removing)}
        onClose={() => setRemoving(null)}
      >
        Their account is deleted and they are signed out at once; API keys they made are revoked. Prompts and logs they made stay.
      </ConfirmDialog>
    </div>
  );
}
