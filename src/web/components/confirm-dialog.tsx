import { type FormEvent, type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface DialogProps {
  /** Whether the dialog is open. */
  isOpen: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra classes, e.g. `dialog-full-screen` for a dialog that covers the whole screen. */
  className?: string;
}

/**
 * A modal built on the native <dialog>: the browser traps focus, Escape closes it, and focus
 * returns to the button that opened it.
 */
export function Dialog({ isOpen, title, onClose, children, className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen]);
  return (
    <dialog ref={ref} aria-labelledby={titleId} onClose={onClose} className={className ? `dialog ${className}` : 'dialog'}>
      {isOpen ? (
        <>
          <h2 id={titleId}>{title}</h2>
          {children}
        </>
      ) : null}
    </dialog>
  );
}

interface ConfirmDialogProps {
  isOpen: boolean;
  title: string;
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<void> | void;
  onCancel: () => void;
  isDangerous?: boolean;
  error?: string | null;
}

/** Asks "are you sure?" before something that cannot be undone easily. */
export function ConfirmDialog({ isOpen, title, message, confirmLabel, onConfirm, onCancel, isDangerous, error }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void onConfirm();
  };
  return (
    <Dialog isOpen={isOpen} title={title} onClose={onCancel}>
      <form onSubmit={submit}>
        <div className="dialog-body">{message}</div>
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form-actions">
          <button type="submit" className={isDangerous ? 'button button-danger' : 'button'}>
            {confirmLabel}
          </button>
          <button type="button" className="button button-secondary" onClick={onCancel}>
            {t('Annuleren')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
