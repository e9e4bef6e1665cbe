import { useState } from 'react';
import type { AppealKind } from '../../../../shared/api/appeals';
import type { Booking } from '../../../../shared/api/reception';
import { receptionUi as t } from '../../../../shared/i18n/ru/reception';
import { call } from '../../api/client';
import { useSubmit } from './use-submit';
import { Dialog } from '../../components/Dialog';
import { Check, Field } from '../../components/Field';
import { labels, ui } from '../../i18n';
import { TopicPicker } from '../classifier/TopicPicker';

const KINDS: AppealKind[] = ['application', 'complaint', 'proposal', 'other'];

/**
 * The appeal of a citizen at the reception, registered from the slot in one step: the applicant is the
 * booking's, the summary starts as the booked question, and an oral answer given on the spot closes it.
 */
export function RegisterFromSlot(props: {
  booking: Booking;
  onClose(): void;
  onDone(regNumber: string): void;
}) {
  const { booking } = props;
  const [summary, setSummary] = useState(booking.question);
  const [text, setText] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [kind, setKind] = useState<AppealKind>('application');
  const [oral, setOral] = useState(false);
  const [result, setResult] = useState<'explained' | 'answered'>('explained');
  const [answer, setAnswer] = useState('');
  const [consent, setConsent] = useState(false);

  const { errors, error, busy, submit } = useSubmit(async () => {
    const r = await call('reception.registerAppeal', {
      bookingId: booking.id,
      appeal: { channel: 'reception', kind, summary, text, topics },
      ...(oral ? { oralAnswer: { result, text: answer, consent: consent as true } } : {}),
    });
    props.onDone(r.regNumber);
  });

  return (
    <Dialog
      id="register-from-slot"
      title={`${t.registerTitle}: ${booking.citizenName}`}
      submitLabel={t.save}
      busy={busy}
      error={error}
      wide
      onSubmit={submit}
      onClose={props.onClose}
    >
      <p className="reception__chosen" data-testid="rfs-applicant">
        {t.applicant}: {booking.citizenName}
        {booking.phone ? `, ${booking.phone}` : ''}
        {booking.email ? `, ${booking.email}` : ''}
      </p>
      <Field id="rfs-summary" label={t.summary} error={errors['appeal.summary']}>
        {(a) => (
          <textarea
            id="rfs-summary"
            {...a}
            rows={3}
            value={summary}
            onChange={(e) => setSummary(e.target.value)}
          />
        )}
      </Field>
      <Field id="rfs-text" label={ui.register.text} error={errors['appeal.text']}>
        {(a) => (
          <textarea id="rfs-text" {...a} rows={3} value={text} onChange={(e) => setText(e.target.value)} />
        )}
      </Field>
      <Field
        id="rfs-topics"
        label={ui.register.topics}
        hint={ui.register.topicsHint}
        error={errors['appeal.topics']}
      >
        {(a) => <TopicPicker id="rfs-topics" a11y={a} value={topics} onChange={setTopics} />}
      </Field>
      <Field id="rfs-kind" label={t.kind} error={errors['appeal.kind']}>
        {(a) => (
          <select id="rfs-kind" {...a} value={kind} onChange={(e) => setKind(e.target.value as AppealKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {labels.kindLabels[k]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Check id="rfs-oral" label={t.oral} checked={oral} onChange={setOral} />
      {oral ? (
        <>
          <Field id="rfs-result" label={t.oralResult}>
            {(a) => (
              <select
                id="rfs-result"
                {...a}
                value={result}
                onChange={(e) => setResult(e.target.value as 'explained' | 'answered')}
              >
                <option value="explained">{t.oralExplained}</option>
                <option value="answered">{t.oralAnswered}</option>
              </select>
            )}
          </Field>
          <Field id="rfs-answer" label={t.oralText} error={errors['oralAnswer.text']}>
            {(a) => (
              <textarea
                id="rfs-answer"
                {...a}
                rows={3}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
              />
            )}
          </Field>
          <Check id="rfs-consent" label={t.consent} checked={consent} onChange={setConsent} />
          {errors['oralAnswer.consent'] ? (
            <p className="field__error">{errors['oralAnswer.consent']}</p>
          ) : null}
        </>
      ) : null}
    </Dialog>
  );
}
