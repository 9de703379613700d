"use client";
import { useState } from "react";
import Link from "next/link";
import { PartialTemplateEditor } from "@/components/partials/partial-template-editor";
import { Dialog } from "@/components/ui/dialog";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";
import { useCreatePartial, type PartialSummary } from "@/lib/hooks/use-partials";

/**
 * A partial opened from a template: a known one is shown (its published version), an
 * unknown one can be created on the spot so the template renders.
 */
export function PartialDialog({ slug, partial, knownPartials, onClose }: { slug: string; partial: PartialSummary | null; knownPartials: string[]; onClose: () => void }) {
  const create = useCreatePartial();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    try {
      const created = await create.mutateAsync({ name: slug, string: text });
      if (created.slug !== slug) toast.error(new Error(`Created as "${created.slug}": update the tag to {{>${created.slug}}}`));
      else toast.success(`Partial "${slug}" created`);
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  if (partial) {
    return (
      <Dialog open onClose={onClose} size="lg" title={`Partial: ${partial.name}`} description={`{{>${partial.slug}}} · published v${partial.version ?? "?"}`} testId="partial-dialog">
        <PartialTemplateEditor value={partial.string} readOnly ariaLabel={`Partial ${partial.slug}`} knownPartials={knownPartials} testId="partial-content" />
        <p className="mt-3 text-xs text-zinc-500">
          Pin a version with {`{{>${partial.slug}@N}}`}.{" "}
          <Link href={`/partials/${partial.slug}`} className="text-indigo-700 hover:underline dark:text-indigo-300" data-testid="partial-open-page">
            Edit it on the Partials page
          </Link>
          , where you see which prompts include it.
        </p>
      </Dialog>
    );
  }
  return (
    <FormDialog
      onClose={onClose}
      size="lg"
      title={`Unknown partial "${slug}"`}
      description="No partial has this slug: the template can't render until it exists. Create it now:"
      testId="partial-dialog"
      submit={submit}
      submitLabel="Create partial"
      submitDisabled={create.isPending}
      submitTestId="partial-create"
      error={error}
    >
      <PartialTemplateEditor value={text} onChange={setText} ariaLabel={`Template of partial ${slug}`} knownPartials={knownPartials} testId="partial-editor" />
    </FormDialog>
  );
}
