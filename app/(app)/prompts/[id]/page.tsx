import { PromptWorkspace } from "@/components/playground/prompt-workspace";

export const metadata = { title: "Prompt" };

export default async function PromptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <PromptWorkspace promptId={id} />;
}
