import { useState } from 'react';
import { assignmentStatusLabels, assignmentsUi as t } from '../../../../shared/i18n/ru/assignments';
import { useCall } from '../../api/use-call';
import { formatDate } from '../../i18n';
import { AssignmentDialog } from './AssignmentDialog';
import { GiveAssignmentButton, type AssignmentLinks } from './GiveAssignment';
import './assignments.css';

/**
 * The поручения about a record (an appeal, an event, a contact): each opens its card, and «Дать поручение»
 * gives a new one linked to the record.
 */
export function RecordAssignments({ links }: { links: AssignmentLinks }) {
  const list = useCall('assignments.list', { ...links, limit: 50 });
  const [open, setOpen] = useState<string | null>(null);
  const rows = list.data ?? [];
  return (
    <section className="panel record-assignments" aria-label={t.listTitle}>
      <div className="record-assignments__head">
        <h2>{t.listTitle}</h2>
        <GiveAssignmentButton links={links} onDone={(a) => setOpen(a.id)} />
      </div>
      {rows.length === 0 ? <p className="muted">{t.none}</p> : null}
      <ul>
        {rows.map((a) => (
          <li key={a.id}>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setOpen(a.id)}>
              {a.text}
            </button>{' '}
            <span className={a.overdue ? 'assignment-overdue' : 'muted'}>
              {assignmentStatusLabels[a.status]}, {t.until(formatDate(a.controlDate))};{' '}
              {a.assignees.map((p) => p.name).join(', ')}
            </span>
          </li>
        ))}
      </ul>
      {open ? <AssignmentDialog id={open} onClose={() => setOpen(null)} /> : null}
    </section>
  );
}
