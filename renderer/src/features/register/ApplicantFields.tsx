import { useState, type KeyboardEvent } from 'react';
import type { Output } from '../../../../shared/api/index';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { useDebounced } from '../../components/hooks';
import { labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { fillFromContact } from './input';

type Candidate = Output<'contacts.lookup'>[number];

const LIST_ID = 'reg-candidates';

/** Contacts that may be this applicant, looked up while the assistant types the phone or the name. */
function useLookup(query: { phone: string; lastName: string; firstName: string } | null): Candidate[] {
  const key = useDebounced(query ? JSON.stringify(query) : '', 300);
  const q = key ? (JSON.parse(key) as { phone: string; lastName: string; firstName: string }) : null;
  const found = useCall(
    'contacts.lookup',
    {
      phone: q?.phone || undefined,
      lastName: q?.lastName || undefined,
      firstName: q?.firstName || undefined,
      limit: 8,
    },
    { enabled: q !== null },
  );
  // A failed suggestion is not worth an error on the desk: registration still checks for matches.
  return found.loading || found.error ? [] : (found.data ?? []);
}

export function ApplicantFields({ errors }: { errors: Record<string, string> }) {
  const d = useStore((s) => s.draft);
  const setDraft = useStore((s) => s.setDraft);
  const r = ui.register;

  const phoneDigits = d.phone.replace(/\D/g, '').length;
  const wanted =
    !d.contact && (phoneDigits >= 5 || d.lastName.trim().length >= 2)
      ? {
          phone: phoneDigits >= 5 ? d.phone : '',
          lastName: d.lastName.trim(),
          firstName: d.lastName.trim() ? d.firstName.trim() : '',
        }
      : null;
  const candidates = useLookup(wanted);
  // Both are tied to the list they were made for: a new answer starts with nothing active and shows again.
  const [active, setActive] = useState<{ list: Candidate[]; index: number } | null>(null);
  const [dismissed, setDismissed] = useState<Candidate[] | null>(null);
  const open = candidates.length > 0 && dismissed !== candidates && !d.contact;
  const activeIndex = open && active?.list === candidates ? active.index : -1;

  const choose = (c: Candidate): void => {
    setDraft(fillFromContact(d, c));
    setActive(null);
    // The applicant is complete now: on to the next field left to type, the appeal's substance.
    requestAnimationFrame(() => {
      const next = ['reg-summary', 'reg-text']
        .map((id) => document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | null)
        .find((el) => el && !el.value.trim());
      next?.focus();
    });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (!open || e.altKey || e.ctrlKey || e.metaKey) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = candidates.length;
      const index =
        e.key === 'ArrowDown' ? (activeIndex + 1) % n : activeIndex <= 0 ? n - 1 : activeIndex - 1;
      setActive({ list: candidates, index });
    } else if (e.key === 'Enter' && activeIndex >= 0) {
      e.preventDefault();
      const c = candidates[activeIndex];
      if (c) choose(c);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDismissed(candidates);
      setActive(null);
    }
  };

  const combo = (id: string) => ({
    role: 'combobox' as const,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': open,
    'aria-controls': LIST_ID,
    'aria-activedescendant': activeIndex >= 0 ? `${LIST_ID}-${activeIndex}` : undefined,
    onKeyDown,
    id,
  });
  const text = (key: 'phone' | 'lastName' | 'firstName' | 'middleName' | 'address' | 'email') => ({
    value: d[key],
    onChange: (e: { target: { value: string } }) => setDraft({ [key]: e.target.value }),
    autoComplete: 'off',
  });

  return (
    <fieldset className="fieldset">
      <legend>{r.applicantSection}</legend>
      <div className="grid4">
        <Field id="reg-phone" label={r.phone} error={errors['reg-phone']}>
          {(a) => <input {...combo('reg-phone')} {...a} {...text('phone')} type="tel" />}
        </Field>
        <Field id="reg-lastName" label={r.lastName} error={errors['reg-lastName']}>
          {(a) => <input {...combo('reg-lastName')} {...a} {...text('lastName')} />}
        </Field>
        <Field id="reg-firstName" label={r.firstName} error={errors['reg-firstName']}>
          {(a) => <input id="reg-firstName" {...a} {...text('firstName')} />}
        </Field>
        <Field id="reg-middleName" label={r.middleName} error={errors['reg-middleName']}>
          {(a) => <input id="reg-middleName" {...a} {...text('middleName')} />}
        </Field>
      </div>
      {d.contact ? (
        <div className="chosen" role="status">
          <div>
            <strong>{r.chosen(d.contact.fullName || ui.none)}</strong>
            <div className="muted">{r.chosenNote}</div>
          </div>
          <button type="button" className="btn btn--small" onClick={() => setDraft({ contact: null })}>
            {r.unchoose}
          </button>
        </div>
      ) : null}
      <div className="candidates" hidden={!open}>
        <div className="candidates__head">
          <span>{r.candidatesTitle}</span>
          <span className="muted">{r.candidatesHint}</span>
        </div>
        <ul id={LIST_ID} role="listbox" aria-label={r.candidatesTitle}>
          {(open ? candidates : []).map((c, i) => (
            <li
              key={c.id}
              id={`${LIST_ID}-${i}`}
              role="option"
              aria-selected={i === activeIndex}
              className="candidate"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(c)}
            >
              <span className="candidate__name">{c.fullName || ui.none}</span>
              <span className="candidate__meta">
                {[c.phones[0], c.address, c.email].filter(Boolean).join(' · ')}
              </span>
              <span className="candidate__why">
                {labels.matchedByLabels[c.matchedBy]}, {r.candidateAppeals(c.appealsCount)}
              </span>
            </li>
          ))}
        </ul>
      </div>
      <div className="grid4">
        <Field id="reg-address" label={r.address} error={errors['reg-address']} className="span3">
          {(a) => <input id="reg-address" {...a} {...text('address')} />}
        </Field>
        <Field id="reg-email" label={r.email} error={errors['reg-email']}>
          {(a) => <input id="reg-email" {...a} {...text('email')} type="email" />}
        </Field>
      </div>
    </fieldset>
  );
}
