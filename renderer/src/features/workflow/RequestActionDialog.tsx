import { useState } from 'react';
import type { ExternalRequest } from '../../../../shared/api/appeals';
import {
  REQUEST_KINDS,
  type RequestAction,
  type RequestKind,
} from '../../../../shared/domain/workflow/request';
import { call, isCallError } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { errorText, fieldErrors, labels, ui, todayIn, workflowText } from '../../i18n';
import { useStore } from '../../store';
import { BodyPicker } from './BodyPicker';
import {
  badDates,
  bool,
  CheckField,
  DateField,
  SelectField,
  str,
  TextField,
  type FormProps,
  type Values,
} from './fields';

/** A request's steps, and `create` for another request on the same appeal. */
export type RequestStep = RequestAction | 'create';

const f = workflowText.form;
const KINDS = REQUEST_KINDS.map((k) => [k, labels.requestKindLabels[k]] as const);

function initial(step: RequestStep, r: ExternalRequest | null, today: string): Values {
  switch (step) {
    case 'create':
    case 'update':
      return { bodyId: r?.bodyId ?? '', kind: r?.kind ?? 'deputy_request', text: r?.text ?? '' };
    case 'send':
      return { sentOn: today, outgoingNumber: '', extend: false, extendDays: '30', extensionReason: '' };
    case 'recordAnswer':
      return { answeredOn: today, incomingNumber: '', summary: '' };
    case 'resolveAnswer':
      return { text: '', next: 'reply' };
    default:
      return { comment: '' };
  }
}

const DATES: Partial<Record<RequestStep, readonly string[]>> = {
  send: ['sentOn'],
  recordAnswer: ['answeredOn'],
};

async function run(step: RequestStep, appealId: string, r: ExternalRequest | null, v: Values) {
  const comment = str(v, 'comment');
  const draft = {
    bodyId: str(v, 'bodyId') || null,
    kind: str(v, 'kind') as RequestKind,
    text: str(v, 'text'),
  };
  if (step === 'create') return call('requests.create', { appealId, ...draft });
  if (!r) throw new Error(`request ${step} needs a request`);
  const id = r.id;
  switch (step) {
    case 'update':
      return call('requests.update', { id, ...draft });
    case 'submit':
      return call('requests.submit', { id, comment });
    case 'approve':
      return call('requests.approve', { id, comment });
    case 'return':
      return call('requests.return', { id, comment });
    case 'cancel':
      return call('requests.cancel', { id, comment });
    case 'send': {
      const extend = r.kind === 'documents_request' && bool(v, 'extend');
      return call('requests.send', {
        id,
        sentOn: str(v, 'sentOn'),
        outgoingNumber: str(v, 'outgoingNumber'),
        ...(extend
          ? { extendDays: Number(str(v, 'extendDays')), extensionReason: str(v, 'extensionReason') }
          : {}),
      });
    }
    case 'recordAnswer':
      return call('requests.recordAnswer', {
        id,
        answeredOn: str(v, 'answeredOn'),
        incomingNumber: str(v, 'incomingNumber'),
        summary: str(v, 'summary'),
      });
    case 'resolveAnswer':
      return call('requests.resolveAnswer', {
        id,
        text: str(v, 'text'),
        next: str(v, 'next') === 'request' ? 'request' : 'reply',
      });
    default: {
      const unknown: never = step;
      throw new Error(`unknown request step ${String(unknown)}`);
    }
  }
}

/** What the deputy approves or the desk sends: the addressee and the text, as they stand. */
function Summary({ r }: { r: ExternalRequest }) {
  return (
    <dl className="dl">
      <div className="dl__item">
        <dt>{workflowText.request.addressee}</dt>
        <dd>{r.bodyName ?? workflowText.request.noAddressee}</dd>
      </div>
      <div className="dl__item">
        <dt>{workflowText.request.kind}</dt>
        <dd>{labels.requestKindLabels[r.kind]}</dd>
      </div>
      {r.text ? (
        <div className="dl__item dl__item--wide">
          <dt>{workflowText.request.text}</dt>
          <dd className="prose">{r.text}</dd>
        </div>
      ) : null}
      {r.answerSummary ? (
        <div className="dl__item dl__item--wide">
          <dt>{workflowText.request.answer}</dt>
          <dd className="prose">{r.answerSummary}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function Fields({ step, r, ...p }: FormProps & { step: RequestStep; r: ExternalRequest | null }) {
  const summary = r ? <Summary r={r} /> : null;
  switch (step) {
    case 'create':
    case 'update':
      return (
        <>
          <BodyPicker {...p} autoFocus />
          <SelectField {...p} name="kind" label={f.requestKind} options={KINDS} />
          <TextField {...p} name="text" label={f.requestText} rows={10} />
        </>
      );
    case 'send':
      return (
        <>
          {summary}
          <div className="grid4 grid2">
            <DateField {...p} name="sentOn" label={f.sentOn} autoFocus />
            <TextField {...p} name="outgoingNumber" label={f.outgoingNumber} />
          </div>
          {r?.kind === 'documents_request' ? (
            <>
              <CheckField {...p} name="extend" label={f.extendWithRequest} />
              {bool(p.values, 'extend') ? (
                <div className="grid4 grid2">
                  <TextField {...p} name="extendDays" label={f.extendDays} hint={f.extendHint} />
                  <TextField {...p} name="extensionReason" label={f.extensionReason} />
                </div>
              ) : null}
            </>
          ) : null}
        </>
      );
    case 'recordAnswer':
      return (
        <>
          <div className="grid4 grid2">
            <DateField {...p} name="answeredOn" label={f.answeredOn} autoFocus />
            <TextField {...p} name="incomingNumber" label={f.incomingNumber} />
          </div>
          <TextField {...p} name="summary" label={f.answerSummary} rows={5} />
        </>
      );
    case 'resolveAnswer':
      return (
        <>
          {summary}
          <TextField {...p} name="text" label={f.resolutionText} rows={4} autoFocus />
          <SelectField
            {...p}
            name="next"
            label={f.nextStep}
            options={[
              ['reply', f.nextReply],
              ['request', f.nextRequest],
            ]}
          />
        </>
      );
    case 'return':
    case 'cancel':
      return (
        <>
          {summary}
          <TextField {...p} name="comment" label={f.comment} rows={3} autoFocus />
        </>
      );
    default:
      return (
        <>
          {summary}
          <TextField {...p} name="comment" label={f.commentOptional} rows={2} />
        </>
      );
  }
}

export function RequestActionDialog(props: {
  appealId: string;
  request: ExternalRequest | null;
  step: RequestStep;
  onClose(): void;
  onDone(what: string): void;
}) {
  const { request, step } = props;
  const timeZone = useStore((s) => s.office?.timeZone ?? 'Europe/Moscow');
  const [values, setValues] = useState<Values>(() => initial(step, request, todayIn(timeZone)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const label = step === 'create' ? workflowText.card.newRequest : workflowText.requestActions[step];
  const title = request ? `${label} — ${workflowText.request.title(request.seq)}` : label;

  async function submit(): Promise<void> {
    if (busy) return;
    const local = badDates(values, DATES[step] ?? []);
    setErrors(local);
    setBanner(null);
    if (Object.keys(local).length > 0) return;
    setBusy(true);
    try {
      await run(step, props.appealId, request, values);
      props.onDone(workflowText.requestDone[step]);
    } catch (e) {
      setBusy(false);
      if (isCallError(e)) setErrors(fieldErrors(e));
      setBanner(errorText(e));
    }
  }

  return (
    <Dialog
      id="wf-dialog"
      title={title}
      submitLabel={step === 'update' || step === 'create' ? ui.save : label}
      busy={busy}
      error={banner}
      wide={step === 'create' || step === 'update'}
      onSubmit={() => void submit()}
      onClose={props.onClose}
    >
      <Fields
        prefix="rq"
        step={step}
        r={request}
        values={values}
        errors={errors}
        set={(patch) => setValues((v) => ({ ...v, ...patch }))}
      />
    </Dialog>
  );
}
