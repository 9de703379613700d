"use client";
import { useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { useInvites, useRevokeInvite } from "@/lib/hooks/use-members";
import type { InviteStatus, InviteSummary } from "@/lib/invites/schemas";
import { InviteCreate } from "./invite-create";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

const STATUS: Record<InviteStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Pending", tone: "success" },
  used: { label: "Used", tone: "neutral" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "danger" },
};

export function InvitesSection() {
  const invites = useInvites();
  const revoke = useRevokeInvite();
  const [creating, setCreating] = useState(false);

  const doRevoke = (invite: InviteSummary) =>
    revoke.mutate(invite.id, { onSuccess: () => toast.success("Invitation revoked"), onError: (error) => toast.error(error.message) });

  return (
    <section aria-labelledby="invites-title" data-testid="invites-section">
      <SectionHeader
        id="invites-title"
        title="Invitations"
        description="A link that creates one account with the role you pick, until it expires. No email is sent: copy the link and pass it on."
        action={
          <Button onClick={() => setCreating(true)} data-testid="invite-new">
            Invite someone
          </Button>
        }
      />
      {invites.isError ? (
        <QueryError error={invites.error} onRetry={() => invites.refetch()} testId="invites-error" />
      ) : invites.data?.data.length === 0 ? (
        <EmptyState title="No invitations yet" testId="invites-empty" />
      ) : (
        <Table label="Invitations" testId="invites-table">
          <thead>
            <tr>
              <Th>For</Th>
              <Th>Role</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th>Status</Th>
              <Th className="text-right">Actions</Th>
            </tr>
          </thead>
          {invites.isPending ? (
            <SkeletonRows columns={6} testId="invites-loading" />
          ) : (
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {invites.data.data.map((invite) => (
                <tr key={invite.id} data-testid={`invite-row-${invite.id}`} data-status={invite.status}>
                  <Td>{invite.email ?? <span className="text-zinc-500">anyone with the link</span>}</Td>
                  <Td className="capitalize">{invite.role}</Td>
                  <Td>
                    <RelativeTime iso={invite.created_at} />
                  </Td>
                  <Td>
                    {/* Absolute: RelativeTime speaks of the past only. Rendered in the browser, so its locale. */}
                    <time dateTime={invite.expires_at} className="whitespace-nowrap">
                      {new Date(invite.expires_at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </Td>
                  <Td>
                    <Badge tone={STATUS[invite.status].tone} title={invite.used_by ? `Used by ${invite.used_by}` : undefined}>
                      {STATUS[invite.status].label}
                    </Badge>
                  </Td>
                  <Td className="text-right">
                    {invite.status === "pending" ? (
                      <Button variant="ghost" onClick={() => doRevoke(invite)} disabled={revoke.isPending} data-testid="invite-revoke">
                        Revoke
                      </Button>
                    ) : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          )}
        </Table>
      )}
      <Dialog open={creating} onClose={() => setCreating(false)} title="Invite someone" testId="invite-dialog">
        <InviteCreate onDone={() => setCreating(false)} />
      </Dialog>
    </section>
  );
}
