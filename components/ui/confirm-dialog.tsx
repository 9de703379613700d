"use client";
import type { ReactNode } from "react";
import { Button } from "./button";
import { Dialog, DialogActions } from "./dialog";

/**
 * "Are you sure?" for destructive actions; the confirm button shows progress while pending.
 * Focus starts on Cancel (the dialog shell's first control), so a stray Enter destroys nothing.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  pending,
  onConfirm,
  onClose,
  testId = "confirm-dialog",
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  pending?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  testId?: string;
}) {
  return (
    <Dialog open={open} onClose={onClose} title={title} testId={testId}>
      <div className="text-sm text-zinc-600 dark:text-zinc-300">{children}</div>
      <DialogActions>
        <Button variant="secondary" onClick={onClose} data-testid={`${testId}-cancel`}>
          Cancel
        </Button>
        <Button variant="danger" onClick={onConfirm} disabled={pending} data-testid={`${testId}-confirm`}>
          {pending ? "Working…" : confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
