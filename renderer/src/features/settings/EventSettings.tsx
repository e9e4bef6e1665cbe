import { useState } from 'react';
import type { Output } from '../../../../shared/api/index';
import {
  ANY_KIND,
  CHECKLIST_ASSIGNEES,
  EVENT_STAGES,
  type ChecklistItemTemplate,
  type EventStage,
} from '../../../../shared/domain/workflow/event';
import { assigneeLabels, eventsUi, eventStageLabels } from '../../../../shared/i18n/ru/events';
import { mayCall } from '../../api/access';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { useStore } from '../../store';
import { Field } from '../../components/Field';
import { errorText } from '../../i18n';
import { useEventKinds } from '../events/data';

type Templates = Output<'checklists.list'>;
type Notice = { ok: boolean; text: string } | null;

function KindsEditor({ editable }: { editable: boolean }) {
  const listed = useCall('events.kinds', { includeHidden: true });
  const kinds = listed.data ?? [];
  const [name, setName] = useState('');
  const [notice, setNotice] = useState<Notice>(null);

  // A change answers with the whole list: it shows at once, and every list of kinds on screen reads again.
  const put = (input: { code?: string; name: string; hidden: boolean }): void => {
    setNotice(null);
    call('events.putKind', input).then(listed.setData, (err: unknown) =>
      setNotice({ ok: false, text: errorText(err) }),
    );
  };

  return (
    <div>
      <h3>{eventsUi.kinds}</h3>
      <ul className="plist">
        {kinds.map((k) => (
          <li key={k.code} className="plist__item">
            <input
              aria-label={eventsUi.kindInput(k.name)}
              defaultValue={k.name}
              readOnly={!editable}
              onBlur={(x) => {
                const v = x.target.value.trim();
                if (editable && v && v !== k.name) put({ code: k.code, name: v, hidden: k.hidden });
              }}
            />
            {k.hidden ? <span className="muted">{eventsUi.kindHidden}</span> : null}
            {editable ? (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => put({ code: k.code, name: k.name, hidden: !k.hidden })}
              >
                {k.hidden ? eventsUi.show : eventsUi.hide}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <div className="actions">
          <input
            aria-label={eventsUi.newKindName}
            placeholder={eventsUi.newKindName}
            value={name}
            onChange={(x) => setName(x.target.value)}
          />
          <button
            type="button"
            className="btn btn--small"
            disabled={!name.trim()}
            onClick={() => {
              put({ name: name.trim(), hidden: false });
              setName('');
            }}
          >
            {eventsUi.addKind}
          </button>
        </div>
      ) : null}
      {notice ? <p className="banner banner--error">{notice.text}</p> : null}
    </div>
  );
}

/** How long an event may stay in each stage before it counts as stuck (working days). */
function StageLimits({ editable }: { editable: boolean }) {
  const office = useCall('office.get', {});
  // The edits; until the first, the limits as last read.
  const [draft, setForm] = useState<Record<EventStage, string> | null>(null);
  const [saved, setNotice] = useState<Notice>(null);
  const notice = saved ?? (office.error ? { ok: false, text: errorText(office.error) } : null);
  const formOf = (o: Output<'office.get'>) =>
    Object.fromEntries(EVENT_STAGES.map((s) => [s, String(o.eventStageLimits[s])])) as Record<
      EventStage,
      string
    >;
  const form = draft ?? (office.data ? formOf(office.data) : null);
  if (!form) return null;
  const save = (): void => {
    setNotice(null);
    const eventStageLimits = Object.fromEntries(EVENT_STAGES.map((s) => [s, Number(form[s])])) as Record<
      EventStage,
      number
    >;
    call('office.update', { eventStageLimits }).then(
      (o) => {
        office.setData(o);
        setForm(null);
        setNotice({ ok: true, text: eventsUi.saved });
      },
      (err: unknown) => setNotice({ ok: false, text: errorText(err) }),
    );
  };
  return (
    <div>
      <h3>{eventsUi.stageLimits}</h3>
      <div className="event-limits">
        {EVENT_STAGES.map((s) => (
          <Field key={s} id={`event-limit-${s}`} label={eventStageLabels[s]}>
            {(a) => (
              <input
                id={`event-limit-${s}`}
                {...a}
                type="number"
                min={1}
                max={365}
                readOnly={!editable}
                value={form[s]}
                onChange={(x) => setForm({ ...form, [s]: x.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      {editable ? (
        <div className="actions">
          <button type="button" className="btn" onClick={save}>
            {eventsUi.saveLimits}
          </button>
        </div>
      ) : null}
      {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
    </div>
  );
}

/** Settings → the events' kinds and the checklist of each stage, per kind; shipped ones can be restored. */
export function EventSettings({ editable }: { editable: boolean }) {
  const role = useStore((s) => s.user?.role);
  const kinds = useEventKinds(true);
  const listed = useCall('checklists.list', {});
  const templates = listed.data ?? null;
  const [stage, setStage] = useState<EventStage>('programme');
  const [kind, setKind] = useState<string>(ANY_KIND);
  const [items, setItems] = useState<ChecklistItemTemplate[]>([]);
  const [outcome, setNotice] = useState<Notice>(null);
  const notice = outcome ?? (listed.error ? { ok: false, text: errorText(listed.error) } : null);

  const current = templates?.find((x) => x.stage === stage && x.kind === kind) ?? null;
  // Another stage, kind or saved edition picked: edit a copy of its items. Compared by content, as the list
  // reads again after any write, and an edition read again unchanged must not undo the edits.
  const currentKey = JSON.stringify([stage, kind, current]);
  const [seen, setSeen] = useState<string | undefined>(undefined);
  if (currentKey !== seen) {
    setSeen(currentKey);
    setItems(current ? current.items.map((i) => ({ ...i })) : []);
  }

  const done = (list: Templates, text: string): void => {
    listed.setData(list);
    setNotice({ ok: true, text });
  };
  const save = (): void => {
    setNotice(null);
    call('checklists.put', { stage, kind, items }).then(
      (list) => done(list, eventsUi.templateSaved),
      (err: unknown) => setNotice({ ok: false, text: errorText(err) }),
    );
  };
  const reset = (): void => {
    setNotice(null);
    call('checklists.reset', { stage, kind }).then(
      (list) => done(list, eventsUi.saved),
      (err: unknown) => setNotice({ ok: false, text: errorText(err) }),
    );
  };
  const patch = (i: number, p: Partial<ChecklistItemTemplate>): void =>
    setItems(items.map((x, j) => (j === i ? { ...x, ...p } : x)));

  return (
    <section className="panel" aria-labelledby="event-settings-title" id="event-settings">
      <h2 id="event-settings-title">{eventsUi.settingsTitle}</h2>
      <KindsEditor editable={editable} />
      <StageLimits editable={editable && mayCall(role, 'office.update')} />
      <h3>{eventsUi.templates}</h3>
      <div className="actions">
        <Field id="tpl-stage" label={eventsUi.templateFor}>
          {(a) => (
            <select
              id="tpl-stage"
              {...a}
              value={stage}
              onChange={(x) => setStage(x.target.value as EventStage)}
            >
              {EVENT_STAGES.map((s) => (
                <option key={s} value={s}>
                  {eventStageLabels[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="tpl-kind" label={eventsUi.templateKind}>
          {(a) => (
            <select id="tpl-kind" {...a} value={kind} onChange={(x) => setKind(x.target.value)}>
              <option value={ANY_KIND}>{eventsUi.anyKind}</option>
              {kinds.map((k) => (
                <option key={k.code} value={k.code}>
                  {k.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <span className="muted">{current?.edited ? eventsUi.edited : current ? eventsUi.shipped : ''}</span>
      </div>
      <div className="tpl__items" aria-label={eventsUi.templates}>
        {items.map((item, i) => (
          <div key={i} className="tpl__item">
            <input
              aria-label={`${eventsUi.itemText} ${i + 1}`}
              value={item.text}
              readOnly={!editable}
              onChange={(x) => patch(i, { text: x.target.value })}
            />
            <label>
              <input
                type="checkbox"
                checked={item.mandatory}
                disabled={!editable}
                onChange={(x) => patch(i, { mandatory: x.target.checked })}
              />{' '}
              {eventsUi.itemMandatory}
            </label>
            <select
              aria-label={eventsUi.itemAssignee}
              value={item.assignee}
              disabled={!editable}
              onChange={(x) => patch(i, { assignee: x.target.value as ChecklistItemTemplate['assignee'] })}
            >
              {CHECKLIST_ASSIGNEES.map((a) => (
                <option key={a} value={a}>
                  {assigneeLabels[a]}
                </option>
              ))}
            </select>
            <input
              aria-label={eventsUi.itemOffset}
              title={eventsUi.itemOffset}
              type="number"
              value={item.offsetDays}
              readOnly={!editable}
              onChange={(x) => patch(i, { offsetDays: Number(x.target.value) })}
            />
            {editable ? (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => setItems(items.filter((_, j) => j !== i))}
              >
                {eventsUi.removeItem}
              </button>
            ) : null}
          </div>
        ))}
      </div>
      {editable ? (
        <div className="actions">
          <button
            type="button"
            className="btn btn--small"
            onClick={() =>
              setItems([...items, { text: '', mandatory: false, assignee: 'responsible', offsetDays: 0 }])
            }
          >
            {eventsUi.addItem}
          </button>
          <button type="button" className="btn btn--primary" onClick={save}>
            {eventsUi.saveTemplate}
          </button>
          {current?.edited ? (
            <button type="button" className="btn btn--ghost" onClick={reset}>
              {eventsUi.resetTemplate}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="live" aria-live="polite">
        {notice ? <p className={`banner banner--${notice.ok ? 'success' : 'error'}`}>{notice.text}</p> : null}
      </div>
    </section>
  );
}
