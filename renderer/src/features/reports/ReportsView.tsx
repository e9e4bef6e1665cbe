import { formatNumber } from '../../../../shared/domain/number';
import { useState } from 'react';
import type { PeriodReport, ReportFilter } from '../../../../shared/api/documents';
import type { ClassifierBreakdown } from '../../../../shared/api/reports';
import { classifierReport, reportsText } from '../../../../shared/i18n/ru/reports';
import type { UserInfo } from '../../../../shared/api/office';
import { documents, documentsUi, reportsUi } from '../../../../shared/i18n/ru/documents';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { DateInput } from '../../components/DateInput';
import { Field, Kbd } from '../../components/Field';
import { UserSelect } from '../../components/UserSelect';
import { OfficesSelect } from '../../components/OfficesSelect';
import { errorText, fieldErrors, formatDate, labels, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { deliverFile } from '../attachments/files';
import { classifierText } from '../../../../shared/i18n/ru/classifier';
import { TopicPicker } from '../classifier/TopicPicker';
import { ClassifierTable } from './ClassifierTable';

const NO_USERS: UserInfo[] = [];
const firstOfMonth = (d: string): string => `${d.slice(0, 8)}01`;

/** The report for a period: its figures on screen, and the same report as DOCX, XLSX or CSV. */
export function ReportsView() {
  const office = useStore((s) => s.office);
  const today = todayIn(office?.timeZone ?? 'Europe/Moscow');
  const [from, setFrom] = useState(firstOfMonth(today));
  const [to, setTo] = useState(today);
  const [topic, setTopic] = useState('');
  const [responsibleId, setResponsibleId] = useState('');
  // HQ's analyst view: the offices chosen; none, all of them.
  const [officeIds, setOfficeIds] = useState<string[]>([]);
  // The active users only (the store's list has the inactive too); a failed read leaves the picker empty.
  const listedUsers = useCall('users.list', {});
  const users = listedUsers.data ?? NO_USERS;
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [breakdown, setBreakdown] = useState<ClassifierBreakdown | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const filter = (): ReportFilter => ({
    from,
    to,
    ...(topic.trim() ? { topic: topic.trim() } : {}),
    ...(responsibleId ? { responsibleId } : {}),
  });
  const run = async (make: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setErrors({});
    setError(null);
    try {
      await make();
    } catch (e) {
      if (isCallError(e)) setErrors(fieldErrors(e));
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const offices = officeIds.length ? { officeIds } : {};
  const show = () =>
    run(async () => {
      const input = { filter: filter(), ...offices };
      const [r, b] = await Promise.all([call('reports.period', input), call('reports.classifier', input)]);
      setReport(r);
      setBreakdown(b);
    });
  const save = (format: 'docx' | 'xlsx' | 'csv') =>
    run(async () => {
      const f = await call('documents.report', { filter: filter(), format, ...offices });
      await deliverFile(f.name, f.mime, f.dataBase64);
    });
  const saveSstu = (format: 'docx' | 'xlsx') =>
    run(async () => {
      const f = await call('reports.sstu', { filter: filter(), format, ...offices });
      await deliverFile(f.name, f.mime, f.dataBase64);
    });

  // The period report's files, then the report by questions in the layout of ССТУ.РФ.
  const downloads: [string, () => Promise<void>][] = [
    [reportsUi.docx, () => save('docx')],
    [reportsUi.xlsx, () => save('xlsx')],
    [reportsUi.csv, () => save('csv')],
    [reportsText.sstuDocx, () => saveSstu('docx')],
    [reportsText.sstuXlsx, () => saveSstu('xlsx')],
  ];

  const reportText = documents.report;
  const rows: [string, number | string][] = report
    ? [
        [reportText.received, report.received],
        [reportText.closed, report.closed],
        [`${reportText.closed}: ${reportText.onTime}`, report.closedOnTime],
        [`${reportText.closed}: ${reportText.late}`, report.closedLate],
        [reportText.overdueNow, report.overdueNow],
        [reportText.avgDays, report.avgDaysToClose == null ? '—' : formatNumber(report.avgDaysToClose)],
        ...(report.registeredLate === undefined
          ? []
          : [[reportText.registeredLate, report.registeredLate] as [string, number]]),
        ...report.byChannel.map((c): [string, number] => [
          `${reportText.byChannel}: ${labels.channelLabels[c.key as keyof typeof labels.channelLabels] ?? c.key}`,
          c.count,
        ]),
      ]
    : [];

  return (
    <section className="page">
      <h1 className="page__title">{reportsUi.title}</h1>
      <form
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void show();
        }}
      >
        <div className="grid2">
          <Field id="report-from" label={reportsUi.from} error={errors['filter.from']}>
            {(a) => <DateInput id="report-from" {...a} value={from} onChange={(v) => setFrom(v ?? '')} />}
          </Field>
          <Field id="report-to" label={reportsUi.to} error={errors['filter.to']}>
            {(a) => <DateInput id="report-to" {...a} value={to} onChange={(v) => setTo(v ?? '')} />}
          </Field>
          <Field
            id="report-topic"
            label={reportsUi.topic}
            hint={reportsUi.topicHint}
            error={errors['filter.topic']}
          >
            {(a) => (
              <TopicPicker
                id="report-topic"
                a11y={a}
                scope="any"
                max={1}
                placeholder={classifierText.filterPlaceholder}
                value={topic ? [topic] : []}
                onChange={(codes) => setTopic(codes[0] ?? '')}
              />
            )}
          </Field>
          <Field id="report-responsible" label={reportsUi.responsible}>
            {(a) => (
              <UserSelect
                id="report-responsible"
                {...a}
                users={users}
                anyone={reportsUi.anyone}
                value={responsibleId}
                onChange={setResponsibleId}
              />
            )}
          </Field>
          <OfficesSelect
            id="report-offices"
            value={officeIds}
            error={errors.officeIds}
            onChange={setOfficeIds}
          />
        </div>
        <div className="actions">
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {reportsUi.show} <Kbd>Enter</Kbd>
          </button>
          {downloads.map(([label, download]) => (
            <button key={label} type="button" className="btn" disabled={busy} onClick={() => void download()}>
              {label}
            </button>
          ))}
        </div>
        {error ? (
          <p className="banner banner--error" role="alert">
            {documentsUi.failed(error)}
          </p>
        ) : null}
      </form>
      {report ? (
        <div className="panel">
          <p>{reportText.period(formatDate(report.filter.from), formatDate(report.filter.to))}</p>
          <table className="table" data-testid="report-figures">
            <tbody>
              {rows.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {breakdown ? (
        <div className="panel">
          <h2>{classifierReport.title}</h2>
          <ClassifierTable breakdown={breakdown} id="report-classifier" />
        </div>
      ) : null}
    </section>
  );
}
