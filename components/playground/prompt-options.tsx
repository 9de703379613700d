"use client";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { useUpdatePromptMeta } from "@/lib/hooks/use-prompts";
import { FieldGroup } from "./pane";

/**
 * Settings of the prompt itself rather than of a version. They apply to every version, so
 * a change is saved at once instead of waiting for the next Save (which makes a version).
 */
export function PromptOptions({ promptId, strictVariables }: { promptId: string; strictVariables: boolean }) {
  const canWrite = useCan("write");
  const update = useUpdatePromptMeta();
  // The choice shows from the click on (set in the same event, so React never puts the old
  // value back in between) until the save and its refetch are done.
  const [saving, setSaving] = useState<boolean | null>(null);
  const checked = saving ?? strictVariables;

  return (
    <FieldGroup title="Prompt">
      <label className="flex items-start gap-2 text-xs text-zinc-700 dark:text-zinc-300">
        <input
          type="checkbox"
          checked={checked}
          disabled={!canWrite || update.isPending}
          onChange={(e) => {
            setSaving(e.target.checked);
            update.mutate({ id: promptId, strict_variables: e.target.checked }, { onError: toast.error, onSettled: () => setSaving(null) });
          }}
          className="mt-0.5 h-4 w-4 accent-indigo-600"
          data-testid="strict-variables"
        />
        <span>
          <span className="font-medium">Strict variables</span>
          <span className="block text-zinc-500">A call missing a variable fails with a 400 naming it instead of rendering it empty. All versions; saved at once.</span>
        </span>
      </label>
    </FieldGroup>
  );
}
