"use client";
import type { RenderedBody } from "@/lib/hooks/use-render-preview";
import type { ChatMessage } from "@/lib/templates";

function contentText(content: ChatMessage["content"]): string {
  if (content == null) return "";
  if (typeof content === "string") return content;
  return content.map((part) => (part.type === "text" ? (part.text ?? "") : part.type === "image_url" ? `[image: ${part.image_url?.url ?? ""}]` : `[${part.type}]`)).join("\n");
}

/** The final messages (or completion prompt) as the provider would get them. */
export function RenderPreview({ rendered, error, loading }: { rendered: RenderedBody | undefined; error: string | null; loading: boolean }) {
  return (
    <div className="space-y-2" data-testid="render-preview" aria-busy={loading} aria-live="polite">
      {error ? (
        <p role="alert" data-testid="render-preview-error" className="rounded-md bg-red-50 px-3 py-2 text-xs text-red-700 dark:bg-red-950/50 dark:text-red-300">
          {error}
        </p>
      ) : null}
      {!rendered && !error ? <p className="text-xs text-zinc-400">{loading ? "Rendering…" : "Nothing to preview yet."}</p> : null}
      {rendered?.prompt !== undefined ? (
        <pre data-testid="render-preview-prompt" className="rounded-md border border-zinc-200 bg-white px-3 py-2 font-mono text-xs break-words whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-900">
          {rendered.prompt}
        </pre>
      ) : null}
      {rendered?.messages?.map((message, index) => (
        <div key={index} data-testid={`render-preview-message-${index}`} className="rounded-md border border-zinc-200 bg-white px-3 py-2 dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mb-1 text-[10px] font-semibold tracking-wide text-zinc-500 uppercase" data-testid={`render-preview-role-${index}`}>
            {message.role}
            {typeof message.tool_call_id === "string" ? <span className="ml-2 font-mono normal-case">{message.tool_call_id}</span> : null}
          </div>
          <div className="text-sm break-words whitespace-pre-wrap text-zinc-800 dark:text-zinc-200" data-testid={`render-preview-content-${index}`}>
            {contentText(message.content) || (Array.isArray(message.tool_calls) ? null : <span className="text-zinc-400 italic">(empty)</span>)}
          </div>
          {Array.isArray(message.tool_calls) ? <p className="font-mono text-xs text-zinc-500">{message.tool_calls.length} tool call(s)</p> : null}
        </div>
      ))}
    </div>
  );
}
