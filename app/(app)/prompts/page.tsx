import { PageHeader } from "@/components/layout/page-header";
import { EmptyState } from "@/components/ui/empty-state";

export const metadata = { title: "Prompts" };

export default function PromptsPage() {
  return (
    <>
      <PageHeader title="Prompts" description="Prompt templates, their versions and labels." />
      <EmptyState title="No prompts yet" testId="prompts-empty">
        Create prompts through the API (<code>POST /v1/prompts</code>) for now; the editor arrives with the Prompts tab.
      </EmptyState>
    </>
  );
}
