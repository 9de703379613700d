"use client";
import type { ComponentProps, ReactNode } from "react";
import { ErrorAlert } from "./alert";
import { Button } from "./button";
import { Dialog } from "./dialog";

/**
 * A dialog whose body is one form: Cancel and a submit button in the footer, Enter in a
 * field submits too, and the last failure shows under the fields.
 */
export function FormDialog({
  onClose,
  submit,
  submitLabel,
  submitDisabled,
  submitTestId,
  submitVariant = "primary",
  error,
  errorTestId,
  children,
  ...dialog
}: Omit<ComponentProps<typeof Dialog>, "open" | "footer" | "variant"> & {
  submit: () => void | Promise<void>;
  submitLabel: ReactNode;
  submitDisabled?: boolean;
  submitTestId: string;
  submitVariant?: ComponentProps<typeof Button>["variant"];
  error?: string | null;
  errorTestId?: string;
}) {
  return (
    <Dialog
      open
      onClose={onClose}
      {...dialog}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant={submitVariant} onClick={() => void submit()} disabled={submitDisabled} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        {children}
        {error ? <ErrorAlert testId={errorTestId}>{error}</ErrorAlert> : null}
        {/* Lets Enter submit a form of several fields. */}
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
