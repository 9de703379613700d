// No CodeMirror import here: the wrapper uses these classes before the editor chunk loads.

/** Classes for the element hosting the editor: CodeMirror's parts styled from outside. */
export const editorFrameClass = [
  "text-[13px] leading-relaxed",
  "[&_.cm-editor]:bg-transparent [&_.cm-editor.cm-focused]:outline-none",
  "[&_.cm-scroller]:font-mono [&_.cm-content]:py-2 [&_.cm-content]:caret-zinc-900 dark:[&_.cm-content]:caret-zinc-100",
  "[&_.cm-line]:px-3 [&_.cm-placeholder]:text-zinc-400 dark:[&_.cm-placeholder]:text-zinc-500",
  "[&_.cm-cursor]:border-l-zinc-900 dark:[&_.cm-cursor]:border-l-zinc-100",
  "[&_.cm-selectionBackground]:!bg-indigo-100 dark:[&_.cm-selectionBackground]:!bg-indigo-900/70",
  "[&_.cm-activeLine]:bg-transparent [&_.cm-gutters]:border-none [&_.cm-gutters]:bg-transparent",
  "[&_.cm-tooltip]:rounded-md [&_.cm-tooltip]:border [&_.cm-tooltip]:border-zinc-200 [&_.cm-tooltip]:bg-white [&_.cm-tooltip]:shadow-lg",
  "dark:[&_.cm-tooltip]:border-zinc-700 dark:[&_.cm-tooltip]:bg-zinc-900 [&_.cm-tooltip]:text-xs",
  "[&_.cm-diagnostic]:px-2 [&_.cm-diagnostic]:py-1 [&_.cm-lintRange-error]:bg-none [&_.cm-lintRange-error]:underline [&_.cm-lintRange-error]:decoration-wavy [&_.cm-lintRange-error]:decoration-red-500",
  "[&_.cm-lintRange-warning]:bg-none [&_.cm-lintRange-warning]:underline [&_.cm-lintRange-warning]:decoration-wavy [&_.cm-lintRange-warning]:decoration-amber-500",
].join(" ");
