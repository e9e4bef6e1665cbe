import { useState } from 'react';
import { call } from '../../api/client';
import { mayCall } from '../../api/access';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { useStore } from '../../store';
import { JURISDICTIONS, type Jurisdiction } from '../../../../shared/domain/own-requests';
import { jurisdictionLabels, ownRequestsUi as t } from '../../../../shared/i18n/ru/own-requests';

/** Whose law sets the answer term of the deputy's requests; the office head or the administrator sets it. */
export function JurisdictionSetting() {
  const role = useStore((s) => s.user?.role);
  const current = useCall('ownRequests.jurisdiction', {});
  const [choice, setChoice] = useState<Jurisdiction | null>(null);
  const [days, setDays] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (!current.data) return null;
  const may = mayCall(role, 'ownRequests.setJurisdiction');
  const j = choice ?? current.data.jurisdiction;
  if (!may) return <div className="page__meta">{t.term(current.data.days)}</div>;
  const save = async () => {
    try {
      setError(null);
      await call('ownRequests.setJurisdiction', {
        jurisdiction: j,
        ...(j === 'region' ? { days: Number(days || current.data!.days) } : {}),
      });
      setChoice(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="own-jurisdiction">
      <Field id="own-jurisdiction" label={t.jurisdiction}>
        {(a) => (
          <select
            id="own-jurisdiction"
            value={j}
            onChange={(e) => setChoice(e.target.value as Jurisdiction)}
            {...a}
          >
            {JURISDICTIONS.map((k) => (
              <option key={k} value={k}>
                {jurisdictionLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {j === 'region' ? (
        <Field id="own-days" label={t.days}>
          {(a) => (
            <input
              id="own-days"
              inputMode="numeric"
              placeholder={String(current.data!.days)}
              value={days}
              onChange={(e) => setDays(e.target.value)}
              {...a}
            />
          )}
        </Field>
      ) : null}
      <button
        type="button"
        className="btn"
        disabled={choice === null && j !== 'region'}
        onClick={() => void save()}
      >
        {t.setTerm}
      </button>
      <span className="muted">{t.term(current.data.days)}</span>
      {error ? (
        <span className="field__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
