"use client";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { DialogActions } from "@/components/ui/dialog";
import { inputClass } from "@/components/ui/text-field";

/**
 * A secret the server returns once (a new API key, an invitation link): a warning, the value
 * selected on focus with a copy button, optional details, and Done. Test ids derive from
 * `testIdPrefix`: -created, -value (or the given valueTestId), -copy, -done.
 */
export function ShownOnce({
  notice,
  value,
  label,
  testIdPrefix,
  valueTestId,
  onDone,
  children,
}: {
  notice: ReactNode;
  value: string;
  label: string;
  testIdPrefix: string;
  valueTestId?: string;
  onDone: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="space-y-4" data-testid={`${testIdPrefix}-created`}>
      <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">{notice}</p>
      <div className="flex gap-2">
        <input
          readOnly
          aria-label={label}
          value={value}
          data-testid={valueTestId ?? `${testIdPrefix}-value`}
          onFocus={(event) => event.currentTarget.select()}
          className={`${inputClass} font-mono text-xs`}
        />
        <CopyButton value={value} testId={`${testIdPrefix}-copy`} />
      </div>
      {children}
      <DialogActions>
        <Button onClick={onDone} data-testid={`${testIdPrefix}-done`}>
          Done
        </Button>
      </DialogActions>
    </div>
  );
}
