import type { EditorDiagnostic } from "@/lib/playground/draft-issues";

// Its own module: the lazily loaded view and the wrapper that loads it both need it.
export interface CodeEditorProps {
  value: string;
  onChange?: (value: string) => void;
  /** "mustache" (templates: tags highlighted, partials linked) or "json" (parsed and linted). */
  language?: "mustache" | "json";
  readOnly?: boolean;
  placeholder?: string;
  /** Slugs of existing partials: others are flagged as unknown. */
  knownPartials?: string[];
  /** Offered when typing `{{`. */
  variables?: string[];
  /** Ctrl/Cmd+click on a `{{>partial}}` tag. */
  onOpenPartial?: (slug: string, known: boolean) => void;
  ariaLabel: string;
  testId?: string;
  invalid?: boolean;
  /** Problems to underline (template syntax, unknown partials), offsets within `value`. */
  diagnostics?: EditorDiagnostic[];
  /** CSS min-height of the editing area, e.g. "6rem". */
  minHeight?: string;
}
