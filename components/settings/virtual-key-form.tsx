"use client";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCreateVirtualKey, useUpdateVirtualKey, type VirtualKey } from "@/lib/hooks/use-virtual-keys";
import { providerDeclaration, type ProviderInfo } from "@/lib/providers/declarations";
import { optionParam } from "@/lib/providers/setup";
import { VIRTUAL_KEY_PROVIDERS } from "@/lib/virtual-keys/providers";
import { createVirtualKeySchema, updateVirtualKeySchema } from "@/lib/virtual-keys/schemas";
import { NEEDS_SECRET } from "@/lib/virtual-keys/status";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";

type Values = { name: string; provider: string; key: string; custom_host: string; note: string; resource_name: string; deployment_name: string; api_version: string };
const OPTION_FIELDS = ["resource_name", "deployment_name", "api_version"] as const;

const snake = (name: string) => optionParam(name) as (typeof OPTION_FIELDS)[number];

/** Create (existing = null) or edit a virtual key. The secret is write-only. */
export function VirtualKeyForm({ existing, providers, onDone }: { existing: VirtualKey | null; providers?: ProviderInfo[]; onDone: () => void }) {
  const create = useCreateVirtualKey();
  const update = useUpdateVirtualKey();
  const mutation = existing ? update : create;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [values, setValues] = useState<Values>({
    name: existing?.name ?? "",
    provider: existing?.ai_provider_name ?? "openai",
    key: "",
    custom_host: existing?.custom_host ?? "",
    note: existing?.note ?? "",
    resource_name: existing?.resource_name ?? "",
    deployment_name: existing?.deployment_name ?? "",
    api_version: existing?.api_version ?? "",
  });
  // The declaration is browser-safe: the form works the same when /v1/providers can't be reached.
  const info = providers?.find((p) => p.id === values.provider) ?? providerDeclaration(values.provider);
  const setup = info?.setup;
  const options = setup?.options ?? [];
  const keyOptional = setup ? !setup.apiKeyRequired : false;
  const hostRequired = setup?.customHostRequired ?? false;
  // The server clears a stored secret when its key moves to another host without a new one.
  const moved =
    existing !== null &&
    (values.custom_host.trim().replace(/\/+$/, "") !== (existing.custom_host ?? "") || values.resource_name.trim() !== (existing.resource_name ?? ""));
  const keyNotice = !existing || values.key.trim()
    ? null
    : existing.status === NEEDS_SECRET
      ? "This key's host changed since its secret was saved: enter the API key again to use it."
      : moved && existing.masked_api_key
        ? "The host changed: enter the API key again. Otherwise the stored key is cleared, as it is only ever sent to the host it was saved for."
        : null;
  // Editing a field clears its error: a message about the old value would mislead.
  const set = (field: keyof Values) => (event: { target: { value: string } }) => {
    setValues((v) => ({ ...v, [field]: event.target.value }));
    setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e));
  };
  const field = (name: keyof Values) => ({ id: `vk-${name}`, name, value: values[name], onChange: set(name), "aria-invalid": Boolean(errors[name]) || undefined, "aria-describedby": errors[name] ? `vk-${name}-error` : undefined });

  function body() {
    const trimmed = (value: string) => value.trim() || (existing ? null : undefined);
    const shown = new Set(options.map((o) => snake(o.name)));
    const optionValues = Object.fromEntries(OPTION_FIELDS.map((name) => [name, shown.has(name) ? trimmed(values[name]) : existing ? null : undefined]));
    const common = { name: values.name, note: trimmed(values.note), custom_host: trimmed(values.custom_host), ...optionValues };
    if (existing) return updateVirtualKeySchema.safeParse({ ...common, ...(values.key.trim() ? { key: values.key } : {}) });
    return createVirtualKeySchema.safeParse({ ...common, provider: values.provider, key: values.key.trim() || undefined });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = body();
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    const onSuccess = () => {
      toast.success(existing ? `Virtual key “${values.name.trim()}” saved` : `Virtual key “${values.name.trim()}” created`);
      onDone();
    };
    if (existing) update.mutate({ slug: existing.slug, ...parsed.data }, { onSuccess });
    else create.mutate(parsed.data as Parameters<typeof create.mutate>[0], { onSuccess });
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="virtual-key-form">
      <div>
        <TextField label="Name" placeholder="OpenAI production" autoFocus {...field("name")} />
        <FieldError id="vk-name-error" message={errors.name} />
      </div>
      <SelectField label="Provider" {...field("provider")} disabled={Boolean(existing)}>
        {VIRTUAL_KEY_PROVIDERS.map((id) => {
          const known = providers?.find((p) => p.id === id);
          return (
            <option key={id} value={id}>
              {known?.displayName ?? id}
              {providers && !known ? " (not runnable yet)" : ""}
            </option>
          );
        })}
      </SelectField>
      {existing ? <p className="-mt-2 text-xs text-zinc-500">A key belongs to one provider for life: create a new key to switch.</p> : null}
      <div>
        <TextField
          label={keyOptional ? "API key (optional)" : existing ? "New API key" : "API key"}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={existing ? `Leave empty to keep ${existing.masked_api_key || "no key"}` : "sk-…"}
          {...field("key")}
        />
        {keyNotice ? (
          <p className="mt-1 text-xs text-amber-700 dark:text-amber-400" data-testid="virtual-key-secret-notice">
            {keyNotice}
          </p>
        ) : null}
        <FieldError id="vk-key-error" message={errors.key} />
      </div>
      <div>
        <TextField
          label={hostRequired ? "Base URL" : "Custom host (optional)"}
          type="url"
          placeholder={setup?.defaultBaseUrl ?? "https://example.com/v1"}
          {...field("custom_host")}
        />
        <p className="mt-1 text-xs text-zinc-500">
          {setup ? `Replaces ${setup.customHostReplaces}.` : "Replaces the provider's base URL, including its /v1."}
          {setup?.defaultBaseUrl && !hostRequired ? ` Default: ${setup.defaultBaseUrl}` : ""}
        </p>
        <FieldError id="vk-custom_host-error" message={errors.custom_host} />
      </div>
      {options.length > 0 ? (
        <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-3 dark:border-zinc-800">
          <legend className="px-1 text-xs font-medium text-zinc-500">{info?.displayName ?? "Provider"} options</legend>
          {options.map((option) => {
            const name = snake(option.name);
            return (
              <div key={name}>
                <TextField label={option.label} placeholder={"default" in option ? String(option.default ?? "") : ""} {...field(name)} />
                <FieldError id={`vk-${name}-error`} message={errors[name]} />
              </div>
            );
          })}
        </fieldset>
      ) : null}
      <TextField label="Note (optional)" placeholder="Who owns it, what it is for" {...field("note")} />
      {mutation.isError ? <ErrorAlert testId="virtual-key-form-error">{mutation.error.message}</ErrorAlert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" disabled={mutation.isPending} data-testid="virtual-key-submit">
          {mutation.isPending ? "Saving…" : existing ? "Save changes" : "Create virtual key"}
        </Button>
      </DialogActions>
    </form>
  );
}
