import { PromptsBrowser } from "@/components/prompts/prompts-browser";

export const metadata = { title: "Prompts" };

export default function PromptsPage() {
  return <PromptsBrowser />;
}
