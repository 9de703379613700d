"use client";
import { CodeEditor } from "@/components/editor/code-editor";
import { usePartials } from "@/lib/hooks/use-partials";

/**
 * A partial's template in the prompts' CodeMirror editor, with the existing partials known
 * (an include of an unknown one is flagged): the Partials page and the playground's partial
 * dialog edit partials through this one component.
 */
export function PartialTemplateEditor({
  value,
  onChange,
  ariaLabel,
  testId,
  readOnly,
  knownPartials,
}: {
  value: string;
  onChange?: (value: string) => void;
  ariaLabel: string;
  testId?: string;
  readOnly?: boolean;
  /** Given by callers that already hold the list (the playground); else read here. */
  knownPartials?: string[];
}) {
  const partials = usePartials();
  const known = knownPartials ?? partials.data?.data.map((p) => p.slug) ?? [];
  return (
    <CodeEditor
      value={value}
      onChange={onChange}
      readOnly={readOnly}
      ariaLabel={ariaLabel}
      placeholder="Shared text, with {{variables}} and {{>other-partials}} too"
      knownPartials={known}
      minHeight="8rem"
      testId={testId}
    />
  );
}
