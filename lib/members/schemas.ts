import { z } from "zod";

/** Admin API for members (/v1/members), shared by the route and the Members tab. */
export const MEMBER_ROLES = ["owner", "editor", "viewer"] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const updateMemberSchema = z
  .object({
    role: z.enum(MEMBER_ROLES, { error: () => `must be one of: ${MEMBER_ROLES.join(", ")}` }).optional(),
    /** May move protected labels directly; meaningful for editors (the owner always may). */
    publisher: z.boolean().optional(),
  })
  .refine((body) => body.role !== undefined || body.publisher !== undefined, { message: "give role, publisher or both", path: ["role"] });
export type UpdateMemberInput = z.infer<typeof updateMemberSchema>;

export interface MemberSummary {
  id: string;
  name: string;
  email: string;
  role: MemberRole;
  publisher: boolean;
  created_at: string;
  /** The signed-in owner asking: the UI offers no role change or removal on this row. */
  is_you: boolean;
}
