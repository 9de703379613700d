"use client";
import Link from "next/link";
import { useState } from "react";
import { QueryError } from "@/components/settings/query-error";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { RelativeTime } from "@/components/ui/relative-time";
import { toast } from "@/components/ui/toast";
import { useCan } from "@/lib/auth/role-context";
import { usePartial, usePartialUsage, usePartialVersions, usePublishPartial, useUpdatePartial, type PartialVersionEntry } from "@/lib/hooks/use-partials";
import { PartialTemplateEditor } from "./partial-template-editor";
import { PublishPartialDialog } from "./publish-partial-dialog";
import { UsedByList, ViaText } from "./used-by";
import { VersionLabels } from "./version-labels";

const PANEL = "rounded-lg border border-zinc-200 p-4 dark:border-zinc-800";

/** /partials/ID: edit (each save is a new, unpublished version), publish a version, see who uses it. */
export function PartialDetail({ id }: { id: string }) {
  const partial = usePartial(id);
  const versions = usePartialVersions(id);
  const usage = usePartialUsage(id);

  if (partial.error) {
    return (
      <div className="p-6">
        <Link href="/partials" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Partials
        </Link>
        <div className="mt-4">
          <QueryError error={partial.error} onRetry={() => void partial.refetch()} testId="partial-error" />
        </div>
      </div>
    );
  }
  if (partial.isPending || versions.isPending) {
    return (
      <div className="space-y-3 p-6" data-testid="partial-loading" aria-busy="true">
        <div className="h-6 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-40 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" />
      </div>
    );
  }
  const data = partial.data;
  return (
    <div className="min-w-0">
      <header className="border-b border-zinc-200 px-4 py-4 sm:px-6 dark:border-zinc-800">
        <Link href="/partials" className="text-sm text-indigo-700 hover:underline dark:text-indigo-300">
          ← Partials
        </Link>
        <h1 className="mt-1 text-xl font-semibold tracking-tight break-words" data-testid="page-title">
          {data.name}
        </h1>
        <p className="mt-1 text-sm text-zinc-500">
          Include as <code className="font-mono">{`{{>${data.slug}}}`}</code> · published{" "}
          <span data-testid="partial-published-version">{data.version ? `v${data.version}` : "none"}</span>
        </p>
      </header>
      {versions.error ? (
        <div className="p-6">
          <QueryError error={versions.error} onRetry={() => void versions.refetch()} testId="partial-versions-error" />
        </div>
      ) : (
        <PartialWorkspace id={data.id} slug={data.slug} versions={versions.data ?? []} usage={usage} />
      )}
    </div>
  );
}

function PartialWorkspace({ id, slug, versions, usage }: { id: string; slug: string; versions: PartialVersionEntry[]; usage: ReturnType<typeof usePartialUsage> }) {
  const canWrite = useCan("write");
  const save = useUpdatePartial();
  const publish = usePublishPartial();
  const latest = versions[0];
  // The editor starts from the newest version; `base` tracks which one, to tell an edit.
  const [base, setBase] = useState(latest?.id);
  const [text, setText] = useState(latest?.string ?? "");
  const [description, setDescription] = useState("");
  const [publishing, setPublishing] = useState<number | null>(null);
  if (latest && latest.id !== base) {
    setBase(latest.id);
    setText(latest.string);
  }
  const dirty = text !== (latest?.string ?? "");

  async function saveVersion() {
    try {
      await save.mutateAsync({ id, string: text, version_description: description.trim() || null });
      setDescription("");
      toast.success(`Saved a new version of ${slug}: publish it to change the prompts that include it`);
    } catch (e) {
      toast.error(e as Error);
    }
  }

  async function confirmPublish() {
    if (publishing === null) return;
    try {
      await publish.mutateAsync({ id, version: publishing });
      toast.success(`Published v${publishing} of ${slug}`);
      setPublishing(null);
    } catch (e) {
      toast.error(e as Error);
    }
  }

  return (
    <div className="grid gap-4 p-4 sm:p-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-4">
        <section className={PANEL} aria-labelledby="partial-template-title">
          <h2 id="partial-template-title" className="mb-2 text-sm font-semibold">
            Template {latest ? <span className="font-normal text-zinc-500">(from v{latest.version})</span> : null}
          </h2>
          <PartialTemplateEditor value={text} onChange={canWrite ? setText : undefined} readOnly={!canWrite} ariaLabel={`Template of partial ${slug}`} testId="partial-editor" />
          {canWrite ? (
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <input
                aria-label="Version description"
                placeholder="What changed (optional)"
                value={description}
                onChange={(e) => setDescription(e.target.value)}
                maxLength={2000}
                className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
                data-testid="partial-version-description"
              />
              <Button onClick={() => void saveVersion()} disabled={!dirty || save.isPending} data-testid="partial-save">
                {save.isPending ? "Saving…" : "Save version"}
              </Button>
            </div>
          ) : null}
          <p className="mt-2 text-xs text-zinc-500">Saving makes a new version; prompts keep rendering the published one until you publish.</p>
        </section>
        <section className={PANEL} aria-labelledby="partial-versions-title">
          <h2 id="partial-versions-title" className="mb-2 text-sm font-semibold">
            Versions
          </h2>
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800" data-testid="partial-versions">
            {versions.map((version) => (
              <li key={version.id} className="flex flex-wrap items-center gap-2 py-2" data-testid={`partial-version-${version.version}`}>
                <span className="font-medium tabular-nums">v{version.version}</span>
                {version.is_published ? <Badge tone="success">published</Badge> : null}
                <VersionLabels id={id} slug={slug} version={version} canWrite={canWrite} />
                <span className="min-w-0 flex-1 truncate text-zinc-500">{version.description ?? ""}</span>
                <span className="text-xs text-zinc-500">
                  <RelativeTime iso={version.created_at} />
                </span>
                {canWrite && !version.is_published ? (
                  <Button variant="secondary" className="px-2 py-1 text-xs" onClick={() => setPublishing(version.version)} data-testid={`partial-publish-${version.version}`}>
                    Publish
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <aside className={`${PANEL} h-fit min-w-0`} aria-labelledby="partial-used-by-title">
        <h2 id="partial-used-by-title" className="mb-1 text-sm font-semibold">
          Used by
        </h2>
        {usage.error ? (
          <QueryError error={usage.error} onRetry={() => void usage.refetch()} testId="partial-usage-error" />
        ) : usage.isPending ? (
          <div className="h-16 animate-pulse rounded bg-zinc-100 dark:bg-zinc-900" data-testid="partial-usage-loading" />
        ) : usage.data.prompts.length === 0 ? (
          <p className="text-sm text-zinc-500" data-testid="partial-used-by-empty">
            No prompt includes it yet. Add <code className="font-mono">{`{{>${slug}}}`}</code> to a template.
          </p>
        ) : (
          <UsedByList prompts={usage.data.prompts} testId="partial-used-by" />
        )}
        {usage.data && usage.data.partials.length > 0 ? (
          <div className="mt-3 border-t border-zinc-100 pt-3 dark:border-zinc-800">
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase">Included by partials</h3>
            <ul className="space-y-1 text-sm" data-testid="partial-included-by">
              {usage.data.partials.map((parent) => (
                <li key={parent.id} className="break-all">
                  <Link href={`/partials/${parent.slug}`} className="font-mono text-indigo-700 hover:underline dark:text-indigo-300">{`{{>${parent.slug}}}`}</Link>{" "}
                  <span className="text-xs text-zinc-500">
                    <ViaText via={parent.via} />
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </aside>
      {publishing !== null ? (
        <PublishPartialDialog slug={slug} version={publishing} usage={usage.data} pending={publish.isPending} onConfirm={() => void confirmPublish()} onClose={() => setPublishing(null)} />
      ) : null}
    </div>
  );
}
