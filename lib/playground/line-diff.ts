import { diffLines } from "diff";

export interface DiffLine {
  kind: "add" | "remove" | "same";
  text: string;
}

export interface LineDiff {
  lines: DiffLine[];
  added: number;
  removed: number;
  /** The newline at the very end was added or removed: said once, not as a changed last line. */
  finalNewline: "added" | "removed" | null;
}

// A last line without "\n" and the same line with it are different "lines" to a line diff,
// which then shows it removed and added again: both texts are compared as newline-ended.
const newlineEnded = (text: string) => (text === "" || text.endsWith("\n") ? text : `${text}\n`);

/** A unified line diff of two texts (unchanged runs kept), with counts. */
export function lineDiff(before: string, after: string): LineDiff {
  const lines: DiffLine[] = [];
  for (const part of diffLines(newlineEnded(before), newlineEnded(after))) {
    const kind = part.added ? "add" : part.removed ? "remove" : "same";
    for (const text of part.value.replace(/\n$/, "").split("\n")) lines.push({ kind, text });
  }
  const ended = (text: string) => text.endsWith("\n");
  const finalNewline = before !== "" && after !== "" && ended(before) !== ended(after) ? (ended(after) ? "added" : "removed") : null;
  return {
    lines,
    added: lines.filter((l) => l.kind === "add").length,
    removed: lines.filter((l) => l.kind === "remove").length,
    finalNewline,
  };
}
