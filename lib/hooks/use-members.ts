"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client/fetch-json";
import type { CreatedInvite, CreateInviteInput, InviteSummary } from "@/lib/invites/schemas";
import type { MemberSummary, UpdateMemberInput } from "@/lib/members/schemas";
import { queryKeys } from "./query-keys";

export function useMembers() {
  return useQuery({
    queryKey: queryKeys.members.all,
    queryFn: ({ signal }) => apiFetch<{ data: MemberSummary[]; total: number }>("/members", { signal }),
  });
}

export function useUpdateMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...change }: { id: string } & UpdateMemberInput) => apiFetch<MemberSummary>(`/members/${encodeURIComponent(id)}`, { method: "PUT", body: change }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.members.all }),
  });
}

export function useRemoveMember() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Record<string, never>>(`/members/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.members.all }),
  });
}

export function useInvites() {
  return useQuery({
    queryKey: queryKeys.invites.all,
    queryFn: ({ signal }) => apiFetch<{ data: InviteSummary[]; total: number }>("/invites", { signal }),
  });
}

/** The answer holds the link in clear: keep it in component state only, never in a query. */
export function useCreateInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateInviteInput) => apiFetch<CreatedInvite>("/invites", { body: input }),
    gcTime: 0,
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invites.all }),
  });
}

export function useRevokeInvite() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch<Record<string, never>>(`/invites/${encodeURIComponent(id)}`, { method: "DELETE" }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.invites.all }),
  });
}
