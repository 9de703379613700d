import { errorsOf, type ValidationIssue } from "./issues";
import { responseFormatIssues, toolsIssues } from "./json-fields";
import { partialTagsOf, templatePieces, templateSyntaxIssues, unknownPartialIssue, type LocatedPartial } from "./template-issues";
import { MAX_SYNTAX_PROBLEMS } from "@/lib/templates";

export { describeIssue, errorsOf, type IssueCode, type IssueSeverity, type ValidationIssue } from "./issues";
export { responseFormatIssues, schemaProblem, toolsIssues } from "./json-fields";
export { partialTagsOf, templatePieces, type LocatedPartial, type TemplatePiece } from "./template-issues";

/** The parts of a version that can be wrong before it is ever run. */
export interface VersionToValidate {
  kind: "chat" | "completion";
  template: string;
  tools?: unknown;
  responseFormat?: unknown;
}

export interface ValidationContext {
  /** Whether a `{{>partial}}` exists; unknown partials are not checked without it. */
  partialExists?: (ref: LocatedPartial) => boolean;
  /** The variables the template uses and the test values at hand: each one without a value is a warning. */
  testValues?: { names: string[]; values: Record<string, unknown> };
}

/**
 * Every problem of a version, errors first in the order they appear. Pure and synchronous:
 * the editor runs it on each keystroke, the server before each save (with the partials it
 * looked up). Errors block a save; warnings are shown only.
 */
export function validateVersion(version: VersionToValidate, context: ValidationContext = {}): ValidationIssue[] {
  const pieces = templatePieces(version.kind, version.template);
  const issues = [...templateSyntaxIssues(pieces), ...toolsIssues(version.tools), ...responseFormatIssues(version.responseFormat)];
  if (context.partialExists) {
    const seen = new Set<string>();
    let reported = 0;
    for (const ref of partialTagsOf(pieces)) {
      if (reported >= MAX_SYNTAX_PROBLEMS) break;
      if (context.partialExists(ref)) continue;
      // Each unknown partial once per string: a tag repeated reads as one mistake.
      const key = `${ref.piece.path}\u0000${ref.tag}`;
      if (!seen.has(key)) {
        issues.push(unknownPartialIssue(ref));
        reported++;
      }
      seen.add(key);
    }
  }
  if (context.testValues) {
    const { names, values } = context.testValues;
    for (const name of names) {
      const value = values[name];
      if (value === undefined || value === null || value === "") {
        issues.push({ severity: "warning", code: "missing_test_value", message: `{{${name}}} has no test value: it renders empty`, path: `variables.${name}`, where: `variable "${name}"` });
      }
    }
  }
  return [...errorsOf(issues), ...issues.filter((issue) => issue.severity !== "error")];
}
