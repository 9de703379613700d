"use client";
import Link from "next/link";
import { inputClass } from "@/components/ui/text-field";
import type { ProviderInfo } from "@/lib/hooks/use-providers";
import type { VirtualKey } from "@/lib/hooks/use-virtual-keys";
import type { DraftErrors } from "@/lib/playground/draft-body";
import type { Draft, DraftSettings, NumericParam } from "@/lib/playground/draft";
import { modelParameterFlags } from "@/lib/playground/model-flags";
import { modelIds } from "@/lib/providers/declaration";
import { MAX_TEMPERATURE, temperatureLimit, unsupportedReason, type Capability } from "./capabilities";
import { DisabledReason } from "./disabled-reason";
import { NumberField } from "./number-field";
import { FieldGroup, PaneHeader } from "./pane";
import { ResponseFormatField } from "./response-format-field";
import { ToolsField } from "./tools-field";

type Slider = { min: number; max: number; step: number; neutral: number };

/** `capability`: the declared capability (lib/providers/types.ts) the setting needs. */
const NUMBERS: { name: NumericParam; label: string; slider?: Slider; capability?: Capability }[] = [
  { name: "temperature", label: "Temperature", slider: { min: 0, max: MAX_TEMPERATURE, step: 0.05, neutral: 1 } },
  { name: "max_tokens", label: "Max tokens" },
  { name: "top_p", label: "Top P", slider: { min: 0, max: 1, step: 0.01, neutral: 1 } },
  { name: "presence_penalty", label: "Presence penalty", slider: { min: -2, max: 2, step: 0.1, neutral: 0 }, capability: "penalties" },
  { name: "frequency_penalty", label: "Frequency penalty", slider: { min: -2, max: 2, step: 0.1, neutral: 0 }, capability: "penalties" },
  { name: "seed", label: "Seed", capability: "seed" },
];

/** Model settings: credential, model, sampling, output format and tools. */
export function SettingsPane({
  draft,
  readOnly,
  errors,
  keys,
  keysLoading,
  providers,
  onChange,
}: {
  draft: Draft;
  readOnly: boolean;
  errors: DraftErrors;
  keys: VirtualKey[];
  keysLoading: boolean;
  providers: ProviderInfo[];
  onChange: (patch: Partial<DraftSettings>) => void;
}) {
  const s = draft.settings;
  const key = keys.find((k) => k.slug === s.virtualKey || k.id === s.virtualKey) ?? null;
  const provider = providers.find((p) => p.id === key?.ai_provider_name) ?? null;
  const typeReason = unsupportedReason(provider, draft.templateType === "chat" ? "chat" : "completion", s.model);
  // What the chosen model would refuse among the saved settings: flagged here, before a run fails on it.
  const flags = modelParameterFlags(draft, provider);
  const shownFlags = new Set<string>(NUMBERS.map((field) => field.name));
  const otherFlags = Object.entries(flags).filter(([param]) => !shownFlags.has(param));
  const missingAdapter = key && providers.length > 0 && !provider ? `${key.ai_provider_name} keys can't run prompts yet` : null;
  const suggestions = modelIds(provider);
  const temperature = temperatureLimit(provider);

  /** Slider, reason and extra error of a numeric field under the selected provider's limits. */
  const limitsOf = (field: (typeof NUMBERS)[number]) => {
    const value = s.numbers[field.name];
    if (field.name === "temperature") {
      const tooHigh = provider && value.trim() !== "" && Number(value) > temperature.max;
      return {
        slider: field.slider && { ...field.slider, max: temperature.max },
        reason: temperature.reason,
        // A stored value above the provider's range stays visible and editable, flagged.
        blocked: false,
        error: tooHigh ? `must be at most ${temperature.max} for ${provider.displayName}` : flags.temperature,
      };
    }
    const reason = field.capability ? unsupportedReason(provider, field.capability, s.model) : null;
    // A value already set (e.g. saved with another key) stays editable so it can be cleared.
    return { slider: field.slider, reason, blocked: Boolean(reason) && value.trim() === "", error: flags[field.name] };
  };

  return (
    <section aria-label="Model settings" className="flex flex-col" data-testid="settings-pane">
      <PaneHeader title="Model" />
      <FieldGroup title="Provider">
        <label className="block space-y-1">
          <span className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Virtual key</span>
          <select value={s.virtualKey} disabled={readOnly} onChange={(e) => onChange({ virtualKey: e.target.value })} className={`${inputClass} py-1.5`} data-testid="virtual-key-select">
            <option value="">{keysLoading ? "Loading keys…" : "Choose a key…"}</option>
            {s.virtualKey && !key && !keysLoading ? <option value={s.virtualKey}>{s.virtualKey} (missing)</option> : null}
            {keys.map((k) => (
              <option key={k.id} value={k.slug}>
                {k.name} · {k.ai_provider_name}
              </option>
            ))}
          </select>
        </label>
        {!keysLoading && keys.length === 0 ? (
          <p className="text-xs text-zinc-500">
            No virtual keys yet.{" "}
            <Link href="/settings" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              Add one in Settings
            </Link>
          </p>
        ) : null}
        <DisabledReason reason={missingAdapter ?? typeReason ?? unsupportedReason(provider, "streaming", s.model)} testId="reason-provider" />
        <label className="block space-y-1">
          <span className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Model</span>
          <input
            value={s.model}
            disabled={readOnly}
            onChange={(e) => onChange({ model: e.target.value })}
            list="model-suggestions"
            placeholder={suggestions[0] ?? "model name"}
            className={`${inputClass} py-1.5 font-mono text-xs`}
            data-testid="model-input"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
      </FieldGroup>
      <FieldGroup title="Sampling">
        {NUMBERS.map((field) => {
          const limits = limitsOf(field);
          return (
            <NumberField
              key={field.name}
              id={field.name}
              label={field.label}
              value={s.numbers[field.name]}
              // An empty temperature runs at the provider's declared default: say which.
              placeholder={field.name === "temperature" && provider?.defaultTemperature !== undefined ? String(provider.defaultTemperature) : undefined}
              slider={limits.slider}
              reason={limits.reason}
              error={errors[field.name] ?? limits.error}
              disabled={readOnly || limits.blocked}
              onChange={(value) => onChange({ numbers: { ...s.numbers, [field.name]: value } })}
            />
          );
        })}
        <label className="block space-y-1">
          <span className="text-xs font-medium text-zinc-700 dark:text-zinc-300">Stop sequences</span>
          <textarea
            value={s.stop}
            disabled={readOnly}
            onChange={(e) => onChange({ stop: e.target.value })}
            rows={2}
            placeholder="One per line"
            className={`${inputClass} py-1.5 font-mono text-xs`}
            data-testid="param-stop"
          />
        </label>
        {otherFlags.length > 0 ? (
          <ul className="space-y-1 text-xs text-red-600 dark:text-red-400" role="alert" data-testid="model-parameter-flags">
            {otherFlags.map(([param, message]) => (
              <li key={param} data-testid={`flag-${param}`}>
                {message}
              </li>
            ))}
          </ul>
        ) : null}
      </FieldGroup>
      <FieldGroup title="Response format">
        <ResponseFormatField settings={s} provider={provider} readOnly={readOnly} error={errors.jsonSchema} onChange={onChange} />
      </FieldGroup>
      <FieldGroup title="Tools">
        <ToolsField settings={s} provider={provider} readOnly={readOnly} errors={errors} onChange={onChange} />
      </FieldGroup>
    </section>
  );
}
