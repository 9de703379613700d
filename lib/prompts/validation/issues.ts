/**
 * What validating a prompt version finds. One shape for the editor (underlines, the issues
 * list, a disabled Save) and the server (a 400 naming the first error).
 */
export type IssueSeverity = "error" | "warning";

export type IssueCode = "template_invalid" | "tools_invalid" | "response_format_invalid" | "unknown_partial" | "missing_test_value";

export interface ValidationIssue {
  severity: IssueSeverity;
  code: IssueCode;
  /** What is wrong, without where: `where` and the line say that. */
  message: string;
  /** The field: `template`, `messages[1].content`, `tools[0].function.name`, `response_format`... */
  path: string;
  /** "message 2 (user)", "the template", "tool 1": how a person names the place. */
  where: string;
  /** 1-based, within the string at `path` (a message's content for chat templates). */
  line?: number;
  column?: number;
  /** Character offsets within that string, for underlining. */
  from?: number;
  to?: number;
}

export const errorsOf = (issues: ValidationIssue[]) => issues.filter((issue) => issue.severity === "error");

/** One sentence naming the place, the line and column, and the problem. */
export function describeIssue(issue: ValidationIssue): string {
  const at = issue.line !== undefined ? ` at line ${issue.line}, column ${issue.column}` : "";
  return `${issue.where.charAt(0).toUpperCase()}${issue.where.slice(1)}${at}: ${issue.message}`;
}
