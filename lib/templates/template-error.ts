export type TemplateErrorCode = "unknown_partial" | "invalid_template" | "partial_cycle" | "missing_variables" | "template_too_large";

export class TemplateError extends Error {
  constructor(
    readonly code: TemplateErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "TemplateError";
  }
}
