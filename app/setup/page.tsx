import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { needsSetup } from "@/lib/auth/setup";

export const dynamic = "force-dynamic";
export const metadata = { title: "Set up" };

export default async function SetupPage() {
  // Only a fresh install has a setup page; afterwards sign-up is closed.
  if (!(await needsSetup())) redirect("/sign-in");
  return (
    <AuthCard title="Welcome to Promptly" subtitle="Create the owner account of this installation.">
      <SetupForm />
    </AuthCard>
  );
}
