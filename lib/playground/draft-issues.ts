import { describeIssue, errorsOf, validateVersion, type ValidationIssue } from "@/lib/prompts/validation";
import type { VersionTemplate } from "@/lib/hooks/use-prompt-versions";
import { templateString, type Draft } from "./draft";
import type { DraftErrors } from "./draft-body";
import type { PartialTexts } from "./variables";

/**
 * The draft's template problems: syntax (with line and column), partials that don't exist
 * (only once the partials are known: `partials` null while they load), and variables
 * without a test value (warnings).
 */
export function draftIssues(draft: Draft, partials: PartialTexts | null, test: { names: string[]; values: Record<string, string> } | null): ValidationIssue[] {
  return validateVersion(
    { kind: draft.templateType, template: templateString(draft) },
    {
      ...(partials ? { partialExists: (ref) => Object.hasOwn(partials, ref.slug) } : {}),
      ...(test ? { testValues: test } : {}),
    },
  );
}

const FIELD_LABELS: Record<keyof DraftErrors, string> = {
  temperature: "Temperature",
  max_tokens: "Max tokens",
  top_p: "Top P",
  presence_penalty: "Presence penalty",
  frequency_penalty: "Frequency penalty",
  seed: "Seed",
  jsonSchema: "JSON schema",
  tools: "Tools",
  toolChoice: "Tool choice",
  template: "Template",
};

/** What stops a save or a run, as sentences: settings that don't parse, then template errors. */
export function blockingProblems(errors: DraftErrors, issues: ValidationIssue[]): string[] {
  const fields = (Object.entries(errors) as [keyof DraftErrors, string][]).map(([field, message]) =>
    /^(Tools?|The )/.test(message) ? message : `${FIELD_LABELS[field]}: ${message}`,
  );
  return [...fields, ...errorsOf(issues).map(describeIssue)];
}

/** An underline in an editor: offsets within the string that editor holds. */
export interface EditorDiagnostic {
  from: number;
  to: number;
  severity: "error" | "warning";
  message: string;
}

/** The issues located in one string of the template (`template`, `messages[2].content`). */
export function diagnosticsAt(issues: ValidationIssue[], path: string): EditorDiagnostic[] {
  return issues
    .filter((issue) => issue.path === path && issue.from !== undefined)
    .map((issue) => ({ from: issue.from!, to: issue.to ?? issue.from! + 1, severity: issue.severity, message: `Line ${issue.line}, column ${issue.column}: ${issue.message}` }));
}

/** Why a saved version can't be published (its template or settings are broken), as sentences. */
export function versionProblems(template: Pick<VersionTemplate, "string" | "template_type" | "tools" | "response_format">): string[] {
  const kind = template.template_type === "completion" ? "completion" : "chat";
  return errorsOf(validateVersion({ kind, template: template.string, tools: template.tools, responseFormat: template.response_format })).map(describeIssue);
}
