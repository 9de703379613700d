"use client";
import { CodeEditor } from "@/components/editor/code-editor";
import { Icon } from "@/components/prompts/icons";
import { newMessage, type Draft, type DraftMessage } from "@/lib/playground/draft";
import { diagnosticsAt } from "@/lib/playground/draft-issues";
import { describeIssue, type ValidationIssue } from "@/lib/prompts/validation";
import type { TemplateAnalysis } from "@/lib/playground/variables";
import { MessageCard } from "./message-card";
import { PaneHeader } from "./pane";

/** The template editor: chat messages, or one completion text; then the partials it uses. */
export function TemplatePane({
  draft,
  readOnly,
  analysis,
  issues = [],
  knownPartials,
  onChange,
  onOpenPartial,
}: {
  draft: Draft;
  readOnly: boolean;
  analysis: TemplateAnalysis | null;
  /** What validation found (lib/prompts/validation): underlined in the editors and listed below them. */
  issues?: ValidationIssue[];
  knownPartials: string[];
  onChange: (change: (draft: Draft) => Draft) => void;
  onOpenPartial: (slug: string, known: boolean) => void;
}) {
  const variables = analysis?.variables ?? [];
  const setMessages = (update: (messages: DraftMessage[]) => DraftMessage[]) => onChange((d) => ({ ...d, messages: update(d.messages) }));
  const move = (index: number, offset: -1 | 1) =>
    setMessages((messages) => {
      const next = [...messages];
      const [item] = next.splice(index, 1);
      next.splice(index + offset, 0, item);
      return next;
    });
  const nextRole = () => (draft.messages.at(-1)?.role === "user" ? "assistant" : "user");

  return (
    <section aria-label="Template" className="flex min-w-0 flex-col" data-testid="template-pane">
      <PaneHeader title={draft.templateType === "chat" ? "Messages" : "Prompt"} hint={draft.templateType === "chat" ? "Chat template" : "Completion template"} />
      <div className="space-y-2.5 p-3">
        {draft.templateType === "chat" ? (
          <>
            {draft.messages.map((message, index) => (
              <MessageCard
                key={message.key}
                message={message}
                index={index}
                count={draft.messages.length}
                readOnly={readOnly}
                knownPartials={knownPartials}
                variables={variables}
                diagnostics={diagnosticsAt(issues, `messages[${index}].content`)}
                onChange={(changed) => setMessages((messages) => messages.map((m) => (m.key === message.key ? changed : m)))}
                onMove={(offset) => move(index, offset)}
                onRemove={() => setMessages((messages) => messages.filter((m) => m.key !== message.key))}
                onOpenPartial={onOpenPartial}
              />
            ))}
            {readOnly ? null : (
              <button
                type="button"
                data-testid="add-message"
                onClick={() => setMessages((messages) => [...messages, newMessage(nextRole())])}
                className="flex w-full items-center justify-center gap-1.5 rounded-lg border border-dashed border-zinc-300 py-2 text-sm text-zinc-500 hover:border-indigo-400 hover:text-indigo-600 dark:border-zinc-700 dark:hover:border-indigo-500 dark:hover:text-indigo-400"
              >
                <Icon name="plus" className="h-3.5 w-3.5" /> Add message
              </button>
            )}
          </>
        ) : (
          <CodeEditor
            value={draft.text}
            onChange={(text) => onChange((d) => ({ ...d, text }))}
            readOnly={readOnly}
            ariaLabel="Completion prompt"
            testId="completion-content"
            placeholder="Write the prompt; use {{variable}} and {{>partial}}"
            knownPartials={knownPartials}
            variables={variables}
            diagnostics={diagnosticsAt(issues, "template")}
            onOpenPartial={onOpenPartial}
            minHeight="16rem"
          />
        )}
        <IssueList issues={issues} />
        <PartialLinks partials={analysis?.partials ?? []} onOpen={onOpenPartial} />
      </div>
    </section>
  );
}

function PartialLinks({ partials, onOpen }: { partials: TemplateAnalysis["partials"]; onOpen: (slug: string, known: boolean) => void }) {
  if (partials.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-1.5 pt-1 text-xs" data-testid="partial-links">
      <span className="text-zinc-500">Partials</span>
      {partials.map((partial) => (
        <button
          key={partial.tag}
          type="button"
          onClick={() => onOpen(partial.slug, partial.known)}
          data-testid={`partial-link-${partial.slug}`}
          data-known={partial.known ? "true" : "false"}
          title={partial.known ? "Open this partial" : "This partial does not exist: create it"}
          className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 font-mono ${
            partial.known
              ? "border-emerald-200 text-emerald-700 hover:bg-emerald-50 dark:border-emerald-900 dark:text-emerald-300 dark:hover:bg-emerald-950/50"
              : "border-red-300 text-red-700 hover:bg-red-50 dark:border-red-900 dark:text-red-300 dark:hover:bg-red-950/50"
          }`}
        >
          {partial.known ? null : <Icon name="warning" className="h-3 w-3" />}
          {partial.tag}
          {partial.known ? null : <span className="font-sans">· unknown</span>}
        </button>
      ))}
    </div>
  );
}

const ISSUE_TONE = {
  error: "bg-red-50 text-red-700 dark:bg-red-950/50 dark:text-red-300",
  warning: "bg-amber-50 text-amber-800 dark:bg-amber-950/40 dark:text-amber-300",
};

/** Errors (which block Save and Run) then warnings, each naming its message, line and column. */
function IssueList({ issues }: { issues: ValidationIssue[] }) {
  if (issues.length === 0) return null;
  const errors = issues.filter((issue) => issue.severity === "error").length;
  return (
    <ul aria-label="Template problems" className="space-y-1" data-testid="template-issues" data-errors={errors}>
      {issues.map((issue, i) => (
        <li
          key={`${issue.path}:${issue.from ?? ""}:${issue.code}:${i}`}
          role={issue.severity === "error" ? "alert" : undefined}
          data-testid={issue.code === "template_invalid" && i === 0 ? "template-error" : "template-issue"}
          data-code={issue.code}
          data-severity={issue.severity}
          className={`rounded-md px-3 py-2 text-xs ${ISSUE_TONE[issue.severity]}`}
        >
          {describeIssue(issue)}
        </li>
      ))}
    </ul>
  );
}
