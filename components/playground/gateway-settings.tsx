"use client";
import { useState } from "react";
import { fieldClass } from "@/components/prompts/field-class";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import type { PromptSettings } from "@/lib/completions/gateway-config";
import { useCan } from "@/lib/auth/role-context";
import { useUpdatePromptMeta } from "@/lib/hooks/use-prompts";
import { gatewaySettingsForm, readGatewaySettingsForm, type GatewaySettingsForm } from "@/lib/prompts/gateway-settings-form";
import { NumberField } from "./number-field";
import { FieldGroup } from "./pane";

/**
 * The prompt's stored retry and timeout: used by every version, by the playground and by
 * API calls that send no `x-portkey-config` of their own. Like strict variables they belong
 * to the prompt, so they have their own Save instead of making a version.
 */
export function GatewaySettings({ promptId, settings }: { promptId: string; settings: PromptSettings | null }) {
  const canWrite = useCan("write");
  const update = useUpdatePromptMeta();
  const stored = gatewaySettingsForm(settings);
  const storedKey = JSON.stringify(stored);
  const [form, setForm] = useState(stored);
  const [base, setBase] = useState(storedKey);
  const dirty = JSON.stringify(form) !== base;
  // Saved elsewhere (another tab, the API) while nothing is being edited here: show it.
  if (storedKey !== base && !dirty) {
    setBase(storedKey);
    setForm(stored);
  }
  const read = readGatewaySettingsForm(form);
  const errors = read.ok ? {} : read.errors;
  const edit = (patch: Partial<GatewaySettingsForm>) => setForm((current) => ({ ...current, ...patch }));
  const disabled = !canWrite || update.isPending;

  const save = () => {
    if (!read.ok) return;
    update.mutate(
      { id: promptId, settings: read.settings },
      {
        onSuccess: () => {
          setBase(JSON.stringify(gatewaySettingsForm(read.settings)));
          toast.success("Gateway settings saved");
        },
        onError: toast.error,
      },
    );
  };

  return (
    <FieldGroup title="Gateway">
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        data-testid="gateway-settings"
      >
        <NumberField id="retry-attempts" label="Retries" value={form.attempts} placeholder="none" disabled={disabled} error={errors.attempts} onChange={(attempts) => edit({ attempts })} />
        <div className="space-y-1">
          <label htmlFor="retry-status-codes" className="text-xs font-medium text-zinc-700 dark:text-zinc-300">
            Retry on status codes
          </label>
          <input
            id="retry-status-codes"
            value={form.statusCodes}
            placeholder="429, 500, 502, 503, 504, 529"
            disabled={disabled}
            onChange={(e) => edit({ statusCodes: e.target.value })}
            aria-invalid={errors.statusCodes ? true : undefined}
            data-testid="retry-status-codes"
            className={`${fieldClass} w-full px-2 py-1 font-mono text-xs disabled:cursor-not-allowed disabled:opacity-50 ${errors.statusCodes ? "border-red-400 dark:border-red-800" : ""}`}
          />
          {errors.statusCodes ? (
            <p className="text-xs text-red-600 dark:text-red-400" role="alert">
              {errors.statusCodes}
            </p>
          ) : null}
        </div>
        <NumberField id="request-timeout" label="Timeout (ms)" value={form.timeoutMs} disabled={disabled} error={errors.timeoutMs} onChange={(timeoutMs) => edit({ timeoutMs })} />
        <label className="flex items-start gap-2 text-xs text-zinc-700 dark:text-zinc-300">
          <input
            type="checkbox"
            checked={form.dropUnsupported}
            disabled={disabled}
            onChange={(e) => edit({ dropUnsupported: e.target.checked })}
            className="mt-0.5"
            data-testid="drop-unsupported-params"
          />
          <span>
            Drop parameters the model does not support
            <span className="block text-zinc-500">Instead of failing the run; the answer&apos;s x-promptly-dropped-params header names them.</span>
          </span>
        </label>
        <p className="text-xs text-zinc-500">All versions, and API calls without an x-portkey-config; a streamed answer is never retried once it started.</p>
        {canWrite ? (
          <div className="flex gap-2">
            <Button type="submit" className="px-2 py-1 text-xs" disabled={!dirty || !read.ok || update.isPending} data-testid="gateway-settings-save">
              {update.isPending ? "Saving…" : "Save gateway settings"}
            </Button>
            {dirty ? (
              <Button variant="ghost" className="px-2 py-1 text-xs" onClick={() => setForm(JSON.parse(base) as GatewaySettingsForm)}>
                Discard
              </Button>
            ) : null}
          </div>
        ) : null}
      </form>
    </FieldGroup>
  );
}
