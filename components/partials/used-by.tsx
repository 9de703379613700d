"use client";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { PartialUsage } from "@/lib/hooks/use-partials";

type User = PartialUsage["prompts"][number];

/** "directly", or the chain of partials a prompt reaches this one through. */
export function ViaText({ via }: { via: string[] }) {
  if (via.length === 0) return <span>directly</span>;
  return (
    <span>
      through <code className="font-mono">{via.map((slug) => `{{>${slug}}}`).join(" → ")}</code>
    </span>
  );
}

/** The prompts that include a partial: each links to the prompt and says how it reaches it. */
export function UsedByList({ prompts, testId }: { prompts: User[]; testId: string }) {
  return (
    <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid={testId}>
      {prompts.map((prompt) => (
        <li key={prompt.id} className="py-2" data-testid={`used-by-${prompt.slug}`} data-via={prompt.via.join(",")}>
          <div className="flex flex-wrap items-center gap-2">
            <Link href={`/prompts/${prompt.id}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              {prompt.name}
            </Link>
            {prompt.archived ? <Badge tone="warning">archived</Badge> : null}
          </div>
          <div className="mt-0.5 text-xs break-all text-zinc-500">
            <code className="font-mono">{prompt.slug}</code> · <ViaText via={prompt.via} />
          </div>
        </li>
      ))}
    </ul>
  );
}
