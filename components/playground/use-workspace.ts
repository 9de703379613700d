"use client";
import { useCallback, useMemo, useState } from "react";
import { usePartials } from "@/lib/hooks/use-partials";
import { usePrompt } from "@/lib/hooks/use-prompt";
import { usePromptVersions, type PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { useVirtualKeys } from "@/lib/hooks/use-virtual-keys";
import { draftFromVersion, type Draft } from "@/lib/playground/draft";
import { draftFingerprint, parseDraftSettings } from "@/lib/playground/draft-body";
import { analyzeDraft, type PartialTexts } from "@/lib/playground/variables";

const NO_VERSIONS: PromptVersionEntry[] = [];

/**
 * The prompt page's state: the saved versions, the draft being edited (starting as the
 * latest version), the version it is based on, and a version opened read only.
 * The draft is only stored once edited, so an untouched page follows new saves.
 */
export function useWorkspace(promptId: string) {
  const prompt = usePrompt(promptId);
  const versionsQuery = usePromptVersions(promptId);
  const partialsQuery = usePartials();
  const virtualKeys = useVirtualKeys();
  const versions = versionsQuery.data ?? NO_VERSIONS;

  const [edited, setEdited] = useState<Draft | null>(null);
  const [baseId, setBaseId] = useState<string | null>(null);
  const [viewingId, setViewingId] = useState<string | null>(null);

  const latest = versions[0] ?? null;
  const base = versions.find((v) => v.id === baseId) ?? latest;
  const viewing = viewingId ? (versions.find((v) => v.id === viewingId) ?? null) : null;

  // Query results are structurally shared: an unchanged version keeps its object across
  // refetches, so its draft (and its message keys) stay the same.
  const baseDraft = useMemo(() => (base ? draftFromVersion(base.prompt_template) : null), [base]);
  const viewingDraft = useMemo(() => (viewing ? draftFromVersion(viewing.prompt_template) : null), [viewing]);
  const draft = edited ?? baseDraft;
  const shown = viewingDraft ?? draft;

  const dirty = useMemo(() => Boolean(draft && baseDraft && draftFingerprint(draft) !== draftFingerprint(baseDraft)), [draft, baseDraft]);

  const partialTexts = useMemo<PartialTexts>(
    () => Object.fromEntries((partialsQuery.data?.data ?? []).map((p) => [p.slug, p.string])),
    [partialsQuery.data],
  );
  const knownPartials = useMemo(() => Object.keys(partialTexts), [partialTexts]);
  const analysis = useMemo(() => (shown ? analyzeDraft(shown, partialTexts) : null), [shown, partialTexts]);
  const errors = useMemo(() => (shown ? parseDraftSettings(shown).errors : {}), [shown]);

  const keys = virtualKeys.data?.data;
  const providerOf = useCallback((slug: string | null | undefined) => keys?.find((k) => k.slug === slug || k.id === slug)?.ai_provider_name ?? null, [keys]);

  const updateDraft = useCallback(
    (change: (draft: Draft) => Draft) => setEdited((current) => {
      const from = current ?? baseDraft;
      return from ? change(from) : current;
    }),
    [baseDraft],
  );

  return {
    prompt,
    versionsQuery,
    versions,
    latest,
    base,
    viewing,
    draft,
    shown,
    dirty,
    analysis,
    errors,
    knownPartials,
    /** Published partial texts by slug; null until loaded (nothing is "unknown" before that). */
    partialTexts: partialsQuery.isSuccess ? partialTexts : null,
    partials: partialsQuery.data?.data ?? [],
    virtualKeys,
    providerOf,
    updateDraft,
    /** After a save: the new version is the base, the draft (now equal to it) stays. */
    rebase: (versionId: string) => setBaseId(versionId),
    /** Copies a saved version into the draft (unsaved until the next save). */
    restore: (version: PromptVersionEntry) => {
      setEdited(draftFromVersion(version.prompt_template));
      setViewingId(null);
    },
    discard: () => setEdited(null),
    view: (versionId: string | null) => setViewingId(versionId),
  };
}

export type Workspace = ReturnType<typeof useWorkspace>;
