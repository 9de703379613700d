"use client";
import { fieldClass } from "@/components/prompts/field-class";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { PromptVersionEntry, VersionTemplate } from "@/lib/hooks/use-prompt-versions";
import { settingsDiffText, templateDiffText } from "@/lib/playground/version-text";
import { DiffView } from "./diff-view";

/** "draft" or a version number. */
export type DiffSide = "draft" | number;

/** Compares any two versions (or a version and the unsaved draft): template, then settings. */
export function DiffDialog({
  versions,
  draftTemplate,
  initial,
  onClose,
}: {
  versions: PromptVersionEntry[];
  /** The draft as it would be saved, when there are unsaved changes. */
  draftTemplate: VersionTemplate | null;
  initial: [DiffSide, DiffSide];
  onClose: () => void;
}) {
  const [left, setLeft] = useState<DiffSide>(initial[0]);
  const [right, setRight] = useState<DiffSide>(initial[1]);
  const templateOf = (side: DiffSide) => (side === "draft" ? draftTemplate : (versions.find((v) => v.prompt_version === side)?.prompt_template ?? null));
  const a = templateOf(left);
  const b = templateOf(right);

  const picker = (value: DiffSide, onChange: (side: DiffSide) => void, testId: string) => (
    <select value={String(value)} onChange={(e) => onChange(e.target.value === "draft" ? "draft" : Number(e.target.value))} className={`${fieldClass} w-44 py-1.5`} data-testid={testId}>
      {draftTemplate ? <option value="draft">Draft (unsaved)</option> : null}
      {versions.map((v) => (
        <option key={v.id} value={v.prompt_version}>
          v{v.prompt_version}
          {v.is_published ? " · published" : ""}
          {v.labels.length ? ` · ${v.labels.map((l) => l.name).join(", ")}` : ""}
        </option>
      ))}
    </select>
  );

  return (
    <Dialog open onClose={onClose} size="xl" title="Compare versions" testId="diff-dialog">
      <div className="mb-4 flex items-center gap-3 text-sm">
        {picker(left, setLeft, "diff-left")}
        <span className="text-zinc-400">→</span>
        {picker(right, setRight, "diff-right")}
      </div>
      {a && b ? (
        <div className="space-y-4">
          <DiffView title="Template" before={templateDiffText(a)} after={templateDiffText(b)} testId="diff-template" />
          <DiffView title="Settings" before={settingsDiffText(a)} after={settingsDiffText(b)} testId="diff-settings" />
        </div>
      ) : (
        <p className="text-sm text-zinc-500">Choose two versions.</p>
      )}
    </Dialog>
  );
}
