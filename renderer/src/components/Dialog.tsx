import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { ui, workflowText } from '../i18n';
import { Kbd } from './Field';
import './dialog.css';

/**
 * A small modal form: the browser's own <dialog> keeps focus inside and above the page. Ctrl+Enter saves
 * from any field, Escape closes; both are claimed here so the desk's global keys never see them.
 */
export function Dialog(props: {
  id: string;
  title: string;
  submitLabel: string;
  busy: boolean;
  error: string | null;
  onSubmit(): void;
  onClose(): void;
  wide?: boolean;
  children: ReactNode;
}) {
  const { id, onClose, onSubmit } = props;
  const ref = useRef<HTMLDialogElement>(null);

  // A layout effect: the dialog must close while it is still in the page, so the browser can hand
  // focus back to where it was.
  useLayoutEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const first =
      d.querySelector<HTMLElement>('[data-autofocus]') ??
      d.querySelector<HTMLElement>('.dialog__body input, .dialog__body select, .dialog__body textarea');
    first?.focus();
    return () => {
      if (d.open) d.close();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      id={id}
      className={`dialog${props.wide ? ' dialog--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          onSubmit();
        }
      }}
    >
      <form
        className="dialog__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit();
        }}
      >
        <h2 id={`${id}-title`} className="dialog__title">
          {props.title}
        </h2>
        <div className="dialog__body">{props.children}</div>
        <div className="live" aria-live="assertive">
          {props.error ? <p className="banner banner--error">{props.error}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={props.busy}>
            {props.busy ? ui.saving : props.submitLabel} <Kbd>Ctrl+Enter</Kbd>
          </button>
          <button type="button" className="btn btn--ghost" onClick={onClose}>
            {workflowText.form.close} <Kbd>Esc</Kbd>
          </button>
        </div>
      </form>
    </dialog>
  );
}
