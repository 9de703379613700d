"use client";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { draftAsTemplate } from "@/lib/playground/draft-body";
import { variablesBody } from "@/lib/playground/variables";
import { DiffDialog, type DiffSide } from "./diff-dialog";
import { PartialDialog } from "./partial-dialog";
import { PublishDialog } from "./publish-dialog";
import { SaveDialog } from "./save-dialog";
import { UsePromptDialog } from "./use-prompt-dialog";
import type { Workspace } from "./use-workspace";

export type OpenDialog =
  | { kind: "save" }
  | { kind: "diff"; sides: [DiffSide, DiffSide] }
  | { kind: "use" }
  | { kind: "partial"; slug: string }
  | { kind: "publish"; version: PromptVersionEntry }
  | null;

/** Whichever dialog is open on the prompt page. */
export function WorkspaceDialogs({
  dialog,
  onClose,
  ws,
  promptId,
  slug,
  values,
  blocking,
  onSaved,
}: {
  dialog: OpenDialog;
  onClose: () => void;
  ws: Workspace;
  promptId: string;
  slug: string;
  values: Record<string, string>;
  /** What stops the draft from being saved (validation errors), as sentences. */
  blocking: string[];
  onSaved: (versionId: string) => void;
}) {
  if (!dialog || !ws.draft) return null;
  const versions: PromptVersionEntry[] = ws.versions;
  switch (dialog.kind) {
    case "save":
      return (
        <SaveDialog
          promptId={promptId}
          draft={ws.draft}
          problems={blocking}
          published={versions.find((v) => v.is_published) ?? null}
          nextNumber={(ws.latest?.prompt_version ?? 0) + 1}
          onClose={onClose}
          onSaved={onSaved}
        />
      );
    case "diff":
      return <DiffDialog versions={versions} draftTemplate={ws.dirty ? draftAsTemplate(ws.draft) : null} initial={dialog.sides} onClose={onClose} />;
    case "use":
      return <UsePromptDialog slug={slug} versions={versions} variables={variablesBody(ws.analysis?.variables ?? [], values)} onClose={onClose} />;
    case "publish":
      return <PublishDialog promptId={promptId} version={dialog.version} published={versions.find((v) => v.is_published) ?? null} onClose={onClose} />;
    case "partial":
      return <PartialDialog slug={dialog.slug} partial={ws.partials.find((p) => p.slug === dialog.slug) ?? null} knownPartials={ws.knownPartials} onClose={onClose} />;
  }
}
