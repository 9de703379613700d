"use client";
import { useState, type FormEvent } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCreateLabel } from "@/lib/hooks/use-labels";
import { createLabelSchema } from "@/lib/labels/schemas";
import { FieldError, fieldErrors, type FieldErrors } from "./field-error";

/** Inline "add a label" row above the list: labels are quick to make, no dialog needed. */
export function LabelCreateForm() {
  const create = useCreateLabel();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = createLabelSchema.safeParse({ name, description: description.trim() || undefined });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    create.mutate(parsed.data, {
      onSuccess: () => {
        toast.success(`Label “${parsed.data.name}” created`);
        setName("");
        setDescription("");
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate className="mb-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800" data-testid="label-create-form">
      <div className="flex flex-wrap items-start gap-3">
        <div className="w-56">
          <TextField
            id="label-name"
            label="New label"
            placeholder="canary"
            value={name}
            onChange={(event) => {
              setName(event.target.value);
              // A stale error about the previous name would mislead.
              setErrors({});
              if (create.isError) create.reset();
            }}
            aria-invalid={Boolean(errors.name) || undefined}
            aria-describedby={errors.name ? "label-name-error" : undefined}
          />
          <FieldError id="label-name-error" message={errors.name} />
        </div>
        <div className="min-w-56 flex-1">
          <TextField
            id="label-description"
            label="Description (optional)"
            placeholder="What this label is for"
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <Button type="submit" className="mt-6" disabled={create.isPending} data-testid="label-create-submit">
          {create.isPending ? "Adding…" : "Add label"}
        </Button>
      </div>
      {create.isError ? (
        <div className="mt-3">
          <ErrorAlert testId="label-create-error">{create.error.message}</ErrorAlert>
        </div>
      ) : null}
    </form>
  );
}
