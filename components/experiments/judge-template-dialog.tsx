"use client";
import { useState } from "react";
import { FolderSelect } from "@/components/prompts/folder-select";
import { FormDialog } from "@/components/ui/form-dialog";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { toast } from "@/components/ui/toast";
import { judgeFromTemplateSchema } from "@/lib/scorers/schemas";
import { useCollections } from "@/lib/hooks/use-collections";
import { useCreateJudgeFromTemplate, useJudgeTemplates } from "@/lib/hooks/use-scorers";
import { useVirtualKeys } from "@/lib/hooks/use-virtual-keys";

/** "Add judge from template": the judge prompt lands in the chosen folder, with a saved scorer using it. */
export function JudgeTemplateDialog({ onClose }: { onClose: () => void }) {
  const templates = useJudgeTemplates();
  const folders = useCollections();
  const keys = useVirtualKeys();
  const create = useCreateJudgeFromTemplate();
  const [template, setTemplate] = useState("correctness");
  const [name, setName] = useState("");
  const [folder, setFolder] = useState("");
  const [key, setKey] = useState("");
  const [model, setModel] = useState("gpt-4o-mini");
  const [error, setError] = useState<string | null>(null);
  const chosen = templates.data?.data.find((t) => t.id === template);

  const submit = async () => {
    const parsed = judgeFromTemplateSchema.safeParse({ template, name: name.trim() || undefined, collection_id: folder || null, virtual_key: key || null, model });
    if (!parsed.success) return setError(parsed.error.issues.map((issue) => `${issue.path.join(".") || "form"}: ${issue.message}`).join("; "));
    try {
      const made = await create.mutateAsync(parsed.data);
      toast.success(`Judge '${made.scorer.name}' added`);
      onClose();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <FormDialog
      title="Add judge from template"
      description="An LLM judge is a prompt of its own: it receives input, output, expected and metadata and answers {score, reason}. Edit it later like any prompt."
      onClose={onClose}
      submit={submit}
      submitLabel={create.isPending ? "Adding…" : "Add judge"}
      submitDisabled={create.isPending}
      submitTestId="judge-template-submit"
      error={error}
      errorTestId="judge-template-error"
      testId="judge-template-dialog"
    >
      <SelectField label="Template" id="judge-template" data-testid="judge-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
        {(templates.data?.data ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </SelectField>
      {chosen ? <p className="text-xs text-zinc-500">{chosen.description}</p> : null}
      <TextField label="Name" id="judge-name" data-testid="judge-name" placeholder={chosen?.name} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="judge-folder" className="block space-y-1">
        <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Folder</span>
        <FolderSelect id="judge-folder" testId="judge-folder" folders={folders.data?.data ?? []} value={folder} onChange={setFolder} rootLabel="Default folder" />
      </label>
      <SelectField label="Virtual key" id="judge-key" data-testid="judge-key" value={key} onChange={(e) => setKey(e.target.value)}>
        <option value="">None (set it on the prompt later)</option>
        {(keys.data?.data ?? []).map((k) => (
          <option key={k.id} value={k.slug}>
            {k.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Model" id="judge-model" data-testid="judge-model" value={model} onChange={(e) => setModel(e.target.value)} />
    </FormDialog>
  );
}
