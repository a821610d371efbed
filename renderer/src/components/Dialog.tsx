/**
 * A modal dialog on the native <dialog> element, opened with showModal(): the rest of the page is
 * inert (focus stays inside), Esc cancels, and the box never grows past the window (it scrolls
 * inside instead, so its buttons stay reachable at 1280×720). Every dialog of the app uses it.
 */
import { useEffect, useLayoutEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** Esc, or the caller's cancel button. */
  onClose: () => void;
  className?: string;
  /** role="alertdialog" for confirmations of destructive actions. */
  alert?: boolean;
}

export function Dialog({ title, children, onClose, className, alert }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    const before = document.activeElement as HTMLElement | null;
    return () => before?.focus?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`pz-dialog${className ? ` ${className}` : ''}`}
      role={alert ? 'alertdialog' : undefined}
      aria-label={title}
      onCancel={(e) => {
        // Esc: React decides (the caller unmounts us); the browser must not close it behind React's back.
        e.preventDefault();
        close.current();
      }}
      onKeyDown={(e) => {
        // Keys pressed in a dialog are not the document view's shortcuts.
        e.stopPropagation();
        if (e.key === 'Tab') trapTab(e.nativeEvent, e.currentTarget);
      }}
    >
      <h2>{title}</h2>
      {children}
    </dialog>
  );
}

const FOCUSABLE =
  'button:not(:disabled), [href], input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/** Tab and Shift+Tab cycle inside the dialog instead of leaving it for the browser's chrome. */
function trapTab(e: KeyboardEvent, dialog: HTMLElement): void {
  const items = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  if (items.length === 0) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !dialog.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !dialog.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}
