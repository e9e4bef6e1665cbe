import { useState } from 'react';
import type { AuditEntry } from '../../../../shared/api/audit';
import { audit as t } from '../../../../shared/i18n/ru/audit';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/hooks';

interface Option {
  id: string;
  label: string;
}

/**
 * The audit's contact or appeal: typed (a name, a phone, a registration number), picked from what the
 * base finds with ↓ and Enter, then shown as a chip that × (or Delete) clears.
 */
export function SubjectPicker(props: {
  kind: 'contact' | 'appeal';
  value: string | undefined;
  rows: readonly AuditEntry[] | null;
  onChange(id: string | undefined): void;
}) {
  const { kind, value } = props;
  const id = `audit-${kind}`;
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<Option | null>(null);
  const q = useDebounced(text.trim(), 250);
  const searching = !value && q.length >= 2;
  const contacts = useCall(
    'contacts.list',
    { filter: { q }, limit: 10 },
    { enabled: searching && kind === 'contact' },
  );
  const appeals = useCall(
    'appeals.list',
    { filter: { q }, limit: 10 },
    { enabled: searching && kind === 'appeal' },
  );
  const options: Option[] =
    kind === 'contact'
      ? (contacts.data?.rows ?? []).map((c) => ({
          id: c.id,
          label: c.address ? `${c.fullName}, ${c.address}` : c.fullName,
        }))
      : (appeals.data?.rows ?? []).map((a) => ({ id: a.id, label: `${a.regNumber} — ${a.applicantName}` }));

  const choose = (typed: string): void => {
    setText(typed);
    const o = options.find((x) => x.label === typed);
    if (o) {
      setPicked(o);
      setText('');
      props.onChange(o.id);
    }
  };

  // A reload keeps the filter, not the label: the entries about it name it.
  const fromRows = props.rows?.find((e) => e.subject?.kind === kind && e.subject.id === value)?.subject;
  const label = picked && picked.id === value ? picked.label : (fromRows?.label ?? t.picked);
  const title = kind === 'contact' ? t.filters.contact : t.filters.appeal;

  if (value)
    return (
      <div className="field audit__picked">
        <span className="audit__picked-title">{title}</span>
        <span className="audit__chip" data-testid={`${id}-chip`}>
          <span className="audit__chip-label">{label}</span>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            aria-label={t.filters.unpick(title)}
            onClick={() => props.onChange(undefined)}
          >
            ×
          </button>
        </span>
      </div>
    );
  return (
    <div className="field">
      <label htmlFor={id}>{title}</label>
      <input
        id={id}
        type="search"
        list={`${id}-options`}
        placeholder={kind === 'contact' ? t.filters.contactHint : t.filters.appealHint}
        value={text}
        onChange={(e) => choose(e.target.value)}
        autoComplete="off"
      />
      <datalist id={`${id}-options`}>
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
    </div>
  );
}
