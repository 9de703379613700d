"use client";
import { useState, type FormEvent } from "react";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/auth/api-key-schemas";
import { useCreateApiKey } from "@/lib/hooks/use-api-keys";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";
import { FormFooter } from "./form-footer";
import { ShownOnce } from "./shown-once";

/**
 * Create form, then the new key, shown once. The key lives only in this component's
 * mutation state: it is gone when the dialog closes.
 */
export function ApiKeyCreate({ onDone }: { onDone: () => void }) {
  const create = useCreateApiKey();
  const [values, setValues] = useState<CreateApiKeyInput>({ name: "", scope: "completions" });
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    // Typing "a, " leaves an empty slug behind while editing: dropped when sent.
    const slugs = values.virtual_keys?.filter(Boolean);
    const parsed = createApiKeySchema.safeParse({ ...values, virtual_keys: slugs?.length ? slugs : undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (created) => toast.success(`API key “${created.name}” created`) });
  }

  if (create.data) {
    return (
      <ShownOnce
        notice={
          <>
            Copy this key now and store it somewhere safe: <strong>it will not be shown again.</strong>
          </>
        }
        value={create.data.key}
        label="New API key"
        testIdPrefix="api-key"
        onDone={onDone}
      >
        <p className="text-xs text-zinc-500">
          {create.data.name} · {create.data.scope === "admin" ? "admin (full API access)" : create.data.scope === "editor" ? "editor (prompts, no settings)" : "completions only"}
        </p>
      </ShownOnce>
    );
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="api-key-form">
      <div>
        <TextField
          id="api-key-name"
          label="Name"
          placeholder="Billing service (production)"
          autoFocus
          value={values.name}
          onChange={(event) => {
            setValues((v) => ({ ...v, name: event.target.value }));
            setErrors({});
          }}
          aria-invalid={Boolean(errors.name) || undefined}
          aria-describedby={errors.name ? "api-key-name-error" : undefined}
        />
        <FieldError id="api-key-name-error" message={errors.name} />
      </div>
      <div>
        <SelectField
          id="api-key-scope"
          label="Scope"
          value={values.scope}
          onChange={(event) => {
            const scope = event.target.value as CreateApiKeyInput["scope"];
            // An admin key runs anything already: the option is for completions keys only.
            setValues((v) => (scope === "completions" ? { ...v, scope } : { ...v, scope, allow_drafts: undefined, virtual_keys: undefined }));
          }}
        >
          <option value="completions">Completions: run prompts only</option>
          <option value="editor">Editor: read and change prompts (protected labels by release request)</option>
          <option value="admin">Admin: full API access (prompts, keys, logs)</option>
        </SelectField>
        <p className="mt-1 text-xs text-zinc-500">Give services the least they need: most only run prompts.</p>
      </div>
      {values.scope === "completions" ? (
        <label className="flex items-start gap-2 text-sm">
          <input
            type="checkbox"
            checked={values.allow_drafts === true}
            onChange={(event) => setValues((v) => ({ ...v, allow_drafts: event.target.checked || undefined }))}
            className="mt-0.5 h-4 w-4 accent-indigo-600"
            data-testid="api-key-allow-drafts"
          />
          <span>
            Also run drafts and unreleased versions
            <span className="block text-xs text-zinc-500">Off: only published and labelled versions, with their own virtual keys.</span>
          </span>
        </label>
      ) : null}
      {values.scope === "completions" ? (
        <div>
          <TextField
            id="api-key-virtual-keys"
            label="Other virtual keys it may use (optional)"
            placeholder="Slugs, comma-separated; by default only its prompts' own"
            value={values.virtual_keys?.join(", ") ?? ""}
            onChange={(event) => {
              const slugs = event.target.value.split(",").map((slug) => slug.trim());
              setValues((v) => ({ ...v, virtual_keys: slugs.some(Boolean) ? slugs : undefined }));
              setErrors({});
            }}
          />
        </div>
      ) : null}
      <div>
        <TextField
          id="api-key-rate-limit"
          label="Completions per minute (optional)"
          type="number"
          min={0}
          placeholder="Server default (PROMPTLY_RATE_LIMIT_PER_MINUTE); 0 = unlimited"
          value={values.rate_limit_per_minute ?? ""}
          onChange={(event) => {
            const text = event.target.value;
            setValues((v) => ({ ...v, rate_limit_per_minute: text === "" ? null : Number(text) }));
            setErrors({});
          }}
          aria-invalid={Boolean(errors.rate_limit_per_minute) || undefined}
          aria-describedby={errors.rate_limit_per_minute ? "api-key-rate-limit-error" : undefined}
        />
        <FieldError id="api-key-rate-limit-error" message={errors.rate_limit_per_minute} />
      </div>
      <FormFooter testIdPrefix="api-key" error={create.error} pending={create.isPending} pendingLabel="Creating…" submitLabel="Create API key" onCancel={onDone} />
    </form>
  );
}
