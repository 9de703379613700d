"use client";
import { useState } from "react";
import { toast } from "./toast";

/**
 * A dialog's submit: clears the last failure, runs the action, toasts what it answers and
 * closes; a failure stays in the dialog (FormDialog's `error`) so nothing typed is lost.
 */
export function useDialogAction(onClose: () => void) {
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<string>) {
    setError(null);
    try {
      toast.success(await action());
      onClose();
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return { error, run, clearError: () => setError(null) };
}
