"use client";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogActions } from "@/components/ui/dialog";

/** The end of a settings form in a dialog: the server's refusal if any, Cancel and submit. */
export function FormFooter({
  error,
  testIdPrefix,
  pending,
  pendingLabel,
  submitLabel,
  onCancel,
}: {
  /** Shown as `<prefix>-form-error`; the submit button is `<prefix>-submit`. */
  testIdPrefix: string;
  error: Error | null;
  pending: boolean;
  pendingLabel: string;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {error ? <ErrorAlert testId={`${testIdPrefix}-form-error`}>{error.message}</ErrorAlert> : null}
      <DialogActions>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={pending} data-testid={`${testIdPrefix}-submit`}>
          {pending ? pendingLabel : submitLabel}
        </Button>
      </DialogActions>
    </>
  );
}
