import type { ReactNode } from "react";
import { AppNav } from "@/components/layout/app-nav";
import { Toaster } from "@/components/ui/toast";
import { RoleProvider } from "@/lib/auth/role-context";
import { requireSessionUser } from "@/lib/auth/session";

// Every page in this group needs a session: the check runs on the server, per request.
export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requireSessionUser();
  return (
    <RoleProvider role={user.role} publisher={user.publisher === true} email={user.email}>
      <div className="flex min-h-screen flex-col lg:flex-row">
        <AppNav email={user.email} role={user.role} />
        <main className="min-w-0 flex-1">{children}</main>
      </div>
      <Toaster />
    </RoleProvider>
  );
}
