import { describeLimit, limitValue, MAX_RENDER_BYTES, MAX_RENDER_DEPTH, MAX_RENDER_NODES, type Limit } from "@/lib/core/limits/content-limits";
import { TemplateError } from "./template-error";

const tooLarge = (what: string, limit: Limit, value: number) =>
  new TemplateError("template_too_large", `${what} is over the limit of ${describeLimit(limit, value)}`, { limit: limit.env, value });

/**
 * What one request may make the renderer do: output characters (≈ bytes), token visits and
 * section nesting. One budget is threaded through every string a request renders, so a
 * chat template's messages share it. Throws `template_too_large` the moment a count passes
 * its limit: memory and time stay flat whatever the template and variables.
 */
export class RenderBudget {
  private bytes = 0;
  private nodes = 0;
  private depth = 0;
  private readonly maxBytes = limitValue(MAX_RENDER_BYTES);
  private readonly maxNodes = limitValue(MAX_RENDER_NODES);
  private readonly maxDepth = limitValue(MAX_RENDER_DEPTH);

  output(length: number): void {
    this.bytes += length;
    if (this.bytes > this.maxBytes) throw tooLarge("The rendered prompt", MAX_RENDER_BYTES, this.maxBytes);
  }

  /** One visit of a list of tokens: each token, plus one for the visit itself (empty sections count). */
  visit(tokens: number): void {
    this.nodes += tokens + 1;
    if (this.nodes > this.maxNodes) throw tooLarge("Rendering the template", MAX_RENDER_NODES, this.maxNodes);
  }

  enter(): void {
    this.depth += 1;
    if (this.depth > this.maxDepth) throw tooLarge("Section and partial nesting", MAX_RENDER_DEPTH, this.maxDepth);
  }

  leave(): void {
    this.depth -= 1;
  }
}

type Tokens = [string, string, number, number, Tokens?, ...unknown[]][];

/** How deep sections nest in a parsed template. Iterative: a deep template must not overflow it. */
export function sectionDepth(tokens: Tokens): number {
  let deepest = 0;
  const stack: [Tokens, number][] = [[tokens, 0]];
  while (stack.length > 0) {
    const [list, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const token of list) if (Array.isArray(token[4])) stack.push([token[4], depth + 1]);
  }
  return deepest;
}

export const tooDeepToRender = (where?: string) =>
  tooLarge(`Section nesting${where ? ` in ${where}` : ""}`, MAX_RENDER_DEPTH, limitValue(MAX_RENDER_DEPTH));
