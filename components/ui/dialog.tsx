"use client";
import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from "react";
import { firstField, tabbables } from "./focus";

const PANEL = {
  // Centered modal for forms, confirmations and read-only views; its width by `size`.
  center: "m-auto max-h-[85vh] w-[calc(100%-2rem)] rounded-lg shadow-xl",
  // Full-height side panel for details (the list behind stays in place).
  drawer: "my-0 mr-0 ml-auto h-dvh max-h-none w-full max-w-3xl shadow-2xl",
};
const WIDTHS = { sm: "max-w-md", md: "max-w-lg", lg: "max-w-3xl", xl: "max-w-5xl" };

/**
 * The one modal shell, on the native <dialog> (the page behind is inert, Escape cancels).
 * What the browser does not do, done here: focus starts on the first field of the body (not
 * on ×, where Enter would close without saving), Tab cycles inside the dialog, and focus
 * goes back to the opener when it closes or unmounts. Content is mounted only while open so
 * forms start fresh. Enter in a single-line field submits the body's form (FormDialog).
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  children,
  footer,
  testId,
  variant = "center",
  size = "md",
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  /** A bar under the scrolling body, for actions that must stay in view. */
  footer?: ReactNode;
  testId?: string;
  variant?: keyof typeof PANEL;
  /** The centered panel's width. */
  size?: keyof typeof WIDTHS;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const pressedOnBackdrop = useRef(false);
  const titleId = useId();

  const body = useRef<HTMLDivElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const wantOpen = useRef(open);
  useEffect(() => {
    wantOpen.current = open;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
      // showModal focused the first focusable element, the close button: move to the body.
      (firstField(body.current) ?? dialog).focus();
    }
    if (!open && dialog.open) {
      dialog.close();
      restoreFocus(opener.current);
    }
  }, [open]);
  // Unmounted while open (the usual way: the parent stops rendering it).
  useEffect(() => () => restoreFocus(opener.current), []);

  const trapTab = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== "Tab" || !ref.current) return;
    const all = tabbables(ref.current);
    if (all.length === 0) return;
    const first = all[0];
    const last = all[all.length - 1];
    const active = document.activeElement;
    if (event.shiftKey && (active === first || active === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      data-testid={testId}
      tabIndex={-1}
      onKeyDown={trapTab}
      // Chrome closes a dialog itself on a second Escape when the first one's cancel was
      // prevented: keep the parent's state in step.
      onClose={() => {
        if (wantOpen.current) onClose();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the <dialog> itself; a drag that starts inside (text
      // selection) must not close it, hence the mousedown check.
      onMouseDown={(event) => {
        pressedOnBackdrop.current = event.target === ref.current;
      }}
      onClick={(event) => {
        if (event.target === ref.current && pressedOnBackdrop.current) onClose();
      }}
      className={`bg-white p-0 text-zinc-900 backdrop:bg-zinc-950/50 dark:bg-zinc-900 dark:text-zinc-100 ${PANEL[variant]} ${variant === "center" ? WIDTHS[size] : ""}`}
    >
      {open ? (
        <div className={`flex flex-col ${variant === "center" ? "max-h-[85vh]" : "h-full"}`}>
          <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
            <div className="min-w-0">
              <h2 id={titleId} className="text-base font-semibold">
                {title}
              </h2>
              {description ? <div className="mt-1 text-sm text-zinc-500 dark:text-zinc-400">{description}</div> : null}
            </div>
            <button
              type="button"
              onClick={onClose}
              aria-label="Close"
              data-testid={testId ? `${testId}-close` : undefined}
              className="rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:hover:bg-zinc-800 dark:hover:text-zinc-100"
            >
              <span aria-hidden className="block h-5 w-5 text-lg leading-5">
                ×
              </span>
            </button>
          </div>
          <div ref={body} className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
          {footer ? (
            <div className="flex items-center justify-end gap-2 border-t border-zinc-200 bg-zinc-50 px-5 py-3 dark:border-zinc-800 dark:bg-zinc-900/60">{footer}</div>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}

/** Focus back on the element that opened the dialog, once React has finished with the DOM. */
function restoreFocus(element: HTMLElement | null) {
  if (!element) return;
  queueMicrotask(() => {
    if (element.isConnected && !element.closest("dialog:not([open])")) element.focus();
  });
}

/** Buttons at the bottom of a dialog's form, right-aligned. */
export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="mt-5 flex justify-end gap-2">{children}</div>;
}
