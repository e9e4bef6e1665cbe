import { NOT_APPEAL_REASONS, type IntakeItem } from '../../../../shared/api/mail-intake';
import {
  intakeProblemText,
  intakeStateText,
  mailIntakeUi as t,
  notAppealReasonText,
} from '../../../../shared/i18n/ru/mail-intake';
import { call } from '../../api/client';
import { ReasonForm } from '../../components/ReasonForm';
import { TriageActions, TriageOutcome } from '../../components/TriageList';
import { formatInstant } from '../../i18n';
import { useStore } from '../../store';
import { AnswerForm } from './AnswerForm';
import { registerFromItem } from './prefill';

const sender = (i: { fromName: string | null; fromAddress: string | null }): string =>
  i.fromName && i.fromAddress
    ? `${i.fromName} <${i.fromAddress}>`
    : (i.fromName ?? i.fromAddress ?? t.unknownSender);

const kb = (n: number): string => `${Math.max(1, Math.round(n / 1024))} КБ`;

/** «Не обращение»: the reason (spam, a newsletter, a reply in a thread…) and a note. */
function DismissForm({ item, onDone }: { item: IntakeItem; onDone(): void }) {
  return (
    <ReasonForm
      idPrefix="intake"
      testId="intake-dismiss"
      reasons={NOT_APPEAL_REASONS}
      reasonText={notAppealReasonText}
      labels={{ reason: t.dismissReason, note: t.dismissNote, confirm: t.dismissConfirm, cancel: t.cancel }}
      submit={(reason, note) => call('mail.dismissIntake', { id: item.id, reason, note })}
      onDone={onDone}
    />
  );
}

/** One message opened: who, when, its text and files, and what the office decided or may decide. */
export function ItemPane({
  item,
  dismissing,
  setDismissing,
}: {
  item: IntakeItem;
  dismissing: boolean;
  setDismissing(v: boolean): void;
}) {
  const tz = useStore((s) => s.office?.timeZone);
  const open = item.state === 'new';
  return (
    <article className="mailin__item" aria-labelledby="intake-subject" data-testid="intake-item">
      <h2 id="intake-subject">{item.subject || t.noSubject}</h2>
      <dl className="mailin__meta">
        <dt>{t.from}</dt>
        <dd>{sender(item)}</dd>
        <dt>{t.received}</dt>
        <dd>{formatInstant(item.receivedAt, tz)}</dd>
        {item.sentAt ? (
          <>
            <dt>{t.sent}</dt>
            <dd>{formatInstant(item.sentAt, tz)}</dd>
          </>
        ) : null}
        <dt>{t.state}</dt>
        <TriageOutcome
          testId="intake-state"
          state={intakeStateText[item.state]}
          regNumber={item.regNumber}
          appealId={item.appealId}
          openAppeal={t.openAppeal}
          reason={item.reason ? (notAppealReasonText[item.reason.split(':')[0]!] ?? item.reason) : null}
        />
      </dl>
      {item.problem ? <p className="banner banner--error">{intakeProblemText[item.problem]}</p> : null}
      {item.autoReply ? <p className="banner banner--info">{t.autoReply}</p> : null}
      {item.bounceReport?.recipient ? (
        <p className="banner banner--info">{t.bounceOf(item.bounceReport.recipient)}</p>
      ) : null}
      {open && !dismissing ? (
        <TriageActions
          register={t.register}
          dismiss={t.dismiss}
          onRegister={() => registerFromItem(item)}
          onDismiss={() => setDismissing(true)}
        />
      ) : null}
      {open && dismissing ? <DismissForm item={item} onDone={() => setDismissing(false)} /> : null}
      {item.state === 'linked' && item.requestId ? <AnswerForm key={item.id} item={item} /> : null}
      {item.attachments.length > 0 ? (
        <section aria-label={t.attachments}>
          <h3>{t.attachments}</h3>
          <ul className="mailin__files" data-testid="intake-files">
            {item.attachments.map((f) => (
              <li key={f.sha256 + f.name}>
                {f.name} <span className="muted">({kb(f.size)})</span>
                {f.attachable ? null : <span className="muted"> — {t.notAttachable}</span>}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <h3>{t.body}</h3>
      <pre className="mailin__body" data-testid="intake-body">
        {item.body || t.noBody}
      </pre>
    </article>
  );
}
