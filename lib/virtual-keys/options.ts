import type { VirtualKey } from "@/lib/generated/prisma/client";
import type { CreateVirtualKeyInput } from "./schemas";

/** Provider options as stored (camelCase, as ProviderCredentials.options expects them). */
export type VirtualKeyOptions = { apiVersion?: string; resourceName?: string; deploymentName?: string };

export function optionsOf(key: Pick<VirtualKey, "options">): VirtualKeyOptions {
  const raw = key.options;
  return raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as VirtualKeyOptions) : {};
}

// null removes an option, undefined keeps the current value.
export function mergeOptions(current: VirtualKeyOptions, input: Pick<CreateVirtualKeyInput, "api_version" | "resource_name" | "deployment_name">): VirtualKeyOptions {
  const next: VirtualKeyOptions = { ...current };
  const pairs = [
    ["apiVersion", input.api_version],
    ["resourceName", input.resource_name],
    ["deploymentName", input.deployment_name],
  ] as const;
  for (const [name, value] of pairs) {
    if (value === null) delete next[name];
    else if (value !== undefined) next[name] = value;
  }
  return next;
}
