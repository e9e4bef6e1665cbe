import { useCallback, useState } from 'react';
import { WEB_DISMISS_REASONS, type WebApplication } from '../../../../shared/api/web-applications';
import { webApplicationsUi as t } from '../../../../shared/i18n/ru/web-applications';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { ReasonForm } from '../../components/ReasonForm';
import { TriageActions, TriageList, TriageOutcome } from '../../components/TriageList';
import { type Column } from '../../components/KeyTable';

import { attachmentsText, errorText, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { registerFromWeb } from './prefill';

const nameOf = (a: WebApplication): string =>
  [a.surname, a.firstName, a.patronymic].filter(Boolean).join(' ');
const placeOf = (a: WebApplication): string =>
  [a.region, a.district, a.settlement].filter(Boolean).join(', ') || t.noPlace;

function DismissForm({ id, onDone }: { id: string; onDone(): void }) {
  return (
    <ReasonForm
      idPrefix="web"
      testId="web-dismiss"
      reasons={WEB_DISMISS_REASONS}
      reasonText={t.reasons}
      labels={{ reason: t.dismissReason, note: t.dismissNote, confirm: t.dismissConfirm, cancel: t.cancel }}
      submit={(reason, note) => call('web.dismiss', { id, reason, note })}
      onDone={onDone}
    />
  );
}

/** One application opened: who, from where, when confirmed, the consent, the repeat flag and the text. */
function ApplicationPane({
  id,
  dismissing,
  setDismissing,
}: {
  id: string;
  dismissing: boolean;
  setDismissing(v: boolean): void;
}) {
  const tz = useStore((s) => s.office?.timeZone);
  const opened = useCall('web.application', { id });
  if (!opened.data || opened.data.application.id !== id)
    return <p className="muted">{opened.error ? errorText(opened.error) : ui.loading}</p>;
  const a = opened.data.application;
  const open = a.state === 'new';
  return (
    <article className="mailin__item" aria-labelledby="web-name" data-testid="web-item">
      <h2 id="web-name">{a.kind === 'volunteer' ? `${t.volunteer}: ${nameOf(a)}` : nameOf(a)}</h2>
      {a.repeatOf ? (
        <p className="banner banner--info" data-testid="web-repeat">
          {a.repeatOf.regNumber ? t.repeatOf(a.repeatOf.regNumber) : t.repeatUnregistered}
        </p>
      ) : null}
      <dl className="mailin__meta">
        <dt>{t.contacts}</dt>
        <dd>{[a.email, a.phone, a.postalAddress].filter(Boolean).join(' · ')}</dd>
        <dt>{t.place}</dt>
        <dd>{placeOf(a)}</dd>
        <dt>{t.confirmedAt}</dt>
        <dd>{formatInstant(a.confirmedAt, tz)}</dd>
        <dt>{t.consent}</dt>
        <dd title={a.consentText}>{t.consentVersion(a.consentVersion, t.by[a.confirmedBy] ?? '')}</dd>
        <dt>{t.state}</dt>
        <TriageOutcome
          testId="web-state"
          state={stateOf(a)}
          regNumber={a.regNumber}
          appealId={a.appealId}
          openAppeal={t.openAppeal}
          reason={a.rejectedReason ? (t.reasons[a.rejectedReason.split(':')[0]!] ?? a.rejectedReason) : null}
        />
      </dl>
      {open && a.kind === 'appeal' && !dismissing ? (
        <TriageActions
          register={t.register}
          dismiss={t.dismiss}
          onRegister={() => registerFromWeb(opened.data!)}
          onDismiss={() => setDismissing(true)}
        />
      ) : null}
      {open && dismissing ? <DismissForm id={a.id} onDone={() => setDismissing(false)} /> : null}
      {a.attachments.length > 0 ? (
        <section aria-labelledby="web-files" data-testid="web-files">
          <h3 id="web-files">{t.files}</h3>
          <ul>
            {a.attachments.map((f) => (
              <li key={f.sha256}>
                {f.name} <span className="muted">{attachmentsText.fileSize(f.size)}</span>
              </li>
            ))}
          </ul>
          {open ? <p className="muted">{t.filesNote}</p> : null}
        </section>
      ) : null}
      <h3>{t.text}</h3>
      <pre className="mailin__body" data-testid="web-text">
        {a.text}
      </pre>
    </article>
  );
}

/**
 * The web reception's applications in «Входящие», waiting ones first. ↑/↓ choose, Enter opens the
 * registration form filled from the application, N sets it aside with a reason.
 */
export function WebApplicationsView() {
  const tz = useStore((s) => s.office?.timeZone);
  const list = useCall('web.applications', {});
  const [selected, setSelected] = useState<WebApplication | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const onSelect = useCallback((row: WebApplication | null) => {
    setSelected(row);
    setDismissing(false);
  }, []);
  const rows = list.data?.rows ?? null;
  const columns: Array<Column<WebApplication>> = [
    { key: 'name', header: t.applicant, cell: nameOf, className: 'mailin__from' },
    { key: 'place', header: t.place, cell: placeOf },
    { key: 'date', header: t.confirmedAt, cell: (r) => formatInstant(r.confirmedAt, tz) },
    {
      key: 'state',
      header: t.state,
      cell: (r) =>
        `${stateOf(r)}${r.regNumber ? ` ${r.regNumber}` : ''}${r.repeatOf && r.state === 'new' ? ' ⚠' : ''}`,
    },
  ];
  if (list.error) return <p className="banner banner--error">{errorText(list.error)}</p>;
  if (!rows) return <p className="muted">{ui.loading}</p>;
  if (rows.length === 0) return <p className="empty">{t.empty}</p>;
  return (
    <div className="mailin__split">
      <TriageList
        id="web-list"
        label={t.listLabel}
        hint={t.keys}
        rows={rows}
        columns={columns}
        onSelect={onSelect}
        onRegister={
          selected?.state === 'new' && selected.kind === 'appeal'
            ? () => void call('web.application', { id: selected.id }).then(registerFromWeb, () => undefined)
            : null
        }
        onDismiss={selected?.state === 'new' ? () => setDismissing(true) : null}
      />
      <div className="mailin__pane">
        {selected ? (
          <ApplicationPane id={selected.id} dismissing={dismissing} setDismissing={setDismissing} />
        ) : (
          <p className="muted">{t.pick}</p>
        )}
      </div>
    </div>
  );
}

/** What became of an application: a volunteer's sign-up goes to Контакты, not to the registry. */
function stateOf(a: WebApplication): string {
  return a.kind === 'volunteer' && a.state === 'registered'
    ? t.volunteerTaken
    : (t.states[a.state] ?? a.state);
}
