import type { VersionTemplate } from "@/lib/hooks/use-prompt-versions";

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A version's template as a human reads it, for line diffs: one block per chat message
 * ("── system ──" then its content), or the completion text as is.
 */
export function templateDiffText(template: Pick<VersionTemplate, "string" | "template_type">): string {
  if (template.template_type === "completion") return template.string;
  try {
    const messages: unknown = JSON.parse(template.string);
    if (!Array.isArray(messages)) return template.string;
    return messages
      .map((message) => {
        if (!isObject(message)) return JSON.stringify(message);
        const { role, content, ...rest } = message;
        const body = typeof content === "string" ? content : JSON.stringify(content, null, 2);
        const extra = Object.keys(rest).length > 0 ? `\n${JSON.stringify(rest, null, 2)}` : "";
        return `── ${String(role)} ──\n${body}${extra}`;
      })
      .join("\n\n");
  } catch {
    return template.string;
  }
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sorted(value[key])]),
  );
}

/** Model settings as sorted, pretty JSON: a change shows as the changed lines only. */
export function settingsDiffText(template: VersionTemplate): string {
  const settings: Record<string, unknown> = {
    virtual_key: template.virtual_key,
    model: template.model,
    parameters: template.parameters,
    response_format: template.response_format,
    tools: template.tools,
    tool_choice: template.tool_choice,
  };
  for (const key of Object.keys(settings)) if (settings[key] == null) delete settings[key];
  return JSON.stringify(sorted(settings), null, 2);
}
