import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { needsSetup } from "@/lib/auth/setup";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  if (await needsSetup()) redirect("/setup");
  const { next } = await searchParams;
  return (
    <AuthCard title="Sign in" subtitle="Use the account the owner of this installation gave you.">
      <SignInForm next={safeNextPath(typeof next === "string" ? next : null)} />
    </AuthCard>
  );
}
