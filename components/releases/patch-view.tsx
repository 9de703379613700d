/** A unified diff as the API returns it, one coloured line per line; headers dimmed. */
export function PatchView({ patch, testId }: { patch: string; testId?: string }) {
  const lines = patch.split("\n").filter((line) => !line.startsWith("===") && !line.startsWith("Index:"));
  return (
    <pre data-testid={testId} className="max-h-96 overflow-auto rounded-md border border-zinc-200 bg-white p-2 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950">
      {lines.map((line, i) => {
        const tone = line.startsWith("+++") || line.startsWith("---") || line.startsWith("@@")
          ? "text-zinc-400"
          : line.startsWith("+")
            ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200"
            : line.startsWith("-")
              ? "bg-red-50 text-red-900 dark:bg-red-950/50 dark:text-red-200"
              : "text-zinc-600 dark:text-zinc-400";
        return (
          <div key={i} className={`whitespace-pre-wrap break-all px-1 ${tone}`}>
            {line || " "}
          </div>
        );
      })}
    </pre>
  );
}
