'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  dismissLabel: string;
  onConfirm: () => void;
  onDismiss: () => void;
}

/**
 * A modal confirmation built on <dialog>: the browser traps focus, Escape dismisses, and focus
 * returns to the button that opened it. The safe choice ("go back") has the initial focus.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, dismissLabel, onConfirm, onDismiss }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => open && onDismiss()}
      data-testid="confirm-dialog"
    >
      <h2 id={titleId}>{title}</h2>
      <div id={bodyId} className="confirm-body">
        {children}
      </div>
      <div className="confirm-actions">
        <button type="button" className="button" autoFocus onClick={onDismiss} data-testid="confirm-dismiss">
          {dismissLabel}
        </button>
        <button type="button" className="button danger" onClick={onConfirm} data-testid="confirm-accept">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
