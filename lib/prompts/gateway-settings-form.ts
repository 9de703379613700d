import { promptSettingsSchema, type PromptSettings } from "@/lib/completions/gateway-config";

/**
 * The prompt page's form for the prompt's stored gateway settings (retry and timeout): text
 * fields, "" meaning not set. Read back through the very schema the admin API validates
 * `settings` with, so the form can't save what the API would refuse.
 */
export interface GatewaySettingsForm {
  attempts: string;
  statusCodes: string;
  timeoutMs: string;
  /** Parameters the chosen model refuses are dropped (and named in a response header) instead of failing the run. */
  dropUnsupported: boolean;
}

export type GatewaySettingsErrors = Partial<Record<Exclude<keyof GatewaySettingsForm, "dropUnsupported">, string>>;

export type GatewaySettingsRead = { ok: true; settings: PromptSettings | null } | { ok: false; errors: GatewaySettingsErrors };

export function gatewaySettingsForm(settings: PromptSettings | null): GatewaySettingsForm {
  return {
    attempts: settings?.retry ? String(settings.retry.attempts) : "",
    statusCodes: settings?.retry?.on_status_codes?.join(", ") ?? "",
    timeoutMs: settings?.request_timeout === undefined ? "" : String(settings.request_timeout),
    dropUnsupported: settings?.drop_unsupported_params === true,
  };
}

const WHOLE = /^\d+$/;

/** The settings the form says (null: none, the defaults apply), or what is wrong, by field. */
export function readGatewaySettingsForm(form: GatewaySettingsForm): GatewaySettingsRead {
  const errors: GatewaySettingsErrors = {};
  const whole = (field: "attempts" | "timeoutMs"): number | undefined => {
    const text = form[field].trim();
    if (!text) return undefined;
    if (WHOLE.test(text)) return Number(text);
    errors[field] = "A whole number";
    return undefined;
  };
  const attempts = whole("attempts");
  const timeout = whole("timeoutMs");
  const codes = form.statusCodes.split(/[\s,]+/).filter(Boolean);
  if (codes.some((code) => !WHOLE.test(code))) errors.statusCodes = "HTTP status codes separated by commas, e.g. 429, 503";
  else if (codes.length > 0 && attempts === undefined) errors.attempts ??= "Set the number of retries for these status codes";

  // What parsed goes through the API's schema too, so every field's problem shows at once.
  const candidate: PromptSettings = {};
  if (attempts !== undefined) candidate.retry = codes.length > 0 && !errors.statusCodes ? { attempts, on_status_codes: codes.map(Number) } : { attempts };
  if (timeout !== undefined) candidate.request_timeout = timeout;
  if (form.dropUnsupported) candidate.drop_unsupported_params = true;
  const parsed = promptSettingsSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] === "request_timeout" ? "timeoutMs" : issue.path[1] === "on_status_codes" ? "statusCodes" : "attempts";
      errors[field] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, settings: Object.keys(parsed.data).length > 0 ? parsed.data : null };
}
