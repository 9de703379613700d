"use client";
import { fieldClass } from "@/components/prompts/field-class";
import { DisabledReason } from "./disabled-reason";

/**
 * A numeric setting kept as text ("" = not set, the provider's default applies), with an
 * optional slider for bounded ones. `reason` says why the provider limits or refuses it: shown
 * under the field and as the controls' tooltip.
 */
export function NumberField({
  id,
  label,
  value,
  onChange,
  error,
  slider,
  placeholder = "default",
  disabled,
  reason,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  slider?: { min: number; max: number; step: number; neutral: number };
  placeholder?: string;
  disabled?: boolean;
  reason?: string | null;
}) {
  const numeric = Number(value);
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={id} className="min-w-0 flex-1 truncate text-xs font-medium text-zinc-700 dark:text-zinc-300">
          {label}
        </label>
        <input
          id={id}
          inputMode="decimal"
          value={value}
          placeholder={placeholder}
          disabled={disabled}
          title={reason ?? undefined}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          data-testid={`param-${id}`}
          className={`${fieldClass} w-20 shrink-0 px-2 py-1 text-right font-mono text-xs disabled:cursor-not-allowed disabled:opacity-50 ${error ? "border-red-400 dark:border-red-800" : ""}`}
        />
      </div>
      {slider ? (
        <input
          type="range"
          aria-label={`${label} slider`}
          min={slider.min}
          max={slider.max}
          step={slider.step}
          disabled={disabled}
          title={reason ?? undefined}
          data-testid={`param-${id}-slider`}
          value={value.trim() && Number.isFinite(numeric) ? numeric : slider.neutral}
          onChange={(e) => onChange(e.target.value)}
          className={`h-1.5 w-full cursor-pointer accent-indigo-600 disabled:cursor-not-allowed ${value.trim() ? "" : "opacity-40"}`}
        />
      ) : null}
      <DisabledReason reason={reason ?? null} testId={`reason-${id}`} />
      {error ? (
        <p className="text-xs text-red-600 dark:text-red-400" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
