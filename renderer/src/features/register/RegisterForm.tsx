import { useEffect, useRef, useState } from 'react';
import { eventsUi } from '../../../../shared/i18n/ru/events';
import { APPEAL_KINDS, CHANNELS, type AppealCard } from '../../../../shared/api/appeals';
import { art11Warnings } from '../../../../shared/domain/appeal';
import { isCallError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Field, Kbd } from '../../components/Field';
import { keepClearOfStickyBar, useFocusFirstInvalid } from '../../components/hooks';
import { errorText, fieldErrors, labels, ui, todayIn } from '../../i18n';
import { useStore } from '../../store';
import { ApplicantFields } from './ApplicantFields';
import { ContentFields } from './ContentFields';
import { inputOf } from './input';
import { MatchPanel, type MatchCandidate } from './MatchPanel';
import { OralAnswerFields } from './OralAnswerFields';
import { registerDraft } from './oral-input';
import { isCtrlEnter, SavedPanel } from './SavedPanel';
import { TermPreview } from './TermPreview';
import { IntakeBanner } from '../inbox/IntakeBanner';
import './register.css';

function focusField(id: string): void {
  requestAnimationFrame(() => document.getElementById(id)?.focus());
}

export function RegisterForm() {
  const d = useStore((s) => s.draft);
  const setDraft = useStore((s) => s.setDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [match, setMatch] = useState<MatchCandidate[] | null>(null);
  const [saved, setSaved] = useState<AppealCard | null>(null);
  const busyRef = useRef(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusErrors = useFocusFirstInvalid(formRef);
  const r = ui.register;

  useEffect(() => {
    // A form nobody has typed into starts from today, in case the day changed since it was cleared.
    const s = useStore.getState();
    if (!s.draftTouched && s.draft.registeredOn !== todayIn(s.office?.timeZone ?? 'Europe/Moscow'))
      s.resetDraft(false);
  }, []);

  // Warnings wait until the applicant or the substance is being typed: an empty form is not yet wrong.
  const applicantTyped = [d.phone, d.lastName, d.firstName, d.address, d.email, d.summary].some((v) =>
    v.trim(),
  );
  const warnings = art11Warnings({
    lastName: d.lastName || d.contact?.lastName,
    address: d.address || d.contact?.address,
    email: d.email || d.contact?.email,
    channel: d.channel,
    isAnonymous: d.isAnonymous,
  });

  async function save(choice: { contactId?: string; forceNew?: boolean } = {}): Promise<void> {
    if (busyRef.current) return;
    const local: Record<string, string> = {};
    if (d.registeredOn === null) local['reg-registeredOn'] = ui.badDate;
    if (d.receivedOn === null) local['reg-receivedOn'] = ui.badDate;
    if (d.forwardedDate === null) local['reg-forwardedDate'] = ui.badDate;
    if (Object.keys(local).length) {
      setErrors(local);
      setBanner(r.fixErrors);
      focusErrors();
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setBanner(null);
    setErrors({});
    try {
      const card = await registerDraft(d, choice);
      setMatch(null);
      setSaved(card);
      useStore.getState().resetDraft(true);
    } catch (e) {
      if (isCallError(e) && e.code === 'applicant_match') {
        const details = e.details as { candidates?: MatchCandidate[] } | undefined;
        setMatch(details?.candidates ?? []);
      } else {
        const byInput: Record<string, string> = {};
        if (isCallError(e))
          for (const [field, msg] of Object.entries(fieldErrors(e))) {
            const id = inputOf(field);
            if (id) byInput[id] ??= msg;
          }
        setErrors(byInput);
        // Marked fields say what is wrong under themselves; the banner only sends the eye there once.
        setBanner(Object.keys(byInput).length ? r.fixErrors : errorText(e));
        focusErrors();
      }
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  }

  const another = (): void => {
    setSaved(null);
    focusField('reg-registeredOn');
  };

  if (saved)
    return (
      <section className="page">
        <h1 className="page__title">{r.title}</h1>
        <SavedPanel card={saved} onAnother={another} />
      </section>
    );

  const err = (id: string): string | undefined => errors[id];

  return (
    <section className="page page--form">
      <h1 className="page__title">{r.title}</h1>
      {d.event ? (
        <p className="banner banner--info" data-testid="register-event">
          {eventsUi.fromEvent(d.event.title)}{' '}
          <button
            type="button"
            className="btn btn--small btn--ghost"
            onClick={() => setDraft({ event: null })}
          >
            {eventsUi.unlink}
          </button>
        </p>
      ) : null}
      <IntakeBanner />
      <form
        ref={formRef}
        className="register"
        noValidate
        aria-busy={busy}
        onFocus={keepClearOfStickyBar}
        onSubmit={(e) => e.preventDefault()}
        onKeyDown={(e) => {
          if (isCtrlEnter(e)) {
            e.preventDefault();
            void save();
          }
        }}
      >
        <div className="register__top">
          <Field id="reg-registeredOn" label={r.registeredOn} error={err('reg-registeredOn')}>
            {(a) => (
              <DateInput
                id="reg-registeredOn"
                {...a}
                autoFocus
                onFocus={(e) => e.target.select()}
                value={d.registeredOn}
                onChange={(v) => setDraft({ registeredOn: v, registeredOnTyped: true })}
              />
            )}
          </Field>
          <Field
            id="reg-receivedOn"
            label={r.receivedOn}
            hint={r.receivedOnHint}
            error={err('reg-receivedOn')}
          >
            {(a) => (
              <DateInput
                id="reg-receivedOn"
                {...a}
                onFocus={(e) => e.target.select()}
                value={d.receivedOn}
                onChange={(v) => setDraft({ receivedOn: v })}
              />
            )}
          </Field>
          <Field id="reg-channel" label={r.channel} error={err('reg-channel')}>
            {(a) => (
              <select
                id="reg-channel"
                {...a}
                value={d.channel}
                onChange={(e) => setDraft({ channel: e.target.value as typeof d.channel })}
              >
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {labels.channelLabels[c]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="reg-kind" label={r.kind} error={err('reg-kind')}>
            {(a) => (
              <select
                id="reg-kind"
                {...a}
                value={d.kind}
                onChange={(e) => setDraft({ kind: e.target.value as typeof d.kind })}
              >
                {APPEAL_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {labels.kindLabels[k]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TermPreview registeredOn={d.registeredOn} receivedOn={d.receivedOn} kind={d.kind} />
        </div>
        {d.channel === 'forwarded' ? (
          <div className="grid4">
            <Field
              id="reg-forwardedBody"
              label={r.forwardedBody}
              error={err('reg-forwardedBody')}
              className="span2"
            >
              {(a) => (
                <input
                  id="reg-forwardedBody"
                  {...a}
                  value={d.forwardedBody}
                  onChange={(e) => setDraft({ forwardedBody: e.target.value })}
                />
              )}
            </Field>
            <Field id="reg-forwardedNumber" label={r.forwardedNumber} error={err('reg-forwardedNumber')}>
              {(a) => (
                <input
                  id="reg-forwardedNumber"
                  {...a}
                  value={d.forwardedNumber}
                  onChange={(e) => setDraft({ forwardedNumber: e.target.value })}
                />
              )}
            </Field>
            <Field id="reg-forwardedDate" label={r.forwardedDate} error={err('reg-forwardedDate')}>
              {(a) => (
                <DateInput
                  id="reg-forwardedDate"
                  {...a}
                  value={d.forwardedDate}
                  onChange={(v) => setDraft({ forwardedDate: v })}
                />
              )}
            </Field>
          </div>
        ) : null}

        <ApplicantFields errors={errors} />

        <ContentFields errors={errors} />

        <OralAnswerFields errors={errors} />

        {applicantTyped && warnings.length > 0 ? (
          <div className="banner banner--warning" id="reg-warnings">
            <div>{r.warningsTitle}</div>
            <ul>
              {warnings.map((w) => (
                <li key={w}>{labels.art11Labels[w]}</li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="live" aria-live="assertive">
          {banner ? <p className="banner banner--error">{banner}</p> : null}
        </div>

        {match ? (
          <MatchPanel
            candidates={match}
            onChoose={(c) => void save({ contactId: c.id })}
            onNew={() => void save({ forceNew: true })}
            onCancel={() => {
              setMatch(null);
              focusField('reg-phone');
            }}
          />
        ) : null}

        <div className="actions actions--sticky">
          <button
            type="button"
            id="reg-submit"
            className="btn btn--primary"
            disabled={busy}
            onClick={() => void save()}
          >
            {busy ? r.submitting : r.submit} <Kbd>Ctrl+Enter</Kbd>
          </button>
        </div>
      </form>
    </section>
  );
}
