import { Button } from "@/components/ui/button";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";

/** Shown while a saved version is open: it can be read and run, not edited. */
export function ReadOnlyBanner({ version, onBack, onRestore }: { version: PromptVersionEntry; onBack: () => void; onRestore: () => void }) {
  return (
    <div data-testid="read-only-banner" className="flex items-center gap-3 border-b border-indigo-200 bg-indigo-50 px-4 py-2 text-sm text-indigo-900 dark:border-indigo-900 dark:bg-indigo-950/60 dark:text-indigo-100">
      <span>
        Viewing <strong>v{version.prompt_version}</strong> (read only){version.prompt_description ? ` · ${version.prompt_description}` : ""}. Run uses this version.
      </span>
      <div className="ml-auto flex gap-2">
        <Button variant="secondary" onClick={onRestore} data-testid="restore-version">
          Restore into draft
        </Button>
        <Button variant="ghost" onClick={onBack} data-testid="back-to-draft">
          Back to draft
        </Button>
      </div>
    </div>
  );
}
