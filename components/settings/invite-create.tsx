"use client";
import { useState, type FormEvent } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCreateInvite } from "@/lib/hooks/use-members";
import { createInviteSchema, DEFAULT_INVITE_TTL_SECONDS, type InviteRole } from "@/lib/invites/schemas";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";
import { FormFooter } from "./form-footer";
import { ShownOnce } from "./shown-once";

const DAY = 24 * 3600;
const EXPIRIES = [
  { seconds: DAY, label: "1 day" },
  { seconds: DEFAULT_INVITE_TTL_SECONDS, label: "7 days" },
  { seconds: 30 * DAY, label: "30 days" },
];

/**
 * Create form, then the link, shown once (only a hash of its token is stored). No email is
 * sent: the owner passes the link on.
 */
export function InviteCreate({ onDone }: { onDone: () => void }) {
  const create = useCreateInvite();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InviteRole>("editor");
  const [expires, setExpires] = useState(DEFAULT_INVITE_TTL_SECONDS);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = { email, role, expires_in_seconds: expires };
    const parsed = createInviteSchema.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(input, { onSuccess: () => toast.success(`Invitation for ${role === "editor" ? "an editor" : "a viewer"} created`) });
  }

  if (create.data) {
    return (
      <ShownOnce
        notice={
          <>
            Send this link to {create.data.email ?? "the person you invite"}. <strong>It is shown only now</strong> and works once, until{" "}
            {new Date(create.data.expires_at).toLocaleString()}.
          </>
        }
        value={create.data.url}
        label="Invitation link"
        testIdPrefix="invite"
        valueTestId="invite-link"
        onDone={onDone}
      />
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="invite-form">
      <div>
        <TextField
          id="invite-email"
          label="Email (optional)"
          type="email"
          placeholder="Anyone with the link, if empty"
          autoFocus
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setErrors({});
          }}
          aria-invalid={Boolean(errors.email) || undefined}
          aria-describedby={errors.email ? "invite-email-error" : undefined}
        />
        <FieldError id="invite-email-error" message={errors.email} />
      </div>
      <SelectField id="invite-role" label="Role" value={role} onChange={(event) => setRole(event.target.value as InviteRole)}>
        <option value="editor">Editor: edits prompts, partials, folders and labels; runs them</option>
        <option value="viewer">Viewer: reads prompts and logs, runs in the playground</option>
      </SelectField>
      <SelectField id="invite-expiry" label="Link expires after" value={expires} onChange={(event) => setExpires(Number(event.target.value))}>
        {EXPIRIES.map((option) => (
          <option key={option.seconds} value={option.seconds}>
            {option.label}
          </option>
        ))}
      </SelectField>
      <FormFooter testIdPrefix="invite" error={create.error} pending={create.isPending} pendingLabel="Creating…" submitLabel="Create invitation link" onCancel={onDone} />
    </form>
  );
}
