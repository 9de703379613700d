"use client";
import { useEffect, useRef } from "react";

export const UNSAVED_MESSAGE = "This prompt has unsaved changes. Leave the page and lose them?";

/** Marks the extra history entry that stands in front of the page once it has had unsaved edits. */
const GUARD = "promptlyUnsavedGuard";

const onGuardEntry = () => Boolean((window.history.state as Record<string, unknown> | null)?.[GUARD]);

/** A second entry for this same page on top of it (Next's router state copied, so it is Next's too). */
function pushGuardEntry() {
  window.history.pushState({ ...(window.history.state as object | null), [GUARD]: true }, "", window.location.href);
}

/**
 * While `dirty`, leaving the page asks first: closing or reloading the tab (beforeunload),
 * following an in-app link, and going Back. Next's <Link> navigates on the client without
 * unloading, so links are caught in the capture phase on window, before React's own listener
 * sees the click. Back can't be cancelled once it happens, so an entry for this same page stands
 * in front of it: Back pops that one (nothing changes) and then asks; declined, the entry goes
 * back up; accepted, or nothing unsaved, the browser goes back once more, so one Back still
 * leaves the page.
 */
export function useUnsavedGuard(dirty: boolean) {
  const dirtyRef = useRef(dirty);
  const leavingRef = useRef(false);

  useEffect(() => {
    dirtyRef.current = dirty;
    if (dirty && !onGuardEntry()) pushGuardEntry();
  }, [dirty]);

  useEffect(() => {
    const path = window.location.pathname;
    const onPopState = () => {
      // Forward onto the guard entry, our own second step back, or a jump to another page
      // (several entries at once), which can't be stopped.
      if (leavingRef.current || onGuardEntry() || window.location.pathname !== path) return;
      if (dirtyRef.current && !window.confirm(UNSAVED_MESSAGE)) return pushGuardEntry();
      leavingRef.current = true;
      window.history.back();
    };
    window.addEventListener("popstate", onPopState);
    return () => window.removeEventListener("popstate", onPopState);
  }, []);

  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      // Already asked (Back, answered yes): the step back may leave the site.
      if (leavingRef.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const to = new URL(link.href, window.location.href);
      // Another tab or a jump within this page loses nothing.
      if (to.origin !== window.location.origin) return;
      if (to.pathname === window.location.pathname && to.search === window.location.search) return;
      if (window.confirm(UNSAVED_MESSAGE)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      window.removeEventListener("click", onClick, true);
    };
  }, [dirty]);
}
