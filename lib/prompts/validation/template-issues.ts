import { lineColumn, parsePartialTag, parseTemplate, scanTemplate, type PartialTag } from "@/lib/templates";
import type { ValidationIssue } from "./issues";

/** One string of a template that gets rendered, and how to name where it is. */
export interface TemplatePiece {
  path: string;
  where: string;
  text: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The strings a template renders: the text of a completion template; each message content
 * (and text part, and image url) of a chat template. A chat template that is not a JSON
 * array has none here: its structure is checked (and reported) where it is stored.
 */
export function templatePieces(kind: "chat" | "completion", template: string): TemplatePiece[] {
  if (kind === "completion") return [{ path: "template", where: "the template", text: template }];
  let messages: unknown;
  try {
    messages = JSON.parse(template);
  } catch {
    return [];
  }
  if (!Array.isArray(messages)) return [];
  const pieces: TemplatePiece[] = [];
  messages.forEach((message, i) => {
    if (!isObject(message)) return;
    const where = `message ${i + 1}${typeof message.role === "string" ? ` (${message.role})` : ""}`;
    const { content } = message;
    if (typeof content === "string") pieces.push({ path: `messages[${i}].content`, where, text: content });
    if (!Array.isArray(content)) return;
    content.forEach((part, j) => {
      if (!isObject(part)) return;
      if (part.type === "text" && typeof part.text === "string") pieces.push({ path: `messages[${i}].content[${j}].text`, where: `${where}, part ${j + 1}`, text: part.text });
      if (part.type === "image_url" && isObject(part.image_url) && typeof part.image_url.url === "string") {
        pieces.push({ path: `messages[${i}].content[${j}].image_url.url`, where: `${where}, image ${j + 1}`, text: part.image_url.url });
      }
    });
  });
  return pieces;
}

function issueAt(piece: TemplatePiece, message: string, from: number, to: number): ValidationIssue {
  const { line, column } = lineColumn(piece.text, from);
  return { severity: "error", code: "template_invalid", message, path: piece.path, where: piece.where, line, column, from, to: Math.max(to, from + 1) };
}

/** Mustache syntax mistakes, each with its line and column in its own string. */
export function templateSyntaxIssues(pieces: TemplatePiece[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const piece of pieces) {
    const scan = scanTemplate(piece.text);
    for (const problem of scan.problems) issues.push(issueAt(piece, problem.message, problem.from, problem.to));
    if (scan.problems.length > 0) continue;
    // Mustache has the last word (custom delimiters, nesting too deep to render).
    try {
      parseTemplate(piece.text);
    } catch (error) {
      const reason = (error as { details?: { reason?: string } }).details?.reason ?? (error as Error).message;
      const at = /at (\d+)$/.exec(reason);
      const from = at ? Math.min(Number(at[1]), piece.text.length) : 0;
      issues.push(issueAt(piece, reason.replace(/ at \d+$/, ""), from, from + 1));
    }
  }
  return issues;
}

export type LocatedPartial = PartialTag & { piece: TemplatePiece; from: number; to: number };

/** Every `{{>partial}}` tag, where it is. */
export function partialTagsOf(pieces: TemplatePiece[]): LocatedPartial[] {
  return pieces.flatMap((piece) =>
    scanTemplate(piece.text)
      .tags.filter((tag) => tag.type === ">")
      .map((tag) => ({ ...parsePartialTag(tag.name), piece, from: tag.from, to: tag.to })),
  );
}

export function unknownPartialIssue(ref: LocatedPartial): ValidationIssue {
  const { line, column } = lineColumn(ref.piece.text, ref.from);
  const what =
    ref.label !== undefined
      ? `Partial "${ref.slug}" does not exist or has no label "${ref.label}"`
      : ref.version === null
        ? `Partial "${ref.slug}" does not exist (or has no published version)`
        : `Partial "${ref.slug}" has no version ${ref.version}`;
  return { severity: "error", code: "unknown_partial", message: what, path: ref.piece.path, where: ref.piece.where, line, column, from: ref.from, to: ref.to };
}
