"use client";
import { lazy, Suspense, type CSSProperties } from "react";
import type { CodeEditorProps } from "./code-editor-props";
import { editorFrameClass } from "./editor-frame";

export type { CodeEditorProps };

// CodeMirror is ~100 kB gzip: fetched when the first editor renders, not with the page.
const CodeEditorView = lazy(() => import("./code-editor-view"));

/** Warms the editor chunk up before it is needed (e.g. while a prompt loads). */
export function preloadCodeEditor() {
  void import("./code-editor-view");
}

/** A CodeMirror 6 editor bundled with the app, styled for light and dark. */
export function CodeEditor(props: CodeEditorProps) {
  const { testId, invalid, readOnly, minHeight = "4rem" } = props;
  const frame = `rounded-md border bg-white shadow-sm transition-colors dark:bg-zinc-900 ${
    invalid
      ? "border-red-400 dark:border-red-800"
      : "border-zinc-200 focus-within:border-indigo-500 focus-within:ring-1 focus-within:ring-indigo-500 dark:border-zinc-700"
  } ${readOnly ? "bg-zinc-50 dark:bg-zinc-900/60" : ""}`;
  return (
    <div
      data-testid={testId}
      data-readonly={readOnly ? "true" : undefined}
      style={{ "--editor-min-h": minHeight } as CSSProperties}
      className={`${frame} ${editorFrameClass} [&_.cm-content]:min-h-(--editor-min-h)!`}
    >
      <Suspense
        fallback={
          <pre className="min-h-(--editor-min-h) whitespace-pre-wrap break-words px-3 py-2 font-mono text-zinc-500">{props.value || props.placeholder}</pre>
        }
      >
        <CodeEditorView {...props} />
      </Suspense>
    </div>
  );
}
