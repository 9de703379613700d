"use client";
import { useState, type FormEvent } from "react";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCreateWebhook } from "@/lib/hooks/use-webhooks";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/events";
import { createWebhookSchema } from "@/lib/webhooks/schemas";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";
import { FormFooter } from "./form-footer";
import { ShownOnce } from "./shown-once";

/** Create form (name, URL, event checkboxes), then the signing secret, shown once. */
export function WebhookCreate({ onDone }: { onDone: () => void }) {
  const create = useCreateWebhook();
  const [name, setName] = useState("");
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createWebhookSchema.safeParse({ name, url, events });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (created) => toast.success(`Webhook “${created.name}” created`) });
  }

  if (create.data?.secret) {
    return (
      <ShownOnce
        notice={
          <>
            Copy this signing secret now: receivers verify the <code>webhook-signature</code> header with it. <strong>It will not be shown again.</strong>
          </>
        }
        value={create.data.secret}
        label="Webhook signing secret"
        testIdPrefix="webhook-secret"
        onDone={onDone}
      />
    );
  }

  const toggle = (type: WebhookEventType, on: boolean) => {
    setEvents((current) => (on ? [...current, type] : current.filter((t) => t !== type)));
    setErrors({});
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4" data-testid="webhook-form">
      <div>
        <TextField id="webhook-name" label="Name" placeholder="Deploy notifier" autoFocus value={name} onChange={(event) => setName(event.target.value)} aria-invalid={Boolean(errors.name) || undefined} />
        <FieldError id="webhook-name-error" message={errors.name} />
      </div>
      <div>
        <TextField id="webhook-url" label="URL" placeholder="https://example.com/hooks/promptly" value={url} onChange={(event) => setUrl(event.target.value)} aria-invalid={Boolean(errors.url) || undefined} />
        <FieldError id="webhook-url-error" message={errors.url} />
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Events</legend>
        {WEBHOOK_EVENT_TYPES.map((type) => (
          <label key={type} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="h-4 w-4 accent-indigo-600"
              checked={events.includes(type)}
              onChange={(event) => toggle(type, event.target.checked)}
              data-testid={`webhook-event-${type}`}
            />
            <span>{WEBHOOK_EVENTS[type]}</span>
            <code className="text-xs text-zinc-500">{type}</code>
          </label>
        ))}
        <FieldError id="webhook-events-error" message={errors.events} />
      </fieldset>
      <FormFooter testIdPrefix="webhook" error={create.error} pending={create.isPending} pendingLabel="Creating…" submitLabel="Create webhook" onCancel={onDone} />
    </form>
  );
}
