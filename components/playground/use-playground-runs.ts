"use client";
import { useMemo, useState } from "react";
import { useProviders } from "@/lib/hooks/use-providers";
import { columnRunTarget, newColumn, temperatureHint, type CompareColumn } from "@/lib/playground/compare";
import { blockingProblems } from "@/lib/playground/draft-issues";
import { parseDraftSettings } from "@/lib/playground/draft-body";
import { editorRunTarget } from "@/lib/playground/run-body";
import { toolCallId, toolResultTurn, type ConversationMessage } from "@/lib/playground/tool-turn";
import { useRuns } from "@/lib/playground/use-runs";
import { analyzeTemplate, variablesBody } from "@/lib/playground/variables";
import type { Workspace } from "./use-workspace";

const EDITOR_RUN = "editor";

/** The editor's run and the compare columns' runs, all on the same variable values. */
export function usePlaygroundRuns(ws: Workspace, promptId: string, initialValues: Record<string, string> = {}) {
  const runs = useRuns();
  const providers = useProviders().data?.data;
  const providerFor = (key: string | null | undefined) => providers?.find((p) => p.id === ws.providerOf(key));
  const usageInStream = (key: string | null | undefined) => providerFor(key)?.usageInStream ?? false;
  const [values, setValues] = useState<Record<string, string>>(initialValues);
  const [columns, setColumns] = useState<CompareColumn[]>([]);
  // The turns after the template's messages when a run is continued past its tool calls.
  const [conversation, setConversation] = useState<ConversationMessage[]>([]);
  const [toolResults, setToolResults] = useState<Record<string, string>>({});
  const partialTexts = useMemo(() => Object.fromEntries(ws.partials.map((p) => [p.slug, p.string])), [ws.partials]);

  // Compare feeds every column the same values: the fields are the union of their variables.
  const compareVariables = useMemo(() => {
    const names = new Set(ws.analysis?.variables ?? []);
    for (const column of columns) {
      if (column.source === "draft") continue;
      const version = ws.versions.find((v) => v.prompt_version === column.source);
      if (!version) continue;
      const template = version.prompt_template;
      analyzeTemplate(template.template_type === "completion" ? "completion" : "chat", template.string, partialTexts).variables.forEach((n) => names.add(n));
    }
    return [...names];
  }, [ws.analysis, ws.versions, columns, partialTexts]);

  const editorTarget = (turns: ConversationMessage[], withStreamOptions = true) => {
    const shown = ws.shown;
    const version = ws.viewing ?? ws.base;
    if (!shown || !version) return null;
    return editorRunTarget({
      promptId,
      version: version.prompt_version,
      draft: shown,
      dirty: !ws.viewing && ws.dirty,
      variables: variablesBody(ws.analysis?.variables ?? [], values),
      usageInStream: withStreamOptions && usageInStream(shown.settings.virtualKey),
      conversation: turns,
    });
  };

  const startEditorRun = (turns: ConversationMessage[]) => {
    const target = editorTarget(turns);
    if (!target) return;
    setConversation(turns);
    setToolResults({});
    void runs.run(EDITOR_RUN, target.ref, target.body);
  };

  /** A fresh run: the template alone, any continued conversation dropped. */
  const runEditor = () => startEditorRun([]);

  /** Answers the last run's tool calls with the typed results and runs the conversation on. */
  const continueWithToolResults = () => {
    const last = runs.get(EDITOR_RUN);
    if (last.status !== "done" || last.toolCalls.length === 0) return;
    startEditorRun([...conversation, ...toolResultTurn(last, toolResults)]);
  };

  // What the preview renders: the template as Run would send it, through /render (no stream options).
  const preview = editorTarget([], false);

  const runColumn = (column: CompareColumn) => {
    if (!ws.draft || !ws.base) return;
    const version = column.source === "draft" ? null : ws.versions.find((v) => v.prompt_version === column.source);
    // A draft whose settings don't parse would run without them: refused, as in the editor.
    const problems = version ? [] : blockingProblems(parseDraftSettings(ws.draft).errors, []);
    if (problems.length > 0) return runs.refuse(column.id, `Fix the draft first: ${problems.join("; ")}`);
    const key = version ? version.prompt_template.virtual_key : ws.draft.settings.virtualKey;
    const target = columnRunTarget({
      column,
      promptId,
      baseVersion: ws.base.prompt_version,
      draft: ws.draft,
      variables: variablesBody(compareVariables, values),
      usageInStream: usageInStream(key),
    });
    void runs.run(column.id, target.ref, target.body);
  };

  return {
    values,
    setValue: (name: string, value: string) => setValues((all) => ({ ...all, [name]: value })),
    /** Fills the fields from a saved variable set; fields it does not name keep their values. */
    loadValues: (loaded: Record<string, string>) => setValues((all) => ({ ...all, ...loaded })),
    preview: preview ? { ref: preview.ref, body: JSON.stringify(preview.body) } : null,
    conversation,
    toolResults,
    setToolResult: (call: Parameters<typeof toolCallId>[0], text: string) => setToolResults((all) => ({ ...all, [toolCallId(call)]: text })),
    continueWithToolResults,
    editorRun: runs.get(EDITOR_RUN),
    runEditor,
    stopEditor: () => runs.stop(EDITOR_RUN),
    columns,
    setColumns,
    /** The first visit to Compare starts with the latest saved version beside the draft. */
    ensureColumns: () => {
      if (columns.length === 0 && ws.latest) setColumns([newColumn(ws.latest.prompt_version), newColumn("draft")]);
    },
    compareVariables,
    runOf: (column: CompareColumn) => runs.get(column.id),
    runColumn,
    stopColumn: (column: CompareColumn) => runs.stop(column.id),
    runAll: () => columns.forEach(runColumn),
    /** The temperature a column runs at when its field is empty: its source's, or its provider's default. */
    temperatureHintOf: (column: CompareColumn) => {
      const version = column.source === "draft" ? null : ws.versions.find((v) => v.prompt_version === column.source);
      if (version) {
        const parameters = version.prompt_template.parameters;
        const saved = parameters && typeof parameters === "object" && !Array.isArray(parameters) ? parameters.temperature : undefined;
        return temperatureHint(saved, providerFor(version.prompt_template.virtual_key));
      }
      return temperatureHint(ws.draft?.settings.numbers.temperature, providerFor(ws.draft?.settings.virtualKey));
    },
  };
}
