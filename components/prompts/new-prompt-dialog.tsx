"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { TextField } from "@/components/ui/text-field";
import type { Collection } from "@/lib/hooks/use-collections";
import { useCreatePrompt } from "@/lib/hooks/use-prompts";
import { starterTemplate, type TemplateType } from "@/lib/playground/draft";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { FolderSelect } from "./folder-select";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";

const TYPES: { value: TemplateType; title: string; text: string }[] = [
  { value: "chat", title: "Chat", text: "A list of system, user and assistant messages" },
  { value: "completion", title: "Completion", text: "One block of text, for completion models" },
];

/**
 * Creates the prompt with a starter template (a system and a user message, or empty text)
 * as its v1, then opens it: the API needs a template to create a prompt, and the playground
 * needs a saved prompt to run drafts against.
 */
export function NewPromptDialog({ folders, defaultFolderId, onClose }: { folders: Collection[]; defaultFolderId: string | null; onClose: () => void }) {
  const router = useRouter();
  const create = useCreatePrompt();
  const fallback = defaultFolderId ?? folders.find((f) => f.is_default)?.id ?? "";
  const [name, setName] = useState("");
  const [folder, setFolder] = useState(fallback);
  const [type, setType] = useState<TemplateType>("chat");
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    setError(null);
    const parsed = createPromptSchema.safeParse({
      name,
      collection_id: folder || null,
      string: starterTemplate(type),
      template_metadata: { template_type: type },
      version_description: "Created",
    });
    if (!parsed.success) return setError(`${parsed.error.issues[0]?.path.join(".") || "Form"} ${parsed.error.issues[0]?.message}`);
    try {
      const created = await create.mutateAsync(parsed.data);
      toast.success(`Prompt "${parsed.data.name}" created`);
      router.push(`/prompts/${created.id}`);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <FormDialog
      onClose={onClose}
      title="New prompt"
      description="It starts as version 1; every save makes a new version."
      testId="new-prompt-dialog"
      submit={submit}
      submitLabel={create.isPending ? "Creating…" : "Create prompt"}
      submitDisabled={create.isPending}
      submitTestId="new-prompt-submit"
      error={error}
      errorTestId="new-prompt-error"
    >
        <TextField id="new-prompt-name" label="Name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Support reply writer" data-testid="new-prompt-name" />
        <label htmlFor="new-prompt-folder" className="block space-y-1">
          <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Folder</span>
          <FolderSelect id="new-prompt-folder" folders={folders} value={folder} onChange={setFolder} testId="new-prompt-folder" />
        </label>
        <fieldset>
          <legend className="mb-1 text-sm font-medium text-zinc-700 dark:text-zinc-300">Type</legend>
          <div className="grid grid-cols-2 gap-2">
            {TYPES.map((option) => (
              <label
                key={option.value}
                className={`cursor-pointer rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-indigo-500 ${
                  type === option.value
                    ? "border-indigo-500 bg-indigo-50/60 ring-1 ring-indigo-500 dark:bg-indigo-950/40"
                    : "border-zinc-200 hover:border-zinc-300 dark:border-zinc-700 dark:hover:border-zinc-600"
                }`}
              >
                <input type="radio" name="prompt-type" value={option.value} checked={type === option.value} onChange={() => setType(option.value)} className="sr-only" data-testid={`new-prompt-type-${option.value}`} />
                <span className="block font-medium">{option.title}</span>
                <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">{option.text}</span>
              </label>
            ))}
          </div>
        </fieldset>
    </FormDialog>
  );
}
