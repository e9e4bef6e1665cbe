import { useEffect, useRef, useState } from 'react';
import {
  VOLUNTEER_NEXT,
  type VolunteerCandidate,
  type VolunteerStage,
} from '../../../../shared/api/volunteers';
import { volunteersText as T, localDateTimeText } from '../../../../shared/i18n/ru/volunteers';
import { mayCall } from '../../api/access';
import { call, isCallError } from '../../api/client';
import { useCall } from '../../api/use-call';
import { Field } from '../../components/Field';
import { errorText, fieldErrors, formatInstant } from '../../i18n';
import { useStore } from '../../store';
import './volunteers.css';

const u = T.ui;

/** The move being filled in: an interview's date and time, or a decline's reason. */
type Asking = 'interview' | 'declined' | null;

function MoveForm(props: {
  candidate: VolunteerCandidate;
  asking: Exclude<Asking, null>;
  onCancel(): void;
  onMoved(): void;
}) {
  const { candidate: c, asking } = props;
  const [value, setValue] = useState(asking === 'interview' ? (c.interviewAt ?? '') : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const field = asking === 'interview' ? 'interviewAt' : 'reason';
  const id = `volunteer-${field}`;
  return (
    <form
      className="volunteer__form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        call('volunteers.move', {
          id: c.id,
          stage: asking,
          version: c.version,
          ...(asking === 'interview' ? { interviewAt: value } : { reason: value }),
        }).then(props.onMoved, (err: unknown) => {
          const byField = isCallError(err) ? fieldErrors(err) : {};
          setErrors(byField);
          if (!byField[field]) setError(errorText(err));
        });
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <Field id={id} label={asking === 'interview' ? u.interviewAt : u.reason} error={errors[field]}>
        {(a) => (
          <input
            ref={first}
            id={id}
            {...a}
            type={asking === 'interview' ? 'datetime-local' : 'text'}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit" className="btn btn--primary">
          {u.confirm}
        </button>
        <button type="button" className="btn" onClick={props.onCancel}>
          {u.cancel}
        </button>
      </div>
    </form>
  );
}

/**
 * A contact's volunteer candidacy on the card: the stage, where the person came from and the consent
 * the form recorded, the steps taken, and the buttons of the next steps (an interview asks its date and
 * time, a decline its reason). `onMoved` reads the card again, so its timeline shows the step.
 */
export function VolunteerPanel(props: { contactId: string; onMoved(): void }) {
  const role = useStore((s) => s.user?.role);
  const timeZone = useStore((s) => s.office?.timeZone);
  const go = useStore((s) => s.go);
  const got = useCall('volunteers.candidate', { contactId: props.contactId });
  const [asking, setAsking] = useState<Asking>(null);
  const [error, setError] = useState<string | null>(null);
  const c = got.data;
  if (!c) return null;
  const next = VOLUNTEER_NEXT[c.stage];
  const editable = mayCall(role, 'volunteers.move');
  const moved = (): void => {
    setAsking(null);
    props.onMoved();
  };
  const press = (stage: VolunteerStage): void => {
    setError(null);
    if (stage === 'interview' || stage === 'declined') {
      setAsking(stage);
      return;
    }
    call('volunteers.move', { id: c.id, stage, version: c.version }).then(moved, (e: unknown) =>
      setError(errorText(e)),
    );
  };

  return (
    <section className="volunteer" aria-labelledby="volunteer-title" data-testid="volunteer-panel">
      <h3 id="volunteer-title">{u.title}</h3>
      <dl className="contact-card__fields volunteer__fields">
        <dt>{u.stageLabel}</dt>
        <dd>
          <span className={`volunteer__stage volunteer__stage--${c.stage}`} data-testid="volunteer-stage">
            {T.stage[c.stage]}
          </span>{' '}
          <span className="muted">
            {u.since} {formatInstant(c.stageAt, timeZone)}
          </span>
        </dd>
        {c.interviewAt ? (
          <>
            <dt>{u.interviewAt}</dt>
            <dd>
              {localDateTimeText(c.interviewAt)}{' '}
              {c.eventId ? (
                <button
                  type="button"
                  className="btn btn--small btn--ghost"
                  onClick={() => go({ view: 'event', id: c.eventId! })}
                >
                  {u.openEvent}
                </button>
              ) : null}
            </dd>
          </>
        ) : null}
        {c.declineReason ? (
          <>
            <dt>{u.reason}</dt>
            <dd>{c.declineReason}</dd>
          </>
        ) : null}
        <dt>{u.form}</dt>
        <dd>{u.formName}</dd>
        {c.campaign ? (
          <>
            <dt>{u.campaign}</dt>
            <dd>{c.campaign}</dd>
          </>
        ) : null}
        <dt>{u.consent}</dt>
        <dd>
          <details>
            <summary>{u.consentVersion(c.consent.version, formatInstant(c.consent.at, timeZone))}</summary>
            <p className="volunteer__consent">{c.consent.text}</p>
          </details>
        </dd>
      </dl>
      {editable && next.length > 0 && !asking ? (
        <div className="actions volunteer__next" role="group" aria-label={u.title}>
          {next.map((stage, i) => (
            <button
              key={stage}
              type="button"
              className={`btn${i === 0 ? ' btn--primary' : ''}`}
              onClick={() => press(stage)}
            >
              {stage === 'interview' && c.stage === 'interview' ? T.rescheduled : T.moveTo[stage]}
            </button>
          ))}
        </div>
      ) : null}
      {next.length === 0 ? <p className="muted">{u.done}</p> : null}
      {asking ? (
        <MoveForm candidate={c} asking={asking} onCancel={() => setAsking(null)} onMoved={moved} />
      ) : null}
      {error ? (
        <p className="banner banner--error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
