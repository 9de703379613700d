import { PromptWorkspace, type WorkspaceStart } from "@/components/playground/prompt-workspace";

export const metadata = { title: "Prompt" };

/** `?version=3&variables={"q":"Paris"}`: how an experiment's case opens here; anything malformed is ignored. */
function startFrom(search: Record<string, string | string[] | undefined>): WorkspaceStart {
  const start: WorkspaceStart = {};
  const version = typeof search.version === "string" && /^\d{1,9}$/.test(search.version) ? Number(search.version) : undefined;
  if (version) start.version = version;
  if (typeof search.variables === "string") {
    try {
      const parsed: unknown = JSON.parse(search.variables);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
        start.variables = Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
      }
    } catch {
      // not JSON: open with empty fields
    }
  }
  return start;
}

export default async function PromptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  return <PromptWorkspace promptId={id} start={startFrom(await searchParams)} />;
}
