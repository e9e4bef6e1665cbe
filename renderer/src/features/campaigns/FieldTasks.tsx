import { useState } from 'react';
import type { Campaign } from '../../../../shared/api/campaigns';
import { call, isCallError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field } from '../../components/Field';
import { UserSelect } from '../../components/UserSelect';
import { fieldErrors } from '../../i18n';
import { useStore } from '../../store';
import { campaignError, t } from './text';

/** A task in Задачи for each contact at a stage, for the staff member chosen (none twice while one is open). */
export function FieldTasks(props: { campaign: Campaign }) {
  const { campaign } = props;
  const users = useStore((s) => s.users);
  const [stageId, setStageId] = useState(campaign.stages[0]?.id ?? '');
  const [assigneeId, setAssigneeId] = useState('');
  const [title, setTitle] = useState<string>(t.taskTitleDefault);
  const [dueDate, setDueDate] = useState<string | null>('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(): Promise<void> {
    setBusy(true);
    setNotice(null);
    setFields({});
    try {
      const r = await call('campaigns.createTasks', {
        campaignId: campaign.id,
        stageId,
        assigneeId,
        title: title.trim(),
        dueDate: dueDate || null,
      });
      setNotice({ ok: true, text: t.tasksCreated(r.created, r.skipped) });
    } catch (e) {
      if (isCallError(e)) setFields(fieldErrors(e));
      setNotice({ ok: false, text: campaignError(e) });
    } finally {
      setBusy(false);
    }
  }

  const err = (f: string) => (fields[f] ? (t.serverMessages[fields[f]] ?? fields[f]) : null);
  return (
    <section className="panel campaign-tasks" aria-labelledby="campaign-tasks-title">
      <h2 id="campaign-tasks-title">{t.tasksTitle}</h2>
      <form
        className="campaign-tasks__form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field id="task-stage" label={t.taskStage} error={err('stageId')}>
          {(a) => (
            <select id="task-stage" {...a} value={stageId} onChange={(e) => setStageId(e.target.value)}>
              {campaign.stages.map((s) => (
                <option key={s.id} value={s.id}>
                  {t.atStage(s.name, s.count)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="task-assignee" label={t.taskAssignee} error={err('assigneeId')}>
          {(a) => (
            <UserSelect
              id="task-assignee"
              {...a}
              users={users.filter((u) => u.active)}
              anyone={t.chooseAssignee}
              value={assigneeId}
              onChange={setAssigneeId}
            />
          )}
        </Field>
        <Field id="task-title" label={t.taskTitle} error={err('title')}>
          {(a) => <input id="task-title" {...a} value={title} onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field id="task-due" label={t.taskDue} error={err('dueDate')}>
          {(a) => <DateInput id="task-due" {...a} value={dueDate} onChange={setDueDate} />}
        </Field>
        <button type="submit" className="btn" disabled={busy}>
          {t.createTasks}
        </button>
      </form>
      <p className="live" role="status" data-testid="campaign-tasks-notice">
        {notice ? <span className={notice.ok ? 'campaign-ok' : 'campaign-error'}>{notice.text}</span> : null}
      </p>
    </section>
  );
}
