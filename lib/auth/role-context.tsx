"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "./caller";
import { memberCan, type Action } from "./permissions";

// The signed-in user's role (and publisher flag), from the server layout, so that components
// can hide what the server would refuse anyway. Outside a provider: the least rights.
const RoleContext = createContext<{ role: Role; publisher: boolean; email: string | null }>({ role: "viewer", publisher: false, email: null });

export function RoleProvider({ role, publisher = false, email = null, children }: { role: Role; publisher?: boolean; email?: string | null; children: ReactNode }) {
  return <RoleContext.Provider value={{ role, publisher, email }}>{children}</RoleContext.Provider>;
}

export const useRole = () => useContext(RoleContext).role;

/** The signed-in member's email (release requests name their author by it). */
export const useSignedInEmail = () => useContext(RoleContext).email;

export function useCan(action: Action): boolean {
  const { role, publisher } = useContext(RoleContext);
  return memberCan(role, publisher, action);
}
