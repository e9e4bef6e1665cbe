import { useRef, useState } from 'react';
import { APPEAL_KINDS, CHANNELS, type AppealCard } from '../../../../shared/api/appeals';
import { call, isCallError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { AppealFlags } from '../../components/AppealFlags';
import { Field, Kbd } from '../../components/Field';
import { useFocusFirstInvalid } from '../../components/hooks';
import { errorText, fieldErrors, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { TopicPicker } from '../classifier/TopicPicker';
import { splitTopics } from '../register/input';
import { fieldLabel } from './format';
import { changesSomething, editInputOf, editStateOf, patchOf, type EditState } from './edit';

const TEXT_LABELS = {
  summary: fieldLabel('summary'),
  attachmentsNote: fieldLabel('attachmentsNote'),
  caseFile: fieldLabel('caseFile'),
  forwardedBody: ui.register.forwardedBody,
  forwardedNumber: ui.register.forwardedNumber,
};

/** Edits the card with the version it was loaded at; a newer version on the server is a conflict. */
export function CardEditForm(props: {
  card: AppealCard;
  onSaved(card: AppealCard | null): void;
  onCancel(): void;
  onConflict(): void;
}) {
  const { card } = props;
  const users = useStore((s) => s.users);
  const [e, setE] = useState<EditState>(() => editStateOf(card));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusErrors = useFocusFirstInvalid(formRef);
  const set = (patch: Partial<EditState>): void => setE({ ...e, ...patch });

  async function save(): Promise<void> {
    if (busy) return;
    if (e.receivedOn === null || e.forwardedDate === null) {
      setErrors({ [e.receivedOn === null ? 'edit-receivedOn' : 'edit-forwardedDate']: ui.badDate });
      return;
    }
    const patch = patchOf(card, e);
    if (!changesSomething(patch)) return props.onSaved(null);
    setBusy(true);
    setErrors({});
    setBanner(null);
    try {
      props.onSaved(await call('appeals.update', { id: card.id, version: card.version, patch }));
    } catch (err) {
      setBusy(false);
      if (isCallError(err) && err.code === 'conflict' && err.field === 'version') return props.onConflict();
      const byInput: Record<string, string> = {};
      if (isCallError(err))
        for (const [f, msg] of Object.entries(fieldErrors(err))) byInput[editInputOf(f)] ??= msg;
      setErrors(byInput);
      setBanner(errorText(err));
      focusErrors();
    }
  }

  const text = (key: keyof typeof TEXT_LABELS) => (
    <Field id={`edit-${key}`} label={TEXT_LABELS[key]} error={errors[`edit-${key}`]}>
      {(a) => (
        <input id={`edit-${key}`} {...a} value={e[key]} onChange={(ev) => set({ [key]: ev.target.value })} />
      )}
    </Field>
  );
  const person = (key: 'responsibleId' | 'executorId') => (
    <Field id={`edit-${key}`} label={fieldLabel(key)} error={errors[`edit-${key}`]}>
      {(a) => (
        <select id={`edit-${key}`} {...a} value={e[key]} onChange={(ev) => set({ [key]: ev.target.value })}>
          <option value="">{ui.none}</option>
          {users
            .filter((u) => u.active || u.id === e[key])
            .map((u) => (
              <option key={u.id} value={u.id}>
                {u.fullName}
              </option>
            ))}
        </select>
      )}
    </Field>
  );

  return (
    <form
      ref={formRef}
      className="panel edit"
      aria-labelledby="edit-title"
      noValidate
      onSubmit={(ev) => {
        ev.preventDefault();
        void save();
      }}
      onKeyDown={(ev) => {
        if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
          ev.preventDefault();
          void save();
        } else if (ev.key === 'Escape') {
          ev.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h2 id="edit-title">{ui.card.editTitle}</h2>
      <div className="grid4">
        <Field id="edit-receivedOn" label={fieldLabel('receivedOn')} error={errors['edit-receivedOn']}>
          {(a) => (
            <DateInput
              id="edit-receivedOn"
              {...a}
              autoFocus
              value={e.receivedOn}
              onChange={(v) => set({ receivedOn: v })}
            />
          )}
        </Field>
        <Field id="edit-channel" label={fieldLabel('channel')} error={errors['edit-channel']}>
          {(a) => (
            <select
              id="edit-channel"
              {...a}
              value={e.channel}
              onChange={(ev) => set({ channel: ev.target.value as EditState['channel'] })}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {labels.channelLabels[c]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-kind" label={fieldLabel('kind')} error={errors['edit-kind']}>
          {(a) => (
            <select
              id="edit-kind"
              {...a}
              value={e.kind}
              onChange={(ev) => set({ kind: ev.target.value as EditState['kind'] })}
            >
              {APPEAL_KINDS.map((k) => (
                <option key={k} value={k}>
                  {labels.kindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="edit-sheets" label={fieldLabel('sheets')} error={errors['edit-sheets']}>
          {(a) => (
            <input
              id="edit-sheets"
              {...a}
              type="number"
              min={0}
              value={e.sheets}
              onChange={(ev) => set({ sheets: ev.target.value })}
            />
          )}
        </Field>
      </div>
      {text('summary')}
      <Field id="edit-text" label={fieldLabel('text')} error={errors['edit-text']}>
        {(a) => (
          <textarea
            id="edit-text"
            {...a}
            rows={6}
            value={e.text}
            onChange={(ev) => set({ text: ev.target.value })}
          />
        )}
      </Field>
      <Field
        id="edit-topics"
        label={fieldLabel('topics')}
        hint={ui.register.topicsHint}
        error={errors['edit-topics']}
      >
        {(a) => (
          <TopicPicker
            id="edit-topics"
            a11y={a}
            value={splitTopics(e.topics)}
            onChange={(codes) => set({ topics: codes.join(' ') })}
          />
        )}
      </Field>
      <div className="grid4">
        {person('responsibleId')}
        {person('executorId')}
        {text('caseFile')}
      </div>
      <div className="grid4">
        {text('attachmentsNote')}
        {text('forwardedBody')}
        {text('forwardedNumber')}
        <Field id="edit-forwardedDate" label={ui.register.forwardedDate} error={errors['edit-forwardedDate']}>
          {(a) => (
            <DateInput
              id="edit-forwardedDate"
              {...a}
              value={e.forwardedDate}
              onChange={(v) => set({ forwardedDate: v })}
            />
          )}
        </Field>
      </div>
      <AppealFlags prefix="edit" values={e} label={fieldLabel} errors={errors} onChange={set} />
      <div className="live" aria-live="assertive">
        {banner ? <p className="banner banner--error">{banner}</p> : null}
      </div>
      <div className="actions">
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? ui.saving : ui.save} <Kbd>Ctrl+Enter</Kbd>
        </button>
        <button type="button" className="btn btn--ghost" onClick={props.onCancel}>
          {ui.cancel} <Kbd>Esc</Kbd>
        </button>
      </div>
    </form>
  );
}
