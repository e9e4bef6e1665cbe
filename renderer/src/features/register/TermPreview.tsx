import type { AppealKind } from '../../../../shared/api/appeals';
import type { Output } from '../../../../shared/api/index';
import { useCall } from '../../api/use-call';
import { useDebounced } from '../../components/hooks';
import { errorText, formatDate, ui } from '../../i18n';

type Term = Output<'appeals.previewTerm'>;

/** The control date the appeal will get, from the server's rules, as soon as the registration date is known. */
export function TermPreview({
  registeredOn,
  receivedOn,
  kind,
}: {
  registeredOn: string | null;
  /** Empty: received on the registration day. Null: not a date (the form says so at its field). */
  receivedOn: string | null;
  kind: AppealKind;
}) {
  const received = receivedOn && registeredOn && receivedOn < registeredOn ? receivedOn : '';
  const key = useDebounced(registeredOn ? `${registeredOn}|${kind}|${received}` : '', 250);
  const [date, k, r] = key.split('|') as [string, AppealKind, string];
  const answer = useCall(
    'appeals.previewTerm',
    { registeredOn: date, kind: k, ...(r ? { receivedOn: r } : {}) },
    { enabled: key !== '' },
  );
  const current: { term?: Term; error?: string } | null =
    key && !answer.loading && registeredOn && key.startsWith(registeredOn) && key.endsWith(`|${received}`)
      ? answer.error
        ? { error: errorText(answer.error) }
        : { term: answer.data }
      : null;
  return (
    <div className="term" aria-live="polite" id="reg-term">
      <div className="term__label">{ui.register.term}</div>
      {!registeredOn ? (
        <div className="muted">{ui.none}</div>
      ) : !current ? (
        <div className="muted">{ui.register.termComputing}</div>
      ) : current.term ? (
        <>
          <div className="term__date" data-testid="control-date">
            {ui.register.controlDate(formatDate(current.term.controlDate))}
          </div>
          {current.term.termDate !== current.term.controlDate ? (
            <div className="term__legal">{ui.register.legalDay(formatDate(current.term.termDate))}</div>
          ) : null}
          {current.term.registeredLate && current.term.registerBy ? (
            <div className="term__late" data-testid="registered-late">
              {ui.register.registeredLate(formatDate(current.term.registerBy))}
            </div>
          ) : null}
        </>
      ) : (
        <div className="field__error">{current.error}</div>
      )}
    </div>
  );
}
