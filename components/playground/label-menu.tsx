"use client";
import { friendlyErrors, friendlySummary } from "@/components/ui/form-errors";
import { useState } from "react";
import { FormDialog } from "@/components/ui/form-dialog";
import { Menu } from "@/components/prompts/menu";
import { Icon } from "@/components/prompts/icons";
import { toast } from "@/components/ui/toast";
import { TextField } from "@/components/ui/text-field";
import { labelName } from "@/lib/labels/schemas";
import { RequestReleaseDialog } from "@/components/releases/request-release-dialog";
import { useCan } from "@/lib/auth/role-context";
import { useCreateLabel, useLabels } from "@/lib/hooks/use-labels";
import { useLabelSplit } from "@/lib/hooks/use-label-splits";
import { CanaryDialog } from "./canary-dialog";
import { useSetVersionLabel, type PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";

/**
 * Points a label (system or custom, or a new one) at a version, moving it from another. A
 * protected label is moved only by those who may publish; others request a release.
 */
export function LabelMenu({ promptId, version, versions }: { promptId: string; version: PromptVersionEntry; versions: PromptVersionEntry[] }) {
  const labels = useLabels();
  const assign = useSetVersionLabel(promptId);
  const canPublish = useCan("publish");
  const [creating, setCreating] = useState(false);
  const [requesting, setRequesting] = useState<string | null>(null);
  const [canaryOf, setCanaryOf] = useState<{ label: string; baseline: number; weight?: number } | null>(null);
  const split = useLabelSplit(promptId);

  const holderOf = (labelId: string) => versions.find((v) => v.labels.some((l) => l.id === labelId));
  const apply = async (labelId: string, name: string) => {
    try {
      await assign.mutateAsync({ versionId: version.id, labelId });
      toast.success(`${name} → v${version.prompt_version}`);
    } catch (error) {
      toast.error(error);
    }
  };

  const items = (labels.data?.data ?? []).map((label) => {
    const holder = holderOf(label.id);
    const here = holder?.id === version.id;
    const viaRelease = label.protected && !canPublish;
    const name = label.protected ? `${label.name} 🔒` : label.name;
    return {
      label: here ? `${name} ✓` : viaRelease ? `${name}: request release…` : holder ? `${name} (move from v${holder.prompt_version})` : name,
      disabled: here,
      reason: "Already on this version",
      testId: `label-option-${label.name}`,
      onSelect: () => (viaRelease ? setRequesting(label.name) : void apply(label.id, label.name)),
    };
  });

  // Canaries: this version as the candidate of a label another version serves. A protected
  // label's canary is a move of it: only those who may publish start, promote or abort one.
  const endSplit = async (label: string, kind: "promote" | "abort") => {
    try {
      const state = await split.mutateAsync({ label, kind });
      toast.success(`${label} → v${state.version} for every caller`);
    } catch (error) {
      toast.error(error);
    }
  };
  const canaryItems = (labels.data?.data ?? []).flatMap((label) => {
    const holder = holderOf(label.id);
    if (!holder || holder.id === version.id || (label.protected && !canPublish)) return [];
    const current = holder.labels.find((l) => l.id === label.id)?.split ?? null;
    const mine = current?.candidate_version_id === version.id;
    const start = {
      label: mine ? `${label.name}: change canary weight…` : `${label.name}: start canary…`,
      testId: `canary-start-${label.name}`,
      onSelect: () => setCanaryOf({ label: label.name, baseline: holder.prompt_version, weight: mine ? current.weight : undefined }),
    };
    if (!mine) return [start];
    return [
      start,
      { label: `${label.name}: promote canary (all traffic)`, testId: `canary-promote-${label.name}`, onSelect: () => void endSplit(label.name, "promote") },
      { label: `${label.name}: abort canary (back to v${holder.prompt_version})`, testId: `canary-abort-${label.name}`, onSelect: () => void endSplit(label.name, "abort") },
    ];
  });

  return (
    <>
      <Menu
        label={`Set a label on v${version.prompt_version}`}
        testId={`version-label-menu-${version.prompt_version}`}
        trigger={<Icon name="tag" className="h-3.5 w-3.5" />}
        items={[...items, ...canaryItems, { label: "New label…", onSelect: () => setCreating(true), testId: "label-option-new" }]}
      />
      {canaryOf ? (
        <CanaryDialog promptId={promptId} label={canaryOf.label} candidate={version.prompt_version} baseline={canaryOf.baseline} initialWeight={canaryOf.weight} onClose={() => setCanaryOf(null)} />
      ) : null}
      {creating ? (
        <NewLabelDialog
          onClose={() => setCreating(false)}
          onCreated={(id, name) => {
            setCreating(false);
            void apply(id, name);
          }}
        />
      ) : null}
      {requesting ? <RequestReleaseDialog promptId={promptId} version={version.prompt_version} label={requesting} onClose={() => setRequesting(null)} /> : null}
    </>
  );
}

function NewLabelDialog({ onClose, onCreated }: { onClose: () => void; onCreated: (id: string, name: string) => void }) {
  const create = useCreateLabel();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  async function submit() {
    const parsed = labelName.safeParse(name);
    if (!parsed.success) return setError(friendlySummary(friendlyErrors(parsed.error, { form: "Name" })));
    try {
      const created = await create.mutateAsync({ name: parsed.data });
      onCreated(created.id, parsed.data);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <FormDialog
      onClose={onClose}
      size="sm"
      title="New label"
      description="Callers address the version it points at as prompt-id@label."
      submit={submit}
      submitLabel="Create and assign"
      submitDisabled={create.isPending}
      submitTestId="new-label-submit"
      error={error}
    >
      <TextField id="new-label-name" label="Name" autoFocus value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. canary" data-testid="new-label-name" />
    </FormDialog>
  );
}
