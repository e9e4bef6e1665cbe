import { useState } from 'react';
import { CONSENT_PURPOSES, type ContactFilter } from '../../../../shared/api/contacts';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { useDebounced } from '../../components/hooks';
import { contactsText, errorText, ui } from '../../i18n';
import { deliverFile } from '../attachments/files';
import { classifierText } from '../../../../shared/i18n/ru/classifier';
import { TopicPicker } from '../classifier/TopicPicker';
import { FieldConditions } from './FieldConditions';

const k = contactsText.segments;
const x = contactsText.export;

type Status = { code: string; name: string };

/** Export of a segment or a filter to one file; outreach is refused by the server for people without consent. */
export function ExportPanel(props: { filter?: ContactFilter; segmentId?: string; label: string }) {
  const [format, setFormat] = useState<'csv' | 'csv-utf8' | 'xlsx'>('csv');
  const [purpose, setPurpose] = useState<'outreach' | 'records'>('outreach');
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(): Promise<void> {
    setBusy(true);
    setNotice(null);
    try {
      const r = await call('contacts.export', {
        filter: props.segmentId ? undefined : props.filter,
        segmentId: props.segmentId,
        format: format === 'xlsx' ? 'xlsx' : 'csv',
        encoding: format === 'csv-utf8' ? 'utf-8' : 'cp1251',
        purpose,
      });
      if (r.dataBase64) await deliverFile(r.name, r.mime, r.dataBase64);
      setNotice({ ok: true, text: x.done(r.count) });
    } catch (e) {
      const missing = isCallError(e)
        ? (e.details as { withoutConsent?: number } | undefined)?.withoutConsent
        : undefined;
      setNotice({ ok: false, text: missing !== undefined ? x.noConsent(missing) : errorText(e) });
    } finally {
      setBusy(false);
    }
  }

  const id = props.segmentId ?? 'filter';
  return (
    <div className="export" aria-label={`${x.title}: ${props.label}`} role="group">
      <select
        aria-label={x.format}
        value={format}
        onChange={(e) => setFormat(e.target.value as typeof format)}
      >
        <option value="csv">{x.csv}</option>
        <option value="csv-utf8">{x.csvUtf8}</option>
        <option value="xlsx">{x.xlsx}</option>
      </select>
      <select
        id={`export-purpose-${id}`}
        aria-label={x.purpose}
        value={purpose}
        onChange={(e) => setPurpose(e.target.value as typeof purpose)}
      >
        <option value="outreach">{x.outreach}</option>
        <option value="records">{x.records}</option>
      </select>
      <button type="button" className="btn btn--small" disabled={busy} onClick={() => void run()}>
        {x.run}
      </button>
      {notice ? (
        <span role="status" className={notice.ok ? 'export__ok' : 'export__error'}>
          {notice.text}
        </span>
      ) : null}
    </div>
  );
}

/** Conditions of a segment, with the count of people they select, live. */
export function FilterForm(props: {
  filter: ContactFilter;
  statuses: Status[];
  onChange(f: ContactFilter): void;
}) {
  const f = props.filter;
  const set = (patch: Partial<ContactFilter>): void => {
    const next: Record<string, unknown> = { ...f, ...patch };
    for (const key of Object.keys(next)) if (next[key] === undefined || next[key] === '') delete next[key];
    props.onChange(next as ContactFilter);
  };
  const consentValue = f.consent ? `${f.consent.given ? '+' : '-'}${f.consent.purpose}` : '';
  return (
    <div className="filter-form">
      <Field id="seg-district" label={k.district}>
        {(a) => (
          <input
            id="seg-district"
            {...a}
            value={f.district ?? ''}
            onChange={(e) => set({ district: e.target.value || undefined })}
          />
        )}
      </Field>
      <Field id="seg-source" label={k.source}>
        {(a) => (
          <input
            id="seg-source"
            {...a}
            value={f.source ?? ''}
            onChange={(e) => set({ source: e.target.value || undefined })}
          />
        )}
      </Field>
      <Field id="seg-status" label={k.status}>
        {(a) => (
          <select
            id="seg-status"
            {...a}
            value={f.statuses?.[0] ?? ''}
            onChange={(e) => set({ statuses: e.target.value ? [e.target.value] : undefined })}
          >
            <option value="">{k.any}</option>
            {props.statuses.map((s) => (
              <option key={s.code} value={s.code}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="seg-tag" label={k.tag}>
        {(a) => (
          <input
            id="seg-tag"
            {...a}
            value={f.tags?.[0] ?? ''}
            onChange={(e) => set({ tags: e.target.value.trim() ? [e.target.value.trim()] : undefined })}
          />
        )}
      </Field>
      <Field id="seg-consent" label={k.consent}>
        {(a) => (
          <select
            id="seg-consent"
            {...a}
            value={consentValue}
            onChange={(e) => {
              const v = e.target.value;
              set({
                consent: v
                  ? { given: v.startsWith('+'), purpose: v.slice(1) as (typeof CONSENT_PURPOSES)[number] }
                  : undefined,
              });
            }}
          >
            <option value="">{k.consentAny}</option>
            {CONSENT_PURPOSES.flatMap((p) => [
              <option key={`+${p}`} value={`+${p}`}>
                {k.consentGiven(contactsText.purposes[p])}
              </option>,
              <option key={`-${p}`} value={`-${p}`}>
                {k.consentMissing(contactsText.purposes[p])}
              </option>,
            ])}
          </select>
        )}
      </Field>
      <Field id="seg-since" label={k.appealedSince}>
        {(a) => (
          <DateInput
            id="seg-since"
            {...a}
            value={f.appealed?.since ?? ''}
            onChange={(v) =>
              set({
                appealed: v || f.appealed?.topicPrefix ? { ...f.appealed, since: v || undefined } : undefined,
              })
            }
          />
        )}
      </Field>
      <FieldConditions value={f.fields} onChange={(fields) => set({ fields })} />
      <Field id="seg-topic" label={k.topic} hint={k.topicHint}>
        {(a) => (
          <TopicPicker
            id="seg-topic"
            a11y={a}
            scope="any"
            max={1}
            placeholder={classifierText.filterPlaceholder}
            value={f.appealed?.topicPrefix ? [f.appealed.topicPrefix] : []}
            onChange={(codes) => {
              const v = codes[0];
              set({
                appealed: v || f.appealed?.since ? { ...f.appealed, topicPrefix: v } : undefined,
              });
            }}
          />
        )}
      </Field>
    </div>
  );
}

/** Saved filters over the base: a segment is a list for outreach, counted live and exported in one file. */
export function Segments(props: { statuses: Status[]; onShow(f: ContactFilter): void }) {
  const [filter, setFilter] = useState<ContactFilter>({});
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const debounced = useDebounced(filter, 250);
  const counted = useCall('contacts.count', { filter: debounced });
  const count = counted.data?.count ?? null;
  // Saving or deleting a segment is a write: the list reads again by itself.
  const listed = useCall('segments.list', {});
  const saved = listed.data ?? null;
  const readError = counted.error ?? listed.error;
  const shownError = error ?? (readError ? errorText(readError) : null);

  return (
    <section aria-label={contactsText.tabs.segments}>
      {shownError ? <div className="banner banner--error">{shownError}</div> : null}
      <FilterForm filter={filter} statuses={props.statuses} onChange={setFilter} />
      <p aria-live="polite" data-testid="segment-count">
        {k.liveCount}: <strong>{count === null ? ui.loading : contactsText.count(count)}</strong>{' '}
        <button type="button" className="btn btn--small" onClick={() => props.onShow(filter)}>
          {contactsText.fields.showInList}
        </button>
      </p>
      <form
        className="contact-card__form"
        onSubmit={(e) => {
          e.preventDefault();
          call('segments.save', { name, filter }).then(
            () => setName(''),
            (err: unknown) => setError(errorText(err)),
          );
        }}
      >
        <Field id="seg-name" label={k.name}>
          {(a) => <input id="seg-name" {...a} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
        <button type="submit" className="btn btn--primary">
          {k.save}
        </button>
      </form>
      <h3>{k.saved}</h3>
      {saved?.length === 0 ? <p className="muted">{k.none}</p> : null}
      <ul className="segments">
        {saved?.map((s) => (
          <li key={s.id} className="panel segment">
            <div className="segment__head">
              <strong>{s.name}</strong>{' '}
              <span data-testid="saved-segment-count">{contactsText.count(s.count)}</span>
              <button type="button" className="btn btn--small" onClick={() => props.onShow(s.filter)}>
                {k.show}
              </button>
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() =>
                  void call('segments.delete', { id: s.id }).catch((e: unknown) => setError(errorText(e)))
                }
              >
                {k.delete}
              </button>
            </div>
            <ExportPanel segmentId={s.id} label={s.name} />
          </li>
        ))}
      </ul>
    </section>
  );
}
