import { RequestMappingError } from "./mapping-error";
import { contentParts, textOnly, toolCallsOf, type ContentPart, type OpenAIMessage, type OpenAIToolCall } from "./openai-messages";

/**
 * The walk every native adapter makes over OpenAI chat history: system and developer
 * messages are hoisted, in order, into one system text; user content, assistant content
 * plus tool calls, and tool results become provider parts; consecutive turns of one role
 * are merged, since the native APIs want user and model turns to alternate (and all results
 * of one round of tool calls in a single turn). The provider says only how each piece looks.
 */
export interface MessageShapes<Part, ModelRole extends string> {
  /** The provider's name, for the error on a role it has no place for. */
  provider: string;
  /** What the provider calls the assistant's turns. */
  modelRole: ModelRole;
  /** One content part of a user or assistant message (none for an empty text). */
  contentPart(part: ContentPart, where: string): Part[];
  /** The j-th tool call of the assistant message at index i. */
  toolCall(call: OpenAIToolCall & { input: Record<string, unknown> }, i: number, j: number): Part;
  /** A tool message: the result it carries, as a part of the next user turn. `text()` reads its content. */
  toolResult(message: OpenAIMessage, text: () => string, where: string): Part;
}

export interface WalkedMessages<Part, ModelRole extends string> {
  /** System and developer texts joined by a blank line; undefined when there is none. */
  system?: string;
  turns: Array<{ role: "user" | ModelRole; parts: Part[] }>;
}

export function walkMessages<Part, ModelRole extends string>(messages: OpenAIMessage[], shapes: MessageShapes<Part, ModelRole>): WalkedMessages<Part, ModelRole> {
  const system: string[] = [];
  const turns: WalkedMessages<Part, ModelRole>["turns"] = [];
  const add = (role: "user" | ModelRole, parts: Part[]) => {
    if (parts.length === 0) return;
    const last = turns.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else turns.push({ role, parts });
  };
  const partsOf = (message: OpenAIMessage, where: string) => contentParts(message.content, `${where}.content`).flatMap((part) => shapes.contentPart(part, `${where}.content`));

  messages.forEach((message, i) => {
    const where = `messages[${i}]`;
    switch (message.role) {
      case "system":
      case "developer": {
        const text = textOnly(message.content, `${where}.content`);
        if (text.trim()) system.push(text);
        break;
      }
      case "user":
        add("user", partsOf(message, where));
        break;
      case "assistant": {
        const calls = toolCallsOf(message, where).map((call, j) => shapes.toolCall(call, i, j));
        add(shapes.modelRole, [...partsOf(message, where), ...calls]);
        break;
      }
      case "tool":
        add("user", [shapes.toolResult(message, () => textOnly(message.content, `${where}.content`), where)]);
        break;
      default:
        throw new RequestMappingError(`${where}.role`, `message role '${message.role}' is not supported by ${shapes.provider}`);
    }
  });

  return { ...(system.length > 0 ? { system: system.join("\n\n") } : {}), turns };
}
