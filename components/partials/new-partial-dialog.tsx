"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FieldError, fieldErrors, type FieldErrors } from "@/components/settings/field-error";
import { FormDialog } from "@/components/ui/form-dialog";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { useCreatePartial } from "@/lib/hooks/use-partials";
import { createPartialSchema } from "@/lib/partials/schemas";
import { PartialTemplateEditor } from "./partial-template-editor";

/** Name (the slug, `{{>slug}}`, is made from it unless given) and template; v1 is published. */
export function NewPartialDialog({ onClose }: { onClose: () => void }) {
  const router = useRouter();
  const create = useCreatePartial();
  const [name, setName] = useState("");
  const [slug, setSlug] = useState("");
  const [text, setText] = useState("");
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const parsed = createPartialSchema.safeParse({ name, slug: slug.trim() || undefined, string: text });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error));
    setErrors({});
    try {
      const created = await create.mutateAsync(parsed.data);
      toast.success(`Partial "${parsed.data.name}" created: include it with {{>${created.slug}}}`);
      router.push(`/partials/${created.slug}`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title="New partial"
      description="Shared template text that prompts include with {{>slug}}. It starts as version 1, published."
      testId="new-partial-dialog"
      submit={submit}
      submitLabel={create.isPending ? "Creating…" : "Create partial"}
      submitDisabled={create.isPending}
      submitTestId="new-partial-submit"
      error={error}
      errorTestId="new-partial-error"
    >
      <div>
        <TextField id="new-partial-name" label="Name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Tone of voice" data-testid="new-partial-name" aria-invalid={errors.name ? true : undefined} aria-describedby="new-partial-name-error" />
        <FieldError id="new-partial-name-error" message={errors.name} />
      </div>
      <div>
        <TextField id="new-partial-slug" label="Slug (optional)" value={slug} onChange={(e) => setSlug(e.target.value)} placeholder="made from the name" data-testid="new-partial-slug" aria-invalid={errors.slug ? true : undefined} aria-describedby="new-partial-slug-error" />
        <FieldError id="new-partial-slug-error" message={errors.slug} />
      </div>
      <div className="space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Template</span>
        <PartialTemplateEditor value={text} onChange={setText} ariaLabel="Template of the new partial" testId="new-partial-template" />
        <FieldError id="new-partial-string-error" message={errors.string} />
      </div>
    </FormDialog>
  );
}
