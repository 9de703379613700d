"use client";
import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/layout/page-header";
import { QueryError } from "@/components/settings/query-error";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { SkeletonRows, Table, Td, Th } from "@/components/ui/table";
import { inputClass } from "@/components/ui/text-field";
import { useCan } from "@/lib/auth/role-context";
import { usePartials } from "@/lib/hooks/use-partials";
import { NewPartialDialog } from "./new-partial-dialog";

/** /partials: every partial with its include tag and published version; open one to edit it. */
export function PartialsView() {
  const partials = usePartials();
  const canWrite = useCan("write");
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const all = partials.data?.data ?? [];
  const rows = needle ? all.filter((p) => p.name.toLowerCase().includes(needle) || p.slug.includes(needle)) : all;

  return (
    <>
      <PageHeader
        title="Partials"
        description="Template text shared by prompts, included as {{>slug}}. Publishing a version changes every prompt that includes it."
        actions={
          canWrite ? (
            <Button onClick={() => setCreating(true)} data-testid="new-partial">
              New partial
            </Button>
          ) : null
        }
      />
      <div className="space-y-4 p-4 sm:p-6">
        <input
          type="search"
          aria-label="Search partials"
          placeholder="Search by name or slug…"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          className={`${inputClass} max-w-xs`}
          data-testid="partial-search"
        />
        {partials.error ? <QueryError error={partials.error} onRetry={() => void partials.refetch()} testId="partials-error" /> : null}
        {!partials.isPending && !partials.error && rows.length === 0 ? (
          <EmptyState title={needle ? `No partial matches "${search.trim()}"` : "No partials yet"} testId="partials-empty">
            {needle ? "Try another name." : "A partial holds text several prompts share (a tone of voice, a policy): write it once, include it with {{>slug}}."}
          </EmptyState>
        ) : partials.error ? null : (
          <Table label="Partials" testId="partials-table">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Include as</Th>
                <Th>Published</Th>
                <Th className="hidden sm:table-cell">Updated</Th>
              </tr>
            </thead>
            {partials.isPending ? (
              <SkeletonRows columns={4} testId="partials-loading" />
            ) : (
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {rows.map((partial) => (
                  <tr key={partial.id} data-testid={`partial-row-${partial.slug}`}>
                    <Td>
                      <Link href={`/partials/${partial.slug}`} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" data-testid="partial-link">
                        {partial.name}
                      </Link>
                    </Td>
                    <Td>
                      <code className="font-mono text-xs whitespace-nowrap">{`{{>${partial.slug}}}`}</code>
                    </Td>
                    <Td className="whitespace-nowrap tabular-nums">{partial.version ? `v${partial.version}` : "—"}</Td>
                    <Td className="hidden whitespace-nowrap text-zinc-500 sm:table-cell">
                      <RelativeTime iso={partial.updated_at} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            )}
          </Table>
        )}
      </div>
      {creating ? <NewPartialDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
