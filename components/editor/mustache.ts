import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { Facet, type Extension } from "@codemirror/state";
import { Decoration, EditorView, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";

/** What the editor knows around a template: existing partial slugs and the variables in use. */
export interface MustacheContext {
  partials: string[];
  variables: string[];
}

export const mustacheContext = Facet.define<MustacheContext, MustacheContext>({
  combine: (values) => values[values.length - 1] ?? { partials: [], variables: [] },
});

// {{name}}, {{{name}}}, {{#s}}, {{^s}}, {{/s}}, {{>partial}}, {{! comment }}, {{&name}}.
const TAG = /\{\{\{?\s*([#^/>!&=]?)\s*([^}]*?)\s*\}?\}\}/g;

// Tailwind classes (Tailwind scans this file), so light and dark both read well.
const CLASSES = {
  variable: "cm-mustache-var rounded-sm bg-sky-100/70 text-sky-800 dark:bg-sky-900/40 dark:text-sky-200",
  section: "cm-mustache-section rounded-sm bg-violet-100/70 font-medium text-violet-800 dark:bg-violet-900/40 dark:text-violet-200",
  comment: "cm-mustache-comment italic text-zinc-400 dark:text-zinc-500",
  partial:
    "cm-mustache-partial rounded-sm bg-emerald-100/70 text-emerald-800 underline decoration-dotted underline-offset-2 dark:bg-emerald-900/40 dark:text-emerald-200",
  unknownPartial:
    "cm-mustache-partial cm-mustache-unknown rounded-sm bg-red-100/70 text-red-700 underline decoration-wavy decoration-red-500 underline-offset-2 dark:bg-red-950/60 dark:text-red-300",
};

function partialSlug(tag: string): string {
  const pinned = /^(.+)@(\d+)$/.exec(tag);
  return pinned ? pinned[1] : tag;
}

const decorator = new MatchDecorator({
  regexp: TAG,
  decoration: (match, view) => {
    const [, sigil, name] = match;
    if (sigil === ">") {
      const slug = partialSlug(name);
      const known = view.state.facet(mustacheContext).partials.includes(slug);
      const hint = known ? `Partial "${slug}" (Ctrl/Cmd+click to open)` : `Unknown partial "${slug}" (Ctrl/Cmd+click to create it)`;
      return Decoration.mark({
        class: known ? CLASSES.partial : CLASSES.unknownPartial,
        attributes: { "data-partial": slug, ...(known ? {} : { "data-unknown-partial": "true" }), title: hint },
      });
    }
    if (sigil === "!") return Decoration.mark({ class: CLASSES.comment });
    if (sigil === "#" || sigil === "^" || sigil === "/") return Decoration.mark({ class: CLASSES.section });
    return Decoration.mark({ class: CLASSES.variable });
  },
});

const highlighter = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorator.createDeco(view);
    }
    update(update: ViewUpdate) {
      // A partial created or deleted elsewhere changes how existing tags look.
      if (update.startState.facet(mustacheContext) !== update.state.facet(mustacheContext)) {
        this.decorations = decorator.createDeco(update.view);
      } else {
        this.decorations = decorator.updateDeco(update, this.decorations);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

/** `{{>` completes partial slugs, `{{` the variables already used in the prompt. */
function completeTags(context: CompletionContext): CompletionResult | null {
  const { partials, variables } = context.state.facet(mustacheContext);
  const partial = context.matchBefore(/\{\{>\s*[\w.@-]*$/);
  if (partial) {
    const start = partial.from + partial.text.search(/[\w.@-]*$/);
    return { from: start, options: partials.map((slug) => ({ label: slug, type: "namespace", detail: "partial" })), validFor: /^[\w.@-]*$/ };
  }
  const variable = context.matchBefore(/\{\{[#^/&]?\s*[\w.]*$/);
  if (variable && variables.length > 0) {
    const start = variable.from + variable.text.search(/[\w.]*$/);
    return { from: start, options: variables.map((name) => ({ label: name, type: "variable" })), validFor: /^[\w.]*$/ };
  }
  return null;
}

/** Mustache highlighting, partial links and tag completion, given a way to open a partial. */
export function mustacheSupport(openPartial: (slug: string, known: boolean) => void): Extension {
  return [
    highlighter,
    autocompletion({ override: [completeTags], icons: false }),
    EditorView.domEventHandlers({
      mousedown(event) {
        if (!(event.metaKey || event.ctrlKey)) return false;
        const element = (event.target as HTMLElement | null)?.closest<HTMLElement>("[data-partial]");
        if (!element?.dataset.partial) return false;
        event.preventDefault();
        openPartial(element.dataset.partial, element.dataset.unknownPartial !== "true");
        return true;
      },
    }),
  ];
}
