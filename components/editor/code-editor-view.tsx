"use client";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { json, jsonParseLinter } from "@codemirror/lang-json";
import { bracketMatching } from "@codemirror/language";
import { linter, setDiagnostics, type Diagnostic } from "@codemirror/lint";
import { Compartment, EditorState, type Extension } from "@codemirror/state";
import { drawSelection, EditorView, highlightSpecialChars, keymap, placeholder as placeholderText } from "@codemirror/view";
import { useEffect, useRef } from "react";
import type { CodeEditorProps } from "./code-editor-props";
import { jsonHighlighting } from "./editor-theme";
import { mustacheContext, mustacheSupport } from "./mustache";

const NO_LIST: string[] = [];
const NO_DIAGNOSTICS: NonNullable<CodeEditorProps["diagnostics"]> = [];

/**
 * The CodeMirror 6 view behind <CodeEditor>. Loaded lazily (see code-editor.tsx) so the
 * editor's code is not in the first load of any page. The view is created once; later prop
 * changes are applied through compartments, never by re-creating it (which would lose the
 * cursor, the selection and the undo history).
 */
export default function CodeEditorView(props: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const latest = useRef(props);
  const compartments = useRef({ readOnly: new Compartment(), context: new Compartment(), placeholder: new Compartment() });
  const { value, readOnly = false, placeholder = "", knownPartials = NO_LIST, variables = NO_LIST, language = "mustache", diagnostics = NO_DIAGNOSTICS } = props;

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    if (!host.current) return;
    const c = compartments.current;
    const languageExtensions: Extension =
      language === "json"
        ? [json(), linter(jsonParseLinter(), { delay: 300 }), jsonHighlighting, bracketMatching()]
        : mustacheSupport((slug, known) => latest.current.onOpenPartial?.(slug, known));
    const created = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: latest.current.value,
        extensions: [
          history(),
          drawSelection(),
          highlightSpecialChars(),
          EditorView.lineWrapping,
          // Tab is left to the browser: keyboard users move between fields with it.
          keymap.of([...historyKeymap, ...defaultKeymap]),
          languageExtensions,
          c.readOnly.of([EditorState.readOnly.of(latest.current.readOnly ?? false), EditorView.editable.of(!latest.current.readOnly)]),
          c.context.of(mustacheContext.of({ partials: latest.current.knownPartials ?? NO_LIST, variables: latest.current.variables ?? NO_LIST })),
          c.placeholder.of(placeholderText(latest.current.placeholder ?? "")),
          EditorView.contentAttributes.of({ "aria-label": latest.current.ariaLabel, "aria-multiline": "true" }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange?.(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, [language]);

  // The value changes from outside (a version restored, a message moved): replace the text.
  useEffect(() => {
    const current = view.current;
    if (current && current.state.doc.toString() !== value) {
      current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.readOnly.reconfigure([EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)]),
    });
  }, [readOnly]);

  useEffect(() => {
    view.current?.dispatch({
      effects: compartments.current.context.reconfigure(mustacheContext.of({ partials: knownPartials, variables })),
    });
  }, [knownPartials, variables]);

  useEffect(() => {
    view.current?.dispatch({ effects: compartments.current.placeholder.reconfigure(placeholderText(placeholder)) });
  }, [placeholder]);

  // Problems are found outside (one validation for the editor, Save and the server): shown
  // as they come, each edit bringing a new list. JSON editors lint themselves.
  useEffect(() => {
    const current = view.current;
    if (!current || language === "json") return;
    const length = current.state.doc.length;
    const found: Diagnostic[] = diagnostics
      .filter((d) => d.from <= length)
      .map((d) => {
        const to = Math.min(Math.max(d.to, d.from + 1), length);
        return { from: Math.max(0, Math.min(d.from, to - 1)), to, severity: d.severity, message: d.message };
      });
    current.dispatch(setDiagnostics(current.state, found));
  }, [diagnostics, value, language]);

  return <div ref={host} className="min-w-0" />;
}
