import Link from "next/link";
import { AuthCard } from "@/components/auth/auth-card";
import { InviteForm } from "@/components/auth/invite-form";
import { ErrorAlert } from "@/components/ui/alert";
import { checkInvite } from "@/lib/invites/invites";

export const dynamic = "force-dynamic";
export const metadata = { title: "Accept invitation" };

/** An invitation link: the invitee picks a name and password and gets the invite's role. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const check = await checkInvite(token);
  if (!check.ok) {
    return (
      <AuthCard title="Invitation unavailable" subtitle="This link can't be used to create an account.">
        <ErrorAlert testId="invite-refused">{check.message}</ErrorAlert>
        <Link href="/sign-in" className="block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Go to sign in
        </Link>
      </AuthCard>
    );
  }
  const { invite } = check;
  return (
    <AuthCard title="Join Promptly" subtitle={`You are invited as ${invite.role === "editor" ? "an editor" : "a viewer"}. Create your account.`}>
      <InviteForm token={token} email={invite.email} role={invite.role} />
    </AuthCard>
  );
}
