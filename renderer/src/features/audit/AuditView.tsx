import { useState } from 'react';
import type { AuditAction, AuditEntry, AuditFilter } from '../../../../shared/api/audit';
import {
  audit as t,
  auditActionName,
  auditFilterActions,
  auditTransportNames,
} from '../../../../shared/i18n/ru/audit';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { KeyTable, type Column } from '../../components/KeyTable';
import { MoreRows, usePagedList } from '../../components/PagedList';
import { UserSelect } from '../../components/UserSelect';
import { errorText } from '../../i18n';
import { officeTimeFormat } from '../../../../shared/i18n/ru/time';
import type { Route } from '../../app/nav-slice';
import { ContactCard } from '../contacts/ContactCard';
import { useStore } from '../../store';
import { deliverFile } from '../attachments/files';
import { SubjectPicker } from './SubjectPicker';
import '../contacts/contacts.css';
import '../workflow/workflow.css';
import './audit.css';

const PAGE = 100;
const NO_FILTER: AuditFilter = {};
type Format = 'xlsx' | 'csv-1251' | 'csv-utf8';

function subjectRoute(e: AuditEntry): Route | null {
  const s = e.subject;
  if (s?.kind === 'appeal') return { view: 'appeal', id: s.id };
  if (s?.kind === 'event') return { view: 'event', id: s.id };
  return null;
}

const statusName = (code: string): string => code;

/**
 * The audit log (152-FZ Art. 19): who opened, printed, exported or changed what, newest first, with
 * filters by person, contact, appeal, action and period; Enter opens what the selected entry is about.
 */
export function AuditView() {
  const go = useStore((s) => s.go);
  const timeZone = useStore((s) => s.office?.timeZone);
  const routed = useStore((s) => (s.route.view === 'audit' ? s.route.filter : undefined));
  const filter: AuditFilter = routed ?? NO_FILTER;
  const filterKey = JSON.stringify(filter);
  const users = useCall('users.list', { includeInactive: true });
  const list = usePagedList('audit.list', filterKey, (cursor) =>
    call('audit.list', { ...(JSON.parse(filterKey) as AuditFilter), limit: PAGE, cursor }),
  );
  const [format, setFormat] = useState<Format>('xlsx');
  const [exporting, setExporting] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  /** A contact the entries are about, opened beside the list (a contact's card has no screen of its own). */
  const [contact, setContact] = useState<string | null>(null);
  const time = officeTimeFormat(timeZone);
  const { rows, total } = list;

  const set = (patch: Partial<AuditFilter>): void => {
    const next = Object.fromEntries(
      Object.entries({ ...filter, ...patch }).filter(([, v]) => v !== undefined && v !== ''),
    ) as AuditFilter;
    useStore.getState().replace({ view: 'audit', filter: next });
  };
  const filtered = Object.keys(filter).length > 0;

  const open = (e: AuditEntry): void => {
    if (e.subject?.kind === 'contact') {
      setContact(e.subject.id);
      return;
    }
    const r = subjectRoute(e);
    if (r) go(r);
  };

  const columns: ReadonlyArray<Column<AuditEntry>> = [
    { key: 'at', header: t.columns.at, cell: (e) => time(e.at), className: 'num audit__at' },
    { key: 'who', header: t.columns.who, cell: (e) => e.who ?? t.unknownWho },
    { key: 'action', header: t.columns.action, cell: (e) => auditActionName(e.action) },
    {
      key: 'subject',
      header: t.columns.subject,
      cell: (e) =>
        e.subject ? (
          <a
            href="#"
            className="audit__link"
            tabIndex={-1}
            onClick={(ev) => {
              ev.preventDefault();
              open(e);
            }}
          >
            {t.subjectKinds[e.subject.kind]} {e.subject.label}
          </a>
        ) : null,
    },
    {
      key: 'transport',
      header: t.columns.transport,
      cell: (e) => auditTransportNames[e.transport] ?? e.transport,
      className: 'audit__transport',
    },
  ];

  const save = async (): Promise<void> => {
    setExporting(true);
    setExportError(null);
    setNote(null);
    try {
      const f = await call('audit.export', {
        ...filter,
        format: format === 'xlsx' ? 'xlsx' : 'csv',
        encoding: format === 'csv-1251' ? 'cp1251' : 'utf-8',
      });
      await deliverFile(f.name, f.mime, f.dataBase64);
      setNote(t.exported(f.count));
    } catch (e) {
      setExportError(errorText(e));
    } finally {
      setExporting(false);
    }
  };

  const actionValue = filter.actions?.length === 1 ? filter.actions[0]! : '';
  const error = users.error ? errorText(users.error) : (list.error ?? exportError);

  return (
    <section className="page audit">
      <header className="page__head">
        <h1 className="page__title">{t.title}</h1>
        <div className="page__meta" aria-live="polite" data-testid="audit-count">
          {rows ? (list.more ? t.shown(rows.length, total) : t.count(total)) : null}
        </div>
        <div className="audit__export field">
          <select
            aria-label={t.exportFormat}
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
          >
            <option value="xlsx">{t.formats.xlsx}</option>
            <option value="csv-1251">{t.formats.csv1251}</option>
            <option value="csv-utf8">{t.formats.csvUtf8}</option>
          </select>
          <button
            type="button"
            className="btn"
            title={t.exportTitle}
            disabled={exporting}
            onClick={() => void save()}
          >
            {t.exportButton}
          </button>
        </div>
      </header>
      <div className="list-tools audit__filters" role="search">
        <Field id="audit-user" label={t.filters.user}>
          {(a) => (
            <UserSelect
              id="audit-user"
              {...a}
              users={users.data ?? []}
              anyone={t.filters.anyUser}
              value={filter.userId ?? ''}
              onChange={(v) => set({ userId: v || undefined })}
            />
          )}
        </Field>
        <SubjectPicker
          kind="contact"
          value={filter.contactId}
          rows={rows}
          onChange={(id) => set({ contactId: id })}
        />
        <SubjectPicker
          kind="appeal"
          value={filter.appealId}
          rows={rows}
          onChange={(id) => set({ appealId: id })}
        />
        <Field id="audit-action" label={t.filters.action}>
          {(a) => (
            <select
              id="audit-action"
              {...a}
              value={actionValue}
              onChange={(e) => set({ actions: e.target.value ? [e.target.value as AuditAction] : undefined })}
            >
              <option value="">{t.filters.anyAction}</option>
              {auditFilterActions.map((code) => (
                <option key={code} value={code}>
                  {auditActionName(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="audit-from" label={t.filters.from}>
          {(a) => (
            <DateInput
              id="audit-from"
              {...a}
              value={filter.from ?? ''}
              onChange={(v) => v !== null && set({ from: v || undefined })}
            />
          )}
        </Field>
        <Field id="audit-to" label={t.filters.to}>
          {(a) => (
            <DateInput
              id="audit-to"
              {...a}
              value={filter.to ?? ''}
              onChange={(v) => v !== null && set({ to: v || undefined })}
            />
          )}
        </Field>
        {filtered ? (
          <button
            type="button"
            className="btn btn--ghost audit__clear"
            onClick={() => useStore.getState().replace({ view: 'audit', filter: {} })}
          >
            {t.filters.clear}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      {note ? (
        <p className="banner" role="status">
          {note}
        </p>
      ) : null}
      {rows && rows.length === 0 ? <p className="empty">{filtered ? t.emptyFiltered : t.empty}</p> : null}
      {rows && rows.length > 0 ? (
        <>
          <KeyTable
            id="audit"
            label={t.tableLabel}
            rows={rows}
            columns={columns}
            rowKey={(e) => String(e.seq)}
            onOpen={open}
            onEnd={list.loadMore}
            autoFocus
          />
          <p className="muted list-hint">{t.keys}</p>
          <MoreRows list={list} />
        </>
      ) : null}
      {contact ? (
        <ContactCard key={contact} id={contact} statusName={statusName} onClose={() => setContact(null)} />
      ) : null}
    </section>
  );
}
