import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";

/** The app's list tables: bordered card, sticky-free, horizontally scrollable when narrow. */
export function Table({ children, testId, label }: { children: ReactNode; testId?: string; label: string }) {
  return (
    // Focusable so that a table wider than the screen can be scrolled from the keyboard.
    <div role="region" aria-label={label} tabIndex={0} className="relative overflow-x-auto rounded-lg border border-zinc-200 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:border-zinc-800">
      <table aria-label={label} data-testid={testId} className="min-w-full divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        {children}
      </table>
    </div>
  );
}

export function Th({ className = "", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope="col"
      {...props}
      className={`bg-zinc-50 px-3 py-2 text-left text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:bg-zinc-900 dark:text-zinc-400 ${className}`}
    />
  );
}

export function Td({ className = "", ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td {...props} className={`px-3 py-2 align-middle ${className}`} />;
}

/** Placeholder rows while a list loads, so the layout does not jump when it arrives. */
export function SkeletonRows({ rows = 3, columns, testId }: { rows?: number; columns: number; testId?: string }) {
  return (
    <tbody data-testid={testId} aria-busy="true" className="divide-y divide-zinc-100 dark:divide-zinc-800">
      {Array.from({ length: rows }, (_, row) => (
        <tr key={row}>
          {Array.from({ length: columns }, (_, column) => (
            <td key={column} className="px-3 py-3">
              <div className="h-3 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
