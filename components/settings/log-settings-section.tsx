"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useLogSettings, useUpdateLogSettings } from "@/lib/hooks/use-log-settings";
import { updateLogSettingsSchema } from "@/lib/logs/log-settings-schemas";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";
import { QueryError } from "./query-error";
import { SectionHeader } from "./section-header";

const SOURCE_LABEL = { setting: "set here", environment: "from PROMPTLY_LOG_RETENTION_DAYS", default: "the default" } as const;

function formatBytes(bytes: number | null): string {
  if (bytes === null) return "unknown";
  const units = ["B", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}

export function LogSettingsSection() {
  const settings = useLogSettings();
  const update = useUpdateLogSettings();
  const [draft, setDraft] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const current = settings.data;
  const value = draft ?? (current ? String(current.retention_days) : "");

  const save = (retention: number | null) =>
    update.mutate(
      { retention_days: retention },
      {
        onSuccess: (saved) => {
          setDraft(null);
          toast.success(saved.retention_days === 0 ? "Logs are kept forever" : `Logs are kept ${saved.retention_days} days`);
        },
        onError: (error) => toast.error(error.message),
      },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = updateLogSettingsSchema.safeParse({ retention_days: value.trim() === "" ? Number.NaN : Number(value) });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    save(parsed.data.retention_days);
  };

  return (
    <section aria-labelledby="log-settings-title" data-testid="log-settings-section">
      <SectionHeader
        id="log-settings-title"
        title="Logs"
        description={
          <>
            Logs older than the retention are deleted in the background, a few hundred rows at a time. 0 keeps them forever. The value set here
            overrides PROMPTLY_LOG_RETENTION_DAYS; reset it to go back to that default.
          </>
        }
      />
      {settings.isError ? (
        <QueryError error={settings.error} onRetry={() => settings.refetch()} testId="log-settings-error" />
      ) : (
        <div className="space-y-6">
          <dl className="grid max-w-2xl grid-cols-2 gap-4 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-xs text-zinc-500">Logs stored</dt>
              <dd className="mt-0.5 tabular-nums" data-testid="log-settings-count">
                {current ? current.log_count.toLocaleString("en-US") : "…"}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500">Database size ({current?.database === "postgres" ? "PostgreSQL" : "SQLite"})</dt>
              <dd className="mt-0.5 tabular-nums" data-testid="log-settings-size">
                {current ? formatBytes(current.database_bytes) : "…"}
              </dd>
            </div>
            <div>
              <dt className="text-xs text-zinc-500">Bodies (PROMPTLY_LOG_BODIES)</dt>
              <dd className="mt-0.5" data-testid="log-settings-bodies">
                {current ? (current.log_bodies === "full" ? "Full: text, variables and output" : "Metadata only: no text") : "…"}
              </dd>
            </div>
          </dl>
          <form onSubmit={submit} className="flex max-w-2xl flex-wrap items-end gap-3" noValidate>
            <div className="w-48">
              <TextField
                id="log-retention-days"
                label="Retention (days)"
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                value={value}
                onChange={(event) => setDraft(event.target.value)}
                aria-invalid={errors.retention_days ? true : undefined}
                aria-describedby={errors.retention_days ? "log-retention-days-error" : undefined}
                data-testid="log-retention-days"
              />
            </div>
            <Button type="submit" disabled={update.isPending || !current} data-testid="log-retention-save">
              Save
            </Button>
            {current?.retention_source === "setting" ? (
              <Button variant="secondary" onClick={() => save(null)} disabled={update.isPending} data-testid="log-retention-reset">
                Reset to {current.environment_retention_days === 0 ? "forever" : `${current.environment_retention_days} days`}
              </Button>
            ) : null}
            <p className="w-full text-xs text-zinc-500" data-testid="log-retention-source">
              {current ? `Currently ${current.retention_days === 0 ? "forever" : `${current.retention_days} days`}, ${SOURCE_LABEL[current.retention_source]}.` : null}
            </p>
            <FieldError id="log-retention-days-error" message={errors.retention_days} />
          </form>
        </div>
      )}
    </section>
  );
}
