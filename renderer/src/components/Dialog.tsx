import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { ui, workflowText } from '../i18n';
import { Kbd } from './Field';
import './dialog.css';

/** The label the user sees beside a control, and the error shown under it. */
function labelled(root: HTMLElement, el: HTMLElement): string | null {
  if (!el.id) return null;
  const label = root.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent?.trim();
  const error = root.querySelector(`#${CSS.escape(el.id)}-error`)?.textContent?.trim();
  return label && error ? `${label}: ${error}` : null;
}

/**
 * When fields are marked wrong, whether by the form's own checks or by the server's refusal: the
 * cursor goes to the first of them, and the message (announced) names each by the label on screen —
 * not by the contract's field, whose generic name may be another form's («Текст обращения» for a
 * resolution's text).
 */
function useNamedErrors(ref: { current: HTMLElement | null }, error: string | null): string | null {
  const [named, setNamed] = useState<string | null>(null);
  const seen = useRef('');
  // After every render: the marks are the form's, set by its children; `seen` stops a repeat.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const invalid = [...root.querySelectorAll<HTMLElement>('[aria-invalid="true"]')];
    const parts = invalid.map((el) => labelled(root, el)).filter((x): x is string => !!x);
    const key = `${error ?? ''}|${parts.join('|')}`;
    if (key === seen.current) return;
    seen.current = key;
    setNamed(parts.length ? parts.join('. ') : null);
    // Typing in one marked field while another's mark goes away leaves the cursor where it is.
    if (!invalid.includes(document.activeElement as HTMLElement)) invalid[0]?.focus();
  });
  return named;
}

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
  const named = useNamedErrors(ref, props.error);

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
          {named || props.error ? <p className="banner banner--error">{named ?? props.error}</p> : null}
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
