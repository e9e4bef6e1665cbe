import { useState } from 'react';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { useDebounced } from '../../components/hooks';
import { errorText } from '../../i18n';
import { deliverFile } from '../attachments/files';
import { MANDATE_STATES, type MandateState } from '../../../../shared/domain/mandates';
import type { Mandate } from '../../../../shared/api/mandates';
import { mandateStateLabels, mandatesUi } from '../../../../shared/i18n/ru/mandates';
import { MandateCard } from './MandateCard';
import { MandateForm } from './MandateForm';
import './mandates.css';

/** The register by territory: a heading for each district, its наказы by settlement and number. */
function byDistrict(rows: readonly Mandate[]): [string, Mandate[]][] {
  const out = new Map<string, Mandate[]>();
  for (const m of rows) {
    const key = m.district ?? mandatesUi.noDistrict;
    out.set(key, [...(out.get(key) ?? []), m]);
  }
  return [...out];
}

/** «Наказы»: the register with its filters, a наказ's card beside it, a new наказ, the report. */
export function MandatesView() {
  const [status, setStatus] = useState<MandateState | ''>('');
  const [district, setDistrict] = useState<string | null>(null);
  const [year, setYear] = useState('');
  const [text, setText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const districts = useCall('mandates.districts', {});
  const yearNumber = /^\d{4}$/.test(year) ? Number(year) : undefined;
  const filter = {
    ...(status ? { status: [status] } : {}),
    ...(district !== null ? { district } : {}),
    ...(yearNumber ? { year: yearNumber } : {}),
    ...(q ? { q } : {}),
  };
  const list = useCall('mandates.list', { ...filter, limit: 200 });
  const f = mandatesUi.filters;
  const report = async (format: 'docx' | 'xlsx') => {
    const file = await call('mandates.report', {
      format,
      ...(yearNumber ? { year: yearNumber } : {}),
      ...(district ? { district } : {}),
      ...(status ? { status: [status] } : {}),
    });
    await deliverFile(file.name, file.mime, file.dataBase64);
  };
  return (
    <section className="page mandates">
      <div className="mandates__head">
        <h1 className="page__title">{mandatesUi.title}</h1>
        <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
          {mandatesUi.newMandate}
        </button>
      </div>
      <div className="panel mandates__filters" role="search">
        <Field id="mandates-status" label={f.status}>
          {(a) => (
            <select
              id="mandates-status"
              value={status}
              onChange={(e) => setStatus(e.target.value as MandateState | '')}
              {...a}
            >
              <option value="">{f.all}</option>
              {MANDATE_STATES.map((s) => (
                <option key={s} value={s}>
                  {mandateStateLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mandates-district" label={f.district}>
          {(a) => (
            <select
              id="mandates-district"
              value={district === null ? '*' : district}
              onChange={(e) => setDistrict(e.target.value === '*' ? null : e.target.value)}
              {...a}
            >
              <option value="*">{f.all}</option>
              {(districts.data ?? []).map((d) => (
                <option key={d.district ?? ''} value={d.district ?? ''}>
                  {d.district ?? mandatesUi.noDistrict} ({d.count})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="mandates-q" label={mandatesUi.search} error={list.error ? errorText(list.error) : null}>
          {(a) => (
            <input
              id="mandates-q"
              type="search"
              placeholder={mandatesUi.searchPlaceholder}
              value={text}
              onChange={(e) => setText(e.target.value)}
              {...a}
            />
          )}
        </Field>
        <Field id="mandates-year" label={f.year}>
          {(a) => (
            <input
              id="mandates-year"
              inputMode="numeric"
              value={year}
              onChange={(e) => setYear(e.target.value)}
              {...a}
            />
          )}
        </Field>
        <div className="mandates__report">
          <span>{mandatesUi.report}</span>
          <button type="button" className="btn" onClick={() => void report('docx')}>
            {mandatesUi.reportDocx}
          </button>
          <button type="button" className="btn" onClick={() => void report('xlsx')}>
            {mandatesUi.reportXlsx}
          </button>
        </div>
      </div>
      {creating ? (
        <MandateForm
          onCancel={() => setCreating(false)}
          onDone={(id) => {
            setCreating(false);
            setOpen(id);
          }}
        />
      ) : null}
      <div className={open ? 'mandates__body mandates__body--card' : 'mandates__body'}>
        <div className="mandates__list" data-testid="mandates-list">
          <p className="muted">{mandatesUi.found(list.data?.total ?? 0)}</p>
          {list.data?.rows.length === 0 ? <p className="muted">{mandatesUi.empty}</p> : null}
          {byDistrict(list.data?.rows ?? []).map(([name, rows]) => (
            <section key={name} className="mandates__group">
              <h2>{name}</h2>
              <ul className="mandates__rows">
                {rows.map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="mandates__row"
                      aria-current={open === m.id ? 'true' : undefined}
                      onClick={() => setOpen(m.id)}
                    >
                      <span className="mandates__number">№ {m.number}</span>
                      <span className="mandates__text">{m.text}</span>
                      <span className="muted">{m.settlement ?? ''}</span>
                      <span className={`pill pill--mandate-${m.status}`}>{mandateStateLabels[m.status]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
        {open ? <MandateCard key={open} id={open} onClose={() => setOpen(null)} /> : null}
      </div>
    </section>
  );
}
