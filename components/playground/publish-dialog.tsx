"use client";
import { ErrorAlert } from "@/components/ui/alert";
import { FormDialog } from "@/components/ui/form-dialog";
import { useDialogAction } from "@/components/ui/use-dialog-action";
import { usePublishVersion } from "@/lib/hooks/use-prompt";
import type { PromptVersionEntry } from "@/lib/hooks/use-prompt-versions";
import { versionProblems } from "@/lib/playground/draft-issues";
import { settingsDiffText, templateDiffText } from "@/lib/playground/version-text";
import { DiffView } from "./diff-view";

/**
 * Publishing changes what every call without a version or label runs: the dialog shows what
 * changes against the version published now, and refuses a version that is broken.
 */
export function PublishDialog({ promptId, version, published, onClose }: { promptId: string; version: PromptVersionEntry; published: PromptVersionEntry | null; onClose: () => void }) {
  const publish = usePublishVersion(promptId);
  const { error, run } = useDialogAction(onClose);
  const problems = versionProblems(version.prompt_template);
  const before = published?.prompt_template;
  const after = version.prompt_template;

  async function submit() {
    await run(async () => {
      await publish.mutateAsync(version.prompt_version);
      return `Published v${version.prompt_version}`;
    });
  }

  return (
    <FormDialog
      onClose={onClose}
      size="xl"
      title={`Publish v${version.prompt_version}?`}
      description={
        published
          ? `Calls without a version or label will run v${version.prompt_version} instead of v${published.prompt_version}.`
          : `Nothing is published yet: calls without a version or label will run v${version.prompt_version}.`
      }
      testId="publish-dialog"
      submit={submit}
      submitLabel={publish.isPending ? "Publishing…" : `Publish v${version.prompt_version}`}
      submitDisabled={publish.isPending || problems.length > 0}
      submitTestId="publish-confirm"
      error={error}
      errorTestId="publish-error"
    >
      {problems.length > 0 ? (
        <ErrorAlert testId="publish-problems">
          v{version.prompt_version} can&apos;t be published: {problems.join("; ")}
        </ErrorAlert>
      ) : null}
      <div className="space-y-4" data-testid="publish-diff">
        <DiffView title={published ? `Template: v${published.prompt_version} → v${version.prompt_version}` : "Template"} before={before ? templateDiffText(before) : ""} after={templateDiffText(after)} testId="publish-diff-template" />
        <DiffView title="Settings" before={before ? settingsDiffText(before) : ""} after={settingsDiffText(after)} testId="publish-diff-settings" />
      </div>
    </FormDialog>
  );
}
