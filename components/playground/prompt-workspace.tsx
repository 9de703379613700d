"use client";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { PromptEvaluations } from "@/components/experiments/prompt-evaluations";
import { preloadCodeEditor } from "@/components/editor/code-editor";
import { ErrorAlert } from "@/components/ui/alert";
import { latestPassRates } from "@/lib/experiments/results-view";
import { useAnalyticsGroups } from "@/lib/hooks/use-analytics";
import { useCollections } from "@/lib/hooks/use-collections";
import { useExperiments } from "@/lib/hooks/use-experiments";
import { usePublishVersion } from "@/lib/hooks/use-prompt";
import { useProviders } from "@/lib/hooks/use-providers";
import { modelIds } from "@/lib/providers/declaration";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { blockingProblems, draftIssues, versionProblems } from "@/lib/playground/draft-issues";
import { CompareView } from "./compare-view";
import { GatewaySettings } from "./gateway-settings";
import { PreviewPane } from "./preview-pane";
import { PromptOptions } from "./prompt-options";
import { ReadOnlyBanner } from "./read-only-banner";
import { RunPane } from "./run-pane";
import { SettingsPane } from "./settings-pane";
import { TemplatePane } from "./template-pane";
import { usePlaygroundRuns } from "./use-playground-runs";
import { useShortcuts } from "./use-shortcuts";
import { useUnsavedGuard } from "./use-unsaved-guard";
import { useWorkspace } from "./use-workspace";
import { VersionsSidebar } from "./versions-sidebar";
import { WorkspaceDialogs, type OpenDialog } from "./workspace-dialogs";
import { WorkspaceHeader, type WorkspaceMode } from "./workspace-header";
import { WorkspaceSkeleton } from "./workspace-skeleton";

// The Metrics tab's charts (recharts) are fetched when the tab opens, not with the page.
const PromptMetrics = lazy(() => import("@/components/analytics/prompt-metrics").then((module) => ({ default: module.PromptMetrics })));

/** What a link may open the page with: a version read only, and variable values (an experiment's case). */
export interface WorkspaceStart {
  version?: number;
  variables?: Record<string, string>;
}

/** /prompts/[id]: template, model settings and run side by side; compare; evaluations; versions. */
export function PromptWorkspace({ promptId, start }: { promptId: string; start?: WorkspaceStart }) {
  const ws = useWorkspace(promptId);
  const playground = usePlaygroundRuns(ws, promptId, start?.variables);
  const experiments = useExperiments({ promptId });
  const ids = { id: ws.prompt.data?.id ?? promptId, slug: ws.prompt.data?.slug ?? promptId };
  const passRates = useMemo(() => latestPassRates(experiments.data?.data ?? [], { id: ids.id, slug: ids.slug }), [experiments.data, ids.id, ids.slug]);
  // Each version's calls and error rate over the longest range analytics answer, for the history.
  const usage = useAnalyticsGroups("prompt-versions", { range: "400d", prompt: ids.id });
  const usageByVersion = useMemo(() => new Map((usage.data ?? []).map((row) => [row.prompt_version ?? 0, row])), [usage.data]);
  const providers = useProviders();
  const collections = useCollections();
  const publish = usePublishVersion(promptId);
  const [mode, setMode] = useState<WorkspaceMode>("editor");
  const [historyOpen, setHistoryOpen] = useState(false);
  const [dialog, setDialog] = useState<OpenDialog>(null);

  // One validation for the underlines, the issues list, Save and Run (the server runs it too).
  const { shown, partialTexts, analysis, errors, viewing } = ws;
  const issues = useMemo(
    () => (shown ? draftIssues(shown, partialTexts, { names: analysis?.variables ?? [], values: playground.values }) : []),
    [shown, partialTexts, analysis, playground.values],
  );
  // A version opened read only runs as saved: only the draft's problems block.
  const blocking = useMemo(() => (viewing ? [] : blockingProblems(errors, issues)), [viewing, errors, issues]);

  useEffect(preloadCodeEditor, []);
  // Opened on a version (from an experiment's case): show it read only, once, when the versions arrive.
  const startVersionApplied = useRef(false);
  const { versions, view } = ws;
  useEffect(() => {
    if (startVersionApplied.current || start?.version === undefined || versions.length === 0) return;
    startVersionApplied.current = true;
    const version = versions.find((v) => v.prompt_version === start.version);
    if (version && version.id !== versions[0].id) view(version.id);
  }, [versions, view, start?.version]);
  // Closing the tab or following a link with unsaved edits asks first.
  useUnsavedGuard(ws.dirty);

  useShortcuts({
    run: () => (mode === "compare" ? playground.runAll() : blocking.length === 0 && playground.runEditor()),
    save: () => ws.dirty && setDialog({ kind: "save" }),
  });

  if (ws.prompt.isError || ws.versionsQuery.isError) {
    return (
      <div className="p-6">
        <ErrorAlert testId="prompt-error">{(ws.prompt.error ?? ws.versionsQuery.error)?.message}</ErrorAlert>
      </div>
    );
  }
  const prompt = ws.prompt.data;
  if (!prompt || !ws.draft || !ws.shown || !ws.base) return <WorkspaceSkeleton />;

  // Publishing goes through a confirmation that shows the diff against the published version.
  const doPublish = (version: PromptVersionEntry) => setDialog({ kind: "publish", version });
  const baseProblems = versionProblems(ws.base.prompt_template);
  const readOnly = ws.viewing !== null;
  const shownKey = ws.shown.settings.virtualKey;
  const folder = collections.data?.data.find((c) => c.id === prompt.collection_id)?.name ?? "…";

  return (
    // From lg the workspace fills the screen and each pane scrolls; below, the panes stack and the page scrolls.
    <div className="flex min-h-screen min-w-0 flex-col lg:h-screen" data-testid="prompt-workspace">
      <WorkspaceHeader
        name={prompt.name}
        slug={prompt.slug}
        folder={folder}
        baseNumber={ws.base.prompt_version}
        basePublished={ws.base.is_published}
        dirty={ws.dirty}
        mode={mode}
        historyOpen={historyOpen}
        onMode={(next) => {
          if (next === "compare") playground.ensureColumns();
          setMode(next);
        }}
        onToggleHistory={() => setHistoryOpen((open) => !open)}
        onUse={() => setDialog({ kind: "use" })}
        onSave={() => setDialog({ kind: "save" })}
        onPublish={() => ws.base && doPublish(ws.base)}
        publishing={publish.isPending}
        publishBlocked={baseProblems.length > 0 ? `v${ws.base.prompt_version} can't be published: ${baseProblems.join("; ")}` : null}
      />
      {ws.viewing ? <ReadOnlyBanner version={ws.viewing} onBack={() => ws.view(null)} onRestore={() => ws.viewing && ws.restore(ws.viewing)} /> : null}
      <div className="flex min-h-0 flex-1 flex-col lg:flex-row">
        {mode === "editor" ? (
          <div className="grid min-w-0 flex-1 grid-cols-1 divide-y divide-zinc-200 lg:grid-cols-[minmax(0,1.15fr)_17rem_minmax(0,1fr)] lg:divide-x lg:divide-y-0 dark:divide-zinc-800">
            <div className="min-h-0 min-w-0 lg:overflow-y-auto">
              <TemplatePane
                draft={ws.shown}
                readOnly={readOnly}
                analysis={ws.analysis}
                issues={issues}
                knownPartials={ws.knownPartials}
                onChange={ws.updateDraft}
                onOpenPartial={(slug) => setDialog({ kind: "partial", slug })}
              />
              <PreviewPane target={playground.preview} />
            </div>
            <div className="min-h-0 min-w-0 lg:overflow-y-auto">
              <SettingsPane
                draft={ws.shown}
                readOnly={readOnly}
                errors={ws.errors}
                keys={ws.virtualKeys.data?.data ?? []}
                keysLoading={ws.virtualKeys.isPending}
                providers={providers.data?.data ?? []}
                onChange={(patch) => ws.updateDraft((d) => ({ ...d, settings: { ...d.settings, ...patch } }))}
              />
              <PromptOptions promptId={promptId} strictVariables={prompt.strict_variables} />
              <GatewaySettings promptId={promptId} settings={prompt.settings} />
            </div>
            <div className="min-h-0 min-w-0 lg:overflow-y-auto">
              <RunPane
                promptId={promptId}
                variables={ws.analysis?.variables ?? []}
                values={playground.values}
                onValue={playground.setValue}
                onLoadValues={playground.loadValues}
                conversation={playground.conversation}
                tools={{ results: playground.toolResults, onResult: playground.setToolResult, onContinue: playground.continueWithToolResults }}
                run={playground.editorRun}
                onRun={playground.runEditor}
                onStop={playground.stopEditor}
                blocked={blocking}
                runLabel={ws.viewing ? `saved v${ws.viewing.prompt_version}` : ws.dirty ? "unsaved draft" : `saved v${ws.base.prompt_version}`}
              />
            </div>
          </div>
        ) : mode === "metrics" ? (
          <Suspense fallback={<div className="m-6 h-40 flex-1 animate-pulse rounded-lg bg-zinc-100 dark:bg-zinc-800/60" aria-busy="true" data-testid="prompt-metrics-loading" />}>
            <PromptMetrics promptId={ids.id} versionNumbers={ws.versions.map((v) => v.prompt_version)} passRates={passRates} />
          </Suspense>
        ) : mode === "evaluate" ? (
          <PromptEvaluations promptId={promptId} versionNumbers={ws.versions.map((v) => v.prompt_version)} experiments={experiments} />
        ) : (
          <CompareView
            columns={playground.columns}
            onColumns={playground.setColumns}
            versions={ws.versions}
            draftModel={ws.draft.settings.model}
            variables={playground.compareVariables}
            values={playground.values}
            onValue={playground.setValue}
            runOf={playground.runOf}
            onRunColumn={playground.runColumn}
            onStopColumn={playground.stopColumn}
            onRunAll={playground.runAll}
            temperatureHintOf={playground.temperatureHintOf}
          />
        )}
        {historyOpen ? (
          <VersionsSidebar
            promptId={promptId}
            versions={ws.versions}
            loading={ws.versionsQuery.isPending}
            error={null}
            baseId={ws.base.id}
            viewingId={ws.viewing?.id ?? null}
            onView={(version) => ws.view(version.id)}
            onPublish={doPublish}
            onRestore={ws.restore}
            onDiff={(a, b) => setDialog({ kind: "diff", sides: [a, b] })}
            onClose={() => setHistoryOpen(false)}
            passRates={passRates}
            usage={usageByVersion}
          />
        ) : null}
      </div>
      <datalist id="model-suggestions">
        {modelIds(providers.data?.data.find((p) => p.id === ws.providerOf(shownKey))).map((model) => (
          <option key={model} value={model} />
        ))}
      </datalist>
      <WorkspaceDialogs
        dialog={dialog}
        onClose={() => setDialog(null)}
        ws={ws}
        promptId={promptId}
        slug={prompt.slug}
        values={playground.values}
        blocking={blocking}
        onSaved={(versionId) => {
          ws.rebase(versionId);
          setDialog(null);
        }}
      />
    </div>
  );
}
