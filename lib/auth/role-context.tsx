"use client";
import { createContext, useContext, type ReactNode } from "react";
import type { Role } from "./caller";
import { roleCan, type Action } from "./permissions";

// The signed-in user's role, from the server layout, so that components can hide what the
// server would refuse anyway. Outside a provider: the least rights.
const RoleContext = createContext<Role>("viewer");

export function RoleProvider({ role, children }: { role: Role; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

export const useRole = () => useContext(RoleContext);

export const useCan = (action: Action) => roleCan(useRole(), action);
