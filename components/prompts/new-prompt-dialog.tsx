"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { friendlyErrors, friendlySummary, type FriendlyErrors } from "@/components/ui/form-errors";
import { TextField } from "@/components/ui/text-field";
import type { Collection } from "@/lib/hooks/use-collections";
import { useCreatePrompt } from "@/lib/hooks/use-prompts";
import { useProviders } from "@/lib/hooks/use-providers";
import { useVirtualKeys } from "@/lib/hooks/use-virtual-keys";
import { defaultModelChoice } from "@/lib/playground/default-model";
import { starterTemplate, type TemplateType } from "@/lib/playground/draft";
import { createPromptSchema } from "@/lib/prompts/schemas";
import { FolderSelect } from "./folder-select";
import { FormDialog } from "@/components/ui/form-dialog";
import { toast } from "@/components/ui/toast";

const TYPES: { value: TemplateType; title: string; text: string }[] = [
  { value: "chat", title: "Chat", text: "A list of system, user and assistant messages" },
  { value: "completion", title: "Completion", text: "One block of text, for completion models" },
];

const LABELS = { name: "Name", collection_id: "Folder", string: "Template" };

/**
 * Creates the prompt with a starter template (a system and a user message, or empty text)
 * as an unpublished v1, then opens it: the API needs a template to create a prompt, and the
 * playground needs a saved prompt to run drafts against. Nothing is published until the
 * author says so; the first configured provider's first model is preset so it runs at once.
 */
export function NewPromptDialog({ folders, defaultFolderId, onClose }: { folders: Collection[]; defaultFolderId: string | null; onClose: () => void }) {
  const router = useRouter();
  const create = useCreatePrompt();
  const fallback = defaultFolderId ?? folders.find((f) => f.is_default)?.id ?? "";
  const [name, setName] = useState("");
  const [folder, setFolder] = useState(fallback);
  const [type, setType] = useState<TemplateType>("chat");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FriendlyErrors>({});
  const keys = useVirtualKeys().data?.data ?? [];
  const providers = useProviders().data?.data ?? [];
  const preset = defaultModelChoice(keys, providers);

  async function submit() {
    setError(null);
    setFieldErrors({});
    const parsed = createPromptSchema.safeParse({
      name,
      collection_id: folder || null,
      string: starterTemplate(type),
      template_metadata: { template_type: type },
      version_description: "Created",
      publish: false,
      ...(preset ? { virtual_key: preset.virtualKey, ...(preset.model ? { model: preset.model } : {}) } : {}),
    });
    if (!parsed.success) {
      const errors = friendlyErrors(parsed.error, LABELS);
      setFieldErrors(errors);
      return setError(friendlySummary(errors));
    }
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
      description="It starts as an unpublished draft (v1); every save makes a new version, and you publish when it is ready."
      testId="new-prompt-dialog"
      submit={submit}
      submitLabel={create.isPending ? "Creating…" : "Create prompt"}
      submitDisabled={create.isPending}
      submitTestId="new-prompt-submit"
      error={error}
      errorTestId="new-prompt-error"
    >
        <TextField
          id="new-prompt-name"
          label="Name"
          autoFocus
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="e.g. Support reply writer"
          data-testid="new-prompt-name"
          aria-invalid={fieldErrors.name ? true : undefined}
          aria-describedby={fieldErrors.name ? "new-prompt-name-error" : undefined}
        />
        {fieldErrors.name ? (
          <p id="new-prompt-name-error" data-testid="new-prompt-name-error" className="-mt-2 text-xs text-red-600 dark:text-red-400">
            {fieldErrors.name}
          </p>
        ) : null}
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
        <p className="text-xs text-zinc-500" data-testid="new-prompt-default-model">
          {preset
            ? `Model: ${preset.model ?? "choose one in the editor"} through the "${keys.find((k) => k.slug === preset.virtualKey)?.name ?? preset.virtualKey}" key (change it in the editor).`
            : "No provider key yet: choose a model once one is added in Settings."}
        </p>
    </FormDialog>
  );
}
