"use client";
import { CodeEditor } from "@/components/editor/code-editor";
import { Icon } from "@/components/prompts/icons";
import type { DraftMessage } from "@/lib/playground/draft";
import type { EditorDiagnostic } from "@/lib/playground/draft-issues";

const ROLES = ["system", "developer", "user", "assistant", "tool"];

const ROLE_TONE: Record<string, string> = {
  system: "text-violet-700 dark:text-violet-300",
  developer: "text-violet-700 dark:text-violet-300",
  user: "text-sky-700 dark:text-sky-300",
  assistant: "text-emerald-700 dark:text-emerald-300",
  tool: "text-amber-700 dark:text-amber-300",
};

const iconButton =
  "rounded p-1 text-zinc-400 hover:bg-zinc-100 hover:text-zinc-700 disabled:pointer-events-none disabled:opacity-30 dark:hover:bg-zinc-800 dark:hover:text-zinc-200";

/** One chat message: role picker, reorder and remove, and its content editor. */
export function MessageCard({
  message,
  index,
  count,
  readOnly,
  knownPartials,
  variables,
  diagnostics,
  onChange,
  onMove,
  onRemove,
  onOpenPartial,
}: {
  message: DraftMessage;
  index: number;
  count: number;
  readOnly: boolean;
  knownPartials: string[];
  variables: string[];
  diagnostics?: EditorDiagnostic[];
  onChange: (message: DraftMessage) => void;
  onMove: (offset: -1 | 1) => void;
  onRemove: () => void;
  onOpenPartial: (slug: string, known: boolean) => void;
}) {
  const multipart = message.extra.content !== undefined;
  const roles = ROLES.includes(message.role) ? ROLES : [message.role, ...ROLES];
  return (
    <div data-testid={`message-${index}`} className="group rounded-lg border border-zinc-200 bg-zinc-50/60 p-2 dark:border-zinc-800 dark:bg-zinc-900/40">
      <div className="mb-1.5 flex items-center gap-1">
        <select
          aria-label={`Role of message ${index + 1}`}
          value={message.role}
          disabled={readOnly}
          onChange={(e) => onChange({ ...message, role: e.target.value })}
          data-testid={`message-role-${index}`}
          className={`rounded-md border-0 bg-transparent py-0.5 pr-6 pl-1.5 text-xs font-semibold tracking-wide uppercase hover:bg-zinc-100 focus:ring-2 focus:ring-indigo-500 disabled:opacity-100 dark:hover:bg-zinc-800 ${ROLE_TONE[message.role] ?? ""}`}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {role}
            </option>
          ))}
        </select>
        <div className={`ml-auto flex items-center gap-0.5 ${readOnly ? "hidden" : "opacity-60 group-focus-within:opacity-100 group-hover:opacity-100"}`}>
          <button type="button" aria-label="Move message up" className={iconButton} disabled={index === 0} onClick={() => onMove(-1)} data-testid={`message-up-${index}`}>
            <Icon name="arrowUp" className="h-3.5 w-3.5" />
          </button>
          <button type="button" aria-label="Move message down" className={iconButton} disabled={index === count - 1} onClick={() => onMove(1)} data-testid={`message-down-${index}`}>
            <Icon name="arrowDown" className="h-3.5 w-3.5" />
          </button>
          <button type="button" aria-label="Remove message" className={`${iconButton} hover:text-red-600 dark:hover:text-red-400`} disabled={count <= 1} onClick={onRemove} data-testid={`message-remove-${index}`}>
            <Icon name="trash" className="h-3.5 w-3.5" />
          </button>
        </div>
      </div>
      {multipart ? (
        <p className="rounded-md border border-dashed border-zinc-300 px-3 py-2 text-xs text-zinc-500 dark:border-zinc-700">
          Multi-part content (text and images) is kept as saved; edit it through the API.
        </p>
      ) : (
        <CodeEditor
          value={message.content}
          onChange={(content) => onChange({ ...message, content })}
          readOnly={readOnly}
          ariaLabel={`Content of ${message.role} message ${index + 1}`}
          testId={`message-content-${index}`}
          placeholder={message.role === "system" ? "You are a helpful assistant…" : "Write the message; use {{variable}} and {{>partial}}"}
          knownPartials={knownPartials}
          variables={variables}
          diagnostics={diagnostics}
          invalid={diagnostics?.some((d) => d.severity === "error")}
          onOpenPartial={onOpenPartial}
          minHeight={message.role === "system" ? "3.5rem" : "4.5rem"}
        />
      )}
    </div>
  );
}
