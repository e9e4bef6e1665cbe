import { useState } from 'react';
import { CAMPAIGN_KINDS, type Campaign, type CampaignKind } from '../../../../shared/api/campaigns';
import { campaignKindLabels, DEFAULT_CAMPAIGN_STAGES } from '../../../../shared/i18n/ru/campaigns';
import { call, isCallError } from '../../api/client';
import { DateInput } from '../../components/DateInput';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { fieldErrors } from '../../i18n';
import { stagesFromLines } from './stages';
import { campaignError, t } from './text';

/** Creates a campaign or changes one: its name, kind, dates, description and the funnel's stages. */
export function CampaignForm(props: {
  campaign: Campaign | null;
  onClose(): void;
  onSaved(c: Campaign): void;
}) {
  const c = props.campaign;
  const [name, setName] = useState(c?.name ?? '');
  const [kind, setKind] = useState<CampaignKind>(c?.kind ?? 'signatures');
  const [startsOn, setStartsOn] = useState<string | null>(c?.startsOn ?? '');
  const [endsOn, setEndsOn] = useState<string | null>(c?.endsOn ?? '');
  const [description, setDescription] = useState(c?.description ?? '');
  const [stages, setStages] = useState(
    (c ? c.stages.map((s) => s.name) : [...DEFAULT_CAMPAIGN_STAGES]).join('\n'),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  async function submit(): Promise<void> {
    if (busy) return;
    const lines = stages
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const common = {
      name: name.trim(),
      kind,
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      description: description.trim() || undefined,
    };
    setBusy(true);
    setError(null);
    try {
      props.onSaved(
        c
          ? await call('campaigns.update', {
              ...common,
              id: c.id,
              version: c.version,
              stages: stagesFromLines(lines, c.stages),
            })
          : await call('campaigns.create', { ...common, stages: lines }),
      );
    } catch (e) {
      setBusy(false);
      const byField = isCallError(e) ? fieldErrors(e) : {};
      const stageError = Object.entries(byField).find(([f]) => f.startsWith('stages'));
      setFields({ ...byField, stages: stageError ? campaignError(e) : '' });
      setError(campaignError(e));
    }
  }

  const dateError = (f: string) => (fields[f] ? (t.serverMessages[fields[f]] ?? fields[f]) : null);
  return (
    <Dialog
      id="campaign-form"
      title={c ? t.editTitle : t.createTitle}
      submitLabel={t.save}
      busy={busy}
      error={error}
      onSubmit={() => void submit()}
      onClose={props.onClose}
      wide
    >
      <div className="campaign-form">
        <Field id="campaign-name" label={t.name} error={fields.name}>
          {(a) => (
            <input
              id="campaign-name"
              {...a}
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field id="campaign-kind" label={t.kind}>
          {(a) => (
            <select
              id="campaign-kind"
              {...a}
              value={kind}
              onChange={(e) => setKind(e.target.value as CampaignKind)}
            >
              {CAMPAIGN_KINDS.map((k) => (
                <option key={k} value={k}>
                  {campaignKindLabels[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="campaign-starts" label={t.startsOn} error={dateError('startsOn')}>
          {(a) => <DateInput id="campaign-starts" {...a} value={startsOn} onChange={setStartsOn} />}
        </Field>
        <Field id="campaign-ends" label={t.endsOn} error={dateError('endsOn')}>
          {(a) => <DateInput id="campaign-ends" {...a} value={endsOn} onChange={setEndsOn} />}
        </Field>
        <Field id="campaign-description" label={t.description} className="campaign-form__wide">
          {(a) => (
            <textarea
              id="campaign-description"
              {...a}
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="campaign-stages"
          label={t.stages}
          hint={c ? t.stagesHint : null}
          error={fields.stages || null}
          className="campaign-form__wide"
        >
          {(a) => (
            <textarea
              id="campaign-stages"
              {...a}
              rows={5}
              value={stages}
              onChange={(e) => setStages(e.target.value)}
            />
          )}
        </Field>
      </div>
    </Dialog>
  );
}
