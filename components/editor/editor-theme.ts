import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { tags } from "@lezer/highlight";

// Token colours as Tailwind classes: the `dark:` variants follow the <html class="dark"> toggle
// without reconfiguring the editor.
export const jsonHighlighting = syntaxHighlighting(
  HighlightStyle.define([
    { tag: tags.propertyName, class: "text-sky-700 dark:text-sky-300" },
    { tag: tags.string, class: "text-emerald-700 dark:text-emerald-300" },
    { tag: [tags.number, tags.bool, tags.null], class: "text-amber-700 dark:text-amber-300" },
    { tag: [tags.brace, tags.squareBracket, tags.separator, tags.punctuation], class: "text-zinc-500 dark:text-zinc-400" },
  ]),
);
