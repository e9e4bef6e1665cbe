import { useState } from 'react';
import { APPEAL_RESULTS, type AppealCard } from '../../../../shared/api/appeals';
import { isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrors, labels, ui, todayIn, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { DATE_FIELDS, initialValues, runAppealAction, type CardAction } from './appeal-actions';
import { Art11Fields } from './Art11Fields';
import {
  badDates,
  CheckField,
  DateField,
  SelectField,
  str,
  TextField,
  type FormProps,
  type Values,
} from './fields';

const f = workflowText.form;
export const SEND_FORMS = (['post', 'email', 'in_person'] as const).map(
  (k) => [k, labels.sendFormLabels[k]] as const,
);
/** A reply on the merits: "forwarded" and "left without an answer" close other ways. */
const RESULTS = APPEAL_RESULTS.filter((r) => r !== 'forwarded' && r !== 'left_without_answer').map(
  (r) => [r, labels.resultLabels[r]] as const,
);

function ReplyText({ card }: { card: AppealCard }) {
  return (
    <div>
      <div className="due__label">{workflowText.card.replyText}</div>
      <div className="prose" data-testid="dialog-reply-text">
        {card.reply?.text ?? workflowText.card.replyEmpty}
      </div>
    </div>
  );
}

/** The inputs of one step, named as the contract names them. */
function ActionFields({ action, card, ...p }: FormProps & { action: CardAction; card: AppealCard }) {
  const comment = <TextField {...p} name="comment" label={f.commentOptional} rows={2} />;
  switch (action) {
    case 'sendToDeputy':
      return comment;
    case 'requestContactData':
      return <TextField {...p} name="comment" label={f.whatRequested} rows={3} autoFocus />;
    case 'contactDataReceived':
      return (
        <>
          <div className="grid4 grid2">
            <TextField {...p} name="lastName" label={f.lastName} autoFocus />
            <TextField {...p} name="firstName" label={f.firstName} />
          </div>
          <TextField {...p} name="address" label={f.address} />
          <div className="grid4 grid2">
            <TextField {...p} name="email" label={f.email} />
            <TextField {...p} name="phone" label={f.phone} />
          </div>
          {comment}
        </>
      );
    case 'applyArt11':
      return <Art11Fields {...p} card={card} />;
    case 'decideArt11':
      return (
        <>
          <SelectField
            {...p}
            name="decision"
            label={f.decision}
            options={[
              ['end', f.decideEnd],
              ['return', f.decideReturn],
            ]}
            autoFocus
          />
          <TextField {...p} name="text" label={f.decisionText} rows={4} />
        </>
      );
    case 'sendArt11Notice':
    case 'sendReply':
      return (
        <>
          <div className="grid4 grid2">
            <DateField {...p} name="sentOn" label={f.sentOn} autoFocus />
            <SelectField {...p} name="form" label={f.sendForm} options={SEND_FORMS} />
          </div>
          <TextField {...p} name="outgoingNumber" label={f.outgoingNumber} />
          {action === 'sendReply' ? (
            <>
              <TextField {...p} name="signatory" label={f.signatory} />
              <SelectField
                {...p}
                name="result"
                label={f.result}
                options={RESULTS}
                placeholder={f.resultPlaceholder}
              />
            </>
          ) : (
            comment
          )}
        </>
      );
    case 'forward':
      return (
        <>
          <TextField {...p} name="addressee" label={f.addressee} autoFocus />
          <TextField
            {...p}
            name="complainedBody"
            label={f.complainedBody}
            hint={card.kind === 'complaint' ? f.complainedBodyHint : undefined}
          />
          {comment}
        </>
      );
    case 'completeForward':
      return (
        <>
          <TextField {...p} name="outgoingNumber" label={f.outgoingNumber} autoFocus />
          <div className="grid4 grid2">
            <DateField {...p} name="sentOn" label={f.sentOn} />
            <DateField {...p} name="applicantNotifiedOn" label={f.applicantNotifiedOn} />
          </div>
          {comment}
        </>
      );
    case 'resolve':
      return (
        <>
          <TextField {...p} name="text" label={f.resolutionText} rows={4} autoFocus />
          <div className="grid4 grid2">
            <DateField {...p} name="resolvedOn" label={f.resolvedOn} />
            <div className="dialog__check">
              <CheckField {...p} name="requestNeeded" label={f.requestNeeded} />
              <div className="field__hint">{f.requestNeededHint}</div>
            </div>
          </div>
        </>
      );
    case 'saveReply':
      return <TextField {...p} name="text" label={f.replyText} rows={12} autoFocus />;
    case 'submitReply':
      return (
        <>
          <TextField {...p} name="text" label={f.replyText} rows={12} autoFocus />
          {comment}
        </>
      );
    case 'approveReply':
      return (
        <>
          <ReplyText card={card} />
          {comment}
        </>
      );
    case 'returnReply':
      return (
        <>
          <ReplyText card={card} />
          <TextField {...p} name="comment" label={f.comment} rows={3} autoFocus />
        </>
      );
    case 'extend':
      return (
        <>
          <TextField {...p} name="days" label={f.extendDays} hint={f.extendHint} autoFocus />
          <TextField {...p} name="reason" label={f.reason} rows={3} />
        </>
      );
    case 'notifyExtension':
      return <DateField {...p} name="notifiedOn" label={f.notifiedOn} autoFocus />;
    default: {
      const unknown: never = action;
      throw new Error(`no fields for ${String(unknown)}`);
    }
  }
}

/** Checks the server cannot make: it does not know what the person meant to type. */
function clientErrors(action: CardAction, v: Values): Record<string, string> {
  const errors = badDates(v, DATE_FIELDS[action] ?? []);
  if (action === 'forward') {
    const to = str(v, 'addressee').trim().toLowerCase();
    if (to && to === str(v, 'complainedBody').trim().toLowerCase()) errors.addressee = f.complainedSame;
  }
  if (action === 'submitReply' && !str(v, 'text').trim()) errors.text = f.replyMissing;
  return errors;
}

export function AppealActionDialog(props: {
  card: AppealCard;
  action: CardAction;
  onClose(): void;
  onDone(card: AppealCard, what: string): void;
}) {
  const { card, action } = props;
  const office = useStore((s) => s.office);
  const [values, setValues] = useState<Values>(() =>
    initialValues(action, card, {
      today: todayIn(office?.timeZone ?? 'Europe/Moscow'),
      deputyName: office?.deputyName ?? '',
    }),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = workflowText.appealActions[action];

  async function submit(): Promise<void> {
    if (busy) return;
    const local = clientErrors(action, values);
    setErrors(local);
    setBanner(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      props.onDone(await runAppealAction(action, card, values), workflowText.appealDone[action]);
    } catch (e) {
      setBusy(false);
      if (isCallError(e)) setErrors(fieldErrors(e));
      setBanner(errorText(e));
    }
  }

  return (
    <Dialog
      id="wf-dialog"
      title={label}
      submitLabel={action === 'saveReply' ? ui.save : label}
      busy={busy}
      error={banner}
      wide={action === 'submitReply' || action === 'saveReply' || action === 'approveReply'}
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <ActionFields
        prefix="wf"
        action={action}
        card={card}
        values={values}
        errors={errors}
        set={(patch) => setValues((v) => ({ ...v, ...patch }))}
      />
    </Dialog>
  );
}
