import type { AppealCard, AppealRow } from '../../../../shared/api/appeals';
import { ART11_GROUNDS, ART11_RULES, type Art11Ground } from '../../../../shared/domain/workflow/art11';
import { useCall } from '../../api/use-call';
import { Check } from '../../components/Field';
import { formatDate, labels, workflowText } from '../../i18n';
import { CheckField, list, SelectField, str, TextField, type FormProps } from './fields';

const f = workflowText.form;
const GROUNDS = ART11_GROUNDS.map((g) => [g, labels.art11GroundLabels[g]] as const);

/** Part 5 names the earlier answered appeals of the same applicant; they are found by the name. */
function EarlierAppeals(p: FormProps & { card: AppealCard }) {
  const { card } = p;
  const name = card.applicant.fullName;
  const found = useCall('appeals.list', { filter: { q: card.applicant.lastName ?? name }, limit: 100 });
  const rows: AppealRow[] | null = found.error
    ? []
    : (found.data?.rows.filter(
        (row) => row.id !== card.id && row.applicantName === name && row.status === 'closed',
      ) ?? null);

  const chosen = list(p.values, 'linkedAppealIds');
  const toggle = (id: string, on: boolean): void =>
    p.set({ linkedAppealIds: on ? [...chosen, id] : chosen.filter((x) => x !== id) });

  return (
    <fieldset className="fieldset" aria-describedby={p.errors.linkedAppealIds ? 'linked-error' : undefined}>
      <legend>{f.linked}</legend>
      {rows === null ? <p className="muted">{f.linkedLoading}</p> : null}
      {rows?.length === 0 ? <p className="muted">{f.linkedNone}</p> : null}
      {rows?.map((row) => (
        <Check
          key={row.id}
          id={`${p.prefix}-linked-${row.id}`}
          label={f.linkedItem(
            row.regNumber,
            formatDate(row.registeredOn),
            row.summary,
            labels.statusLabels[row.status],
          )}
          checked={chosen.includes(row.id)}
          onChange={(on) => toggle(row.id, on)}
        />
      ))}
      {p.errors.linkedAppealIds ? (
        <div id="linked-error" className="field__error">
          {p.errors.linkedAppealIds}
        </div>
      ) : null}
    </fieldset>
  );
}

/** 59-FZ Art. 11: the ground, what follows from it, and the facts that ground asks for. */
export function Art11Fields(p: FormProps & { card: AppealCard }) {
  const ground = str(p.values, 'ground') as Art11Ground | '';
  const rule = ground ? ART11_RULES[ground] : null;
  return (
    <>
      <SelectField
        {...p}
        name="ground"
        label={f.ground}
        options={GROUNDS}
        placeholder={f.groundPlaceholder}
        autoFocus
      />
      {ground ? (
        <p className="banner banner--info" data-testid="art11-outcome">
          {workflowText.art11Outcomes[ground]}
        </p>
      ) : null}
      {rule?.forwardIfCrime ? <CheckField {...p} name="reportsCrime" label={f.reportsCrime} /> : null}
      {rule?.noticeIfReadable ? <CheckField {...p} name="readable" label={f.readable} /> : null}
      {rule?.needsDeputy ? <EarlierAppeals {...p} /> : null}
      {rule?.publishedAnswer ? (
        <TextField
          {...p}
          name="publishedAnswerUrl"
          label={f.publishedAnswerUrl}
          hint={f.publishedAnswerHint}
        />
      ) : null}
      <TextField {...p} name="comment" label={f.reason} rows={3} />
    </>
  );
}
