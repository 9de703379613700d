/** The one-line explanation under a control the provider can't honour. */
export function DisabledReason({ reason, testId }: { reason: string | null; testId?: string }) {
  if (!reason) return null;
  return (
    <p data-testid={testId} className="flex items-start gap-1 text-xs text-amber-700 dark:text-amber-400">
      <span aria-hidden>⚠</span>
      {reason}
    </p>
  );
}
