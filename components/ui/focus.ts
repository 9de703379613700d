/** Focus helpers for the dialog shell and menus (DOM only, no React). */

const TABBABLE = 'a[href], button, input, select, textarea, [contenteditable="true"], [tabindex]';
const FIELD = 'input:not([type="hidden"]):not([type="button"]):not([type="submit"]):not([type="reset"]), select, textarea, [contenteditable="true"]';

function usable(element: HTMLElement): boolean {
  if (element.matches(":disabled") || element.hidden || element.tabIndex < 0) return false;
  if (element.closest("[inert]")) return false;
  // Not rendered (display: none in itself or an ancestor) has no client rects.
  return element.getClientRects().length > 0;
}

/** The elements Tab visits inside `root`, in document order. */
export function tabbables(root: ParentNode): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter(usable);
}

/**
 * Where a dialog's focus starts: an element marked data-autofocus, else the first field a
 * person types in, else the first control of the body.
 */
export function firstField(root: HTMLElement | null): HTMLElement | null {
  if (!root) return null;
  const marked = root.querySelector<HTMLElement>("[data-autofocus]");
  if (marked && usable(marked)) return marked;
  const field = Array.from(root.querySelectorAll<HTMLElement>(FIELD)).find(usable);
  return field ?? tabbables(root)[0] ?? null;
}
