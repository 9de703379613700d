import { z } from "zod";
import type { RequestHeaders } from "@/lib/core/http/api-request";
import { badRequest } from "@/lib/core/http/errors";

export const CONFIG_HEADER = "x-portkey-config";

const statusCodes = z.array(z.number().int().min(100, "HTTP status codes are 100 to 599").max(599, "HTTP status codes are 100 to 599")).max(50, "At most 50 status codes");
const requestTimeout = z.number().int().min(1, "At least 1 ms").max(3_600_000, "At most 3,600,000 ms (an hour)");

export const retrySchema = z.object({
  /** Retries after the first call: 2 means up to 3 calls. */
  attempts: z.number().int().min(0, "0 to 10 retries").max(10, "0 to 10 retries"),
  on_status_codes: statusCodes.optional(),
});

const targetSchema = z
  .object({
    virtual_key: z.string().min(1).optional(),
    prompt_id: z.string().min(1).optional(),
    override_params: z.record(z.string(), z.unknown()).optional(),
    weight: z.number().min(0).optional(),
    retry: retrySchema.optional(),
  })
  .loose();

/** Portkey's gateway config, as sent in `x-portkey-config` (inline JSON only). */
export const gatewayConfigSchema = z
  .object({
    retry: retrySchema.optional(),
    strategy: z.object({ mode: z.enum(["single", "fallback", "loadbalance"]), on_status_codes: statusCodes.optional() }).loose().optional(),
    targets: z.array(targetSchema).min(1).max(10).optional(),
    request_timeout: requestTimeout.optional(),
  })
  .loose();

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
export type RetryPolicy = z.infer<typeof retrySchema>;
export type GatewayTarget = z.infer<typeof targetSchema>;

/**
 * The per-prompt stored settings that steer the gateway (prompt.settings JSON), as the
 * prompt admin API accepts them. Strict: these keys are Promptly's own, so an unknown one is
 * a typo the caller should hear about rather than a setting silently not applied.
 */
export const promptSettingsSchema = z.strictObject({
  retry: retrySchema.optional(),
  request_timeout: requestTimeout.optional(),
  /** Parameters the chosen model refuses are dropped (and named in a response header) instead of answered with a 400. */
  drop_unsupported_params: z.boolean().optional(),
});
export type PromptSettings = z.infer<typeof promptSettingsSchema>;

// Reading what is stored is lenient: a key a newer version wrote must not void the rest.
const storedSettingsSchema = promptSettingsSchema.loose();

/** Reads `x-portkey-config`; absent → empty. Bad JSON or shape → 400 naming the header. */
export function readGatewayConfig(headers: Pick<RequestHeaders, "get">): GatewayConfig {
  const raw = headers.get(CONFIG_HEADER);
  if (!raw) return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw badRequest(`${CONFIG_HEADER} must be a JSON config (saved config ids are not supported)`, CONFIG_HEADER);
  }
  const parsed = gatewayConfigSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badRequest(`${CONFIG_HEADER}: ${issue.path.join(".") || "config"}: ${issue.message}`, CONFIG_HEADER);
  }
  const config = parsed.data;
  if ((config.strategy?.mode === "fallback" || config.strategy?.mode === "loadbalance") && !config.targets) {
    throw badRequest(`${CONFIG_HEADER}: strategy ${config.strategy.mode} needs targets`, CONFIG_HEADER);
  }
  return config;
}

/** The prompt's stored gateway settings; anything malformed is ignored rather than failing calls. */
export function promptGatewaySettings(settings: unknown): PromptSettings {
  const parsed = storedSettingsSchema.safeParse(settings ?? {});
  return parsed.success ? parsed.data : {};
}

/** The default timeout for one upstream call, overridable by PROMPTLY_REQUEST_TIMEOUT_MS. */
export function defaultTimeoutMs(): number {
  const fromEnv = Number(process.env.PROMPTLY_REQUEST_TIMEOUT_MS);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 300_000;
}

/** Targets in the order they are tried: fallback keeps the order, loadbalance draws one by weight. */
export function targetsToTry(config: GatewayConfig, random: () => number = Math.random): { target: GatewayTarget; index: number }[] {
  const targets = config.targets ?? [{}];
  const indexed = targets.map((target, index) => ({ target, index }));
  if (config.strategy?.mode === "fallback") return indexed;
  if (config.strategy?.mode === "loadbalance") {
    const total = targets.reduce((sum, target) => sum + (target.weight ?? 1), 0);
    let draw = random() * total;
    for (const entry of indexed) {
      draw -= entry.target.weight ?? 1;
      if (draw < 0) return [entry];
    }
    return [indexed[indexed.length - 1]];
  }
  return [indexed[0]];
}
