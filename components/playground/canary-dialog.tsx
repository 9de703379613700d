"use client";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { useLabelSplit } from "@/lib/hooks/use-label-splits";

/** Starts (or changes) a canary: `weight` percent of the label's callers get this version. */
export function CanaryDialog({ promptId, label, candidate, baseline, initialWeight, onClose }: { promptId: string; label: string; candidate: number; baseline: number; initialWeight?: number; onClose: () => void }) {
  const split = useLabelSplit(promptId);
  const [weight, setWeight] = useState(initialWeight ?? 10);
  const { error, run } = useDialogAction(onClose);
  const submit = () =>
    run(async () => {
      await split.mutateAsync({ label, kind: "set", input: { candidate_version: candidate, weight } });
      return `${label}: v${candidate} serves ${weight}% of callers`;
    });
  return (
    <FormDialog
      onClose={onClose}
      size="sm"
      title={`Canary of v${candidate} on ${label}`}
      description={`Each caller of @${label} sticks to one version (by x-promptly-split-key, else the _user metadata, else per request). Promote or abort it from this version's label menu.`}
      submit={submit}
      submitLabel="Start canary"
      submitDisabled={split.isPending}
      submitTestId="canary-submit"
      error={error}
    >
      <label htmlFor="canary-weight" className="mb-1 block text-sm font-medium">
        Traffic to v{candidate}: <span className="tabular-nums" data-testid="canary-weight-value">{weight}%</span>
        <span className="font-normal text-zinc-500"> (v{baseline} keeps {100 - weight}%)</span>
      </label>
      <input id="canary-weight" data-testid="canary-weight" type="range" min={1} max={99} step={1} value={weight} onChange={(e) => setWeight(Number(e.target.value))} className="w-full accent-indigo-600" />
    </FormDialog>
  );
}
