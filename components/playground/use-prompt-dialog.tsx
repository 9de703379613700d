"use client";
import { fieldClass } from "@/components/prompts/field-class";
import { useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Icon } from "@/components/prompts/icons";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { promptReference, promptSnippet, type SnippetLanguage } from "@/lib/playground/snippets";

const TABS: { value: SnippetLanguage; label: string }[] = [
  { value: "curl", label: "curl" },
  { value: "typescript", label: "TypeScript (portkey-ai)" },
  { value: "python", label: "Python (portkey-ai)" },
];

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // navigator.clipboard needs a secure context: a plain-http LAN address falls back here.
    const area = document.createElement("textarea");
    area.value = text;
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

/** Ready-to-copy calls of this prompt with this server's URL, for the published version or a label. */
export function UsePromptDialog({ slug, versions, variables, onClose }: { slug: string; versions: PromptVersionEntry[]; variables: Record<string, unknown>; onClose: () => void }) {
  const [language, setLanguage] = useState<SnippetLanguage>("typescript");
  const [target, setTarget] = useState("");
  const [stream, setStream] = useState(false);
  const [copied, setCopied] = useState(false);
  const labels = [...new Set(versions.flatMap((v) => v.labels.map((l) => l.name)))];
  const code = promptSnippet(language, { origin: window.location.origin, promptRef: promptReference(slug, target), variables, stream });

  return (
    <Dialog open onClose={onClose} size="lg" title="Use this prompt" description="Any Portkey client works: only the base URL changes. Set PROMPTLY_API_KEY to an API key from Settings." testId="use-prompt-dialog">
      <div className="mb-3 flex flex-wrap items-center gap-3 text-sm">
        <label className="flex items-center gap-2">
          Version
          <select value={target} onChange={(e) => setTarget(e.target.value)} className={`${fieldClass} w-auto py-1.5`} data-testid="snippet-target">
            <option value="">Published</option>
            {labels.map((name) => (
              <option key={name} value={name}>
                @{name}
              </option>
            ))}
            {versions.map((v) => (
              <option key={v.id} value={String(v.prompt_version)}>
                @{v.prompt_version}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={stream} onChange={(e) => setStream(e.target.checked)} className="h-4 w-4 accent-indigo-600" />
          Stream
        </label>
      </div>
      <div className="overflow-hidden rounded-lg border border-zinc-200 dark:border-zinc-800">
        <div role="tablist" className="flex items-center gap-1 border-b border-zinc-200 bg-zinc-50 px-2 dark:border-zinc-800 dark:bg-zinc-900">
          {TABS.map((tab) => (
            <button
              key={tab.value}
              role="tab"
              type="button"
              aria-selected={language === tab.value}
              onClick={() => setLanguage(tab.value)}
              data-testid={`snippet-tab-${tab.value}`}
              className={`border-b-2 px-3 py-2 text-xs font-medium ${language === tab.value ? "border-indigo-500 text-zinc-900 dark:text-zinc-100" : "border-transparent text-zinc-500 hover:text-zinc-800 dark:hover:text-zinc-200"}`}
            >
              {tab.label}
            </button>
          ))}
          <button
            type="button"
            data-testid="snippet-copy"
            onClick={async () => {
              setCopied(await copyText(code));
              setTimeout(() => setCopied(false), 1500);
            }}
            className="ml-auto inline-flex items-center gap-1 rounded px-2 py-1 text-xs font-medium text-zinc-600 hover:bg-zinc-200/70 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <Icon name={copied ? "check" : "copy"} className="h-3.5 w-3.5" /> {copied ? "Copied" : "Copy"}
          </button>
        </div>
        <pre className="overflow-x-auto bg-white p-4 font-mono text-xs leading-5 text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200" data-testid="snippet-code">
          {code}
        </pre>
      </div>
    </Dialog>
  );
}
