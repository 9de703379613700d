/** Pretty-printed JSON in a scrollable block; a note when there is nothing. */
export function JsonBlock({ value, testId, empty = "None" }: { value: unknown; testId?: string; empty?: string }) {
  const isEmpty = value === null || value === undefined || (typeof value === "object" && Object.keys(value as object).length === 0);
  if (isEmpty) {
    return (
      <p data-testid={testId} className="text-sm text-zinc-400 italic">
        {empty}
      </p>
    );
  }
  return (
    <pre
      data-testid={testId}
      className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed whitespace-pre-wrap break-words text-zinc-800 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-200"
    >
      {typeof value === "string" ? value : JSON.stringify(value, null, 2)}
    </pre>
  );
}
