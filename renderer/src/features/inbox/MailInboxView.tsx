import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { INTAKE_STATES, type IntakeRow, type IntakeState } from '../../../../shared/api/mail-intake';
import { intakeStateText, mailIntakeUi as t } from '../../../../shared/i18n/ru/mail-intake';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Kbd } from '../../components/Field';
import { type Column } from '../../components/KeyTable';
import { TriageList } from '../../components/TriageList';
import { errorText, formatInstant, ui } from '../../i18n';
import { useStore } from '../../store';
import { ItemPane } from './ItemPane';
import { registerFromItem } from './prefill';
import { webApplicationsUi as w } from '../../../../shared/i18n/ru/web-applications';
import { WebApplicationsView } from '../web-applications/WebApplicationsView';
import './mail-inbox.css';

/**
 * «Входящие»: the messages taken from the office's mailboxes, newest first, and the one selected beside
 * them. Keyboard first: ↑/↓ choose, Enter opens the registration form filled from the message, N marks
 * it not an appeal, F5 checks the mail now.
 */
export function MailInboxView() {
  const [source, setSource] = useState<'mail' | 'web'>('mail');
  const tabs = (
    <div className="mailin__tabs" role="group" aria-label={w.tabsLabel}>
      {(['mail', 'web'] as const).map((s) => (
        <button
          key={s}
          type="button"
          className={`btn btn--small${source === s ? ' btn--primary' : ''}`}
          aria-pressed={source === s}
          onClick={() => setSource(s)}
        >
          {s === 'mail' ? w.tabMail : w.tabWeb}
        </button>
      ))}
    </div>
  );
  if (source === 'web')
    return (
      <section className="page mailin" aria-labelledby="mail-title">
        <div className="page__header">
          <h1 className="page__title" id="mail-title">
            {t.title}
          </h1>
          {tabs}
        </div>
        <WebApplicationsView />
      </section>
    );
  return <MailList tabs={tabs} />;
}

function MailList({ tabs }: { tabs: ReactNode }) {
  const tz = useStore((s) => s.office?.timeZone);
  const [state, setState] = useState<IntakeState | ''>('new');
  const [selected, setSelected] = useState<IntakeRow | null>(null);
  const [dismissing, setDismissing] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [fetching, setFetching] = useState(false);
  const list = useCall('mail.intake', { state: state || undefined });
  const item = useCall('mail.intakeItem', { id: selected?.id ?? '' }, { enabled: !!selected });
  const current = item.data && item.data.id === selected?.id ? item.data : null;
  const rows = list.data?.rows ?? null;

  const onSelect = useCallback((row: IntakeRow | null) => {
    setSelected(row);
    setDismissing(false);
  }, []);

  const fetchNow = (): void => {
    if (fetching) return;
    setFetching(true);
    setNotice(null);
    call('mail.fetchNow', {})
      .then(
        (r) => {
          const failed = r.mailboxes.find((m) => m.error);
          setNotice(
            failed
              ? { ok: false, text: `${failed.name}: ${failed.error}` }
              : { ok: true, text: t.fetched(r.taken) },
          );
        },
        (e: unknown) => setNotice({ ok: false, text: errorText(e) }),
      )
      .finally(() => setFetching(false));
  };

  // F5 anywhere on the screen checks the mail (and never reloads the page in browser mode).
  const fetchRef = useRef(fetchNow);
  useEffect(() => {
    fetchRef.current = fetchNow;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'F5') return;
      e.preventDefault();
      fetchRef.current();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const columns: Array<Column<IntakeRow>> = [
    {
      key: 'from',
      header: t.from,
      cell: (r) => r.fromName ?? r.fromAddress ?? t.unknownSender,
      className: 'mailin__from',
    },
    {
      key: 'subject',
      header: t.subject,
      cell: (r) => r.subject || t.noSubject,
      className: 'mailin__subject',
    },
    { key: 'date', header: t.date, cell: (r) => formatInstant(r.receivedAt, tz) },
    { key: 'files', header: t.files, cell: (r) => (r.files > 0 ? String(r.files) : '') },
    {
      key: 'state',
      header: t.state,
      cell: (r) =>
        r.problem || r.autoReply || r.bounce
          ? `${intakeStateText[r.state]} ⚠`
          : r.regNumber
            ? `${intakeStateText[r.state]} ${r.regNumber}`
            : intakeStateText[r.state],
    },
  ];

  return (
    <section className="page mailin" aria-labelledby="mail-title">
      <div className="page__header">
        <h1 className="page__title" id="mail-title">
          {t.title}
          {list.data && list.data.unregistered > 0 ? (
            <span className="mailin__count"> ({list.data.unregistered})</span>
          ) : null}
        </h1>
        {tabs}
        <div className="mailin__tools">
          <label htmlFor="mail-state" className="sr-only">
            {t.state}
          </label>
          <select
            id="mail-state"
            value={state}
            onChange={(e) => setState(e.target.value as IntakeState | '')}
          >
            <option value="">{t.all}</option>
            {INTAKE_STATES.map((s) => (
              <option key={s} value={s}>
                {intakeStateText[s]}
              </option>
            ))}
          </select>
          <button type="button" className="btn" disabled={fetching} onClick={fetchNow}>
            {fetching ? t.fetching : t.fetchNow} <Kbd>F5</Kbd>
          </button>
        </div>
      </div>
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
        {list.error ? <p className="banner banner--error">{errorText(list.error)}</p> : null}
      </div>
      {!rows && !list.error ? <p className="muted">{ui.loading}</p> : null}
      {rows && rows.length === 0 ? <p className="empty">{t.empty}</p> : null}
      {rows && rows.length > 0 ? (
        <div className="mailin__split">
          <TriageList
            id="mail-list"
            label={t.listLabel}
            hint={t.keys}
            rows={rows}
            columns={columns}
            onSelect={onSelect}
            onRegister={current?.state === 'new' ? () => registerFromItem(current) : null}
            onDismiss={current?.state === 'new' ? () => setDismissing(true) : null}
          />
          <div className="mailin__pane">
            {current ? (
              <ItemPane item={current} dismissing={dismissing} setDismissing={setDismissing} />
            ) : (
              <p className="muted">{item.error ? errorText(item.error) : t.pick}</p>
            )}
          </div>
        </div>
      ) : null}
    </section>
  );
}
