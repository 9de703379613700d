/** The prompt page while the prompt and its versions load. */
export function WorkspaceSkeleton() {
  const bar = "animate-pulse rounded bg-zinc-100 dark:bg-zinc-800/80";
  return (
    <div className="flex h-screen flex-col" aria-busy="true" aria-label="Loading prompt" data-testid="prompt-loading">
      <div className="flex items-center gap-4 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <div className={`${bar} h-8 w-56`} />
        <div className={`${bar} ml-auto h-8 w-72`} />
      </div>
      <div className="grid flex-1 grid-cols-[1.15fr_17rem_1fr] divide-x divide-zinc-200 dark:divide-zinc-800">
        {[0, 1, 2].map((i) => (
          <div key={i} className="space-y-3 p-3">
            <div className={`${bar} h-4 w-24`} />
            <div className={`${bar} h-24`} />
            <div className={`${bar} h-16`} />
          </div>
        ))}
      </div>
    </div>
  );
}
