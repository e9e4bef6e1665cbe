import { useState } from 'react';
import { APPEAL_KINDS, CHANNELS, type AppealKind, type Channel } from '../../../../shared/api/appeals';
import type { RoutingRule } from '../../../../shared/api/routing';
import { routingUi as t } from '../../../../shared/i18n/ru/routing';
import { call, isCallError } from '../../api/client';
import { Check, Field } from '../../components/Field';
import { errorText, fieldErrors, labels } from '../../i18n';
import { useStore } from '../../store';
import { TopicPicker } from '../classifier/TopicPicker';

interface RuleForm {
  name: string;
  topic: string;
  channel: Channel | '';
  kind: AppealKind | '';
  district: string;
  settlement: string;
  responsibleId: string;
  toDeputy: boolean;
}

const formOf = (r: RoutingRule | null): RuleForm => ({
  name: r?.name ?? '',
  topic: r?.when.topic ?? '',
  channel: r?.when.channel ?? '',
  kind: r?.when.kind ?? '',
  district: r?.when.district ?? '',
  settlement: r?.when.settlement ?? '',
  responsibleId: r?.responsibleId ?? '',
  toDeputy: r?.toDeputy ?? false,
});

/** A condition on one of a fixed list of values, or on none («любой»). */
function AnySelect<V extends string>(p: {
  id: string;
  label: string;
  value: V | '';
  options: readonly V[];
  names: Record<V, string>;
  onChange(v: V | ''): void;
}) {
  return (
    <Field id={p.id} label={p.label}>
      {(a) => (
        <select id={p.id} {...a} value={p.value} onChange={(e) => p.onChange(e.target.value as V | '')}>
          <option value="">{t.any}</option>
          {p.options.map((v) => (
            <option key={v} value={v}>
              {p.names[v]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A refusal in the form's words: the server names the field, the panel says what to do. */
function messageFor(field: string, fallback: string): string {
  return t.errors[field] ?? fallback;
}

/** Adds a rule or edits one: its conditions, then what it sets. Ctrl+Enter saves, Escape cancels. */
export function RuleEditor(props: {
  rule: RoutingRule | null;
  onSaved(rules: RoutingRule[]): void;
  onCancel(): void;
}) {
  const { rule } = props;
  const users = useStore((s) => s.users);
  const [f, setF] = useState<RuleForm>(() => formOf(rule));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<RuleForm>): void => setF({ ...f, ...patch });
  const id = (k: string): string => `rule-${k}`;

  async function save(): Promise<void> {
    if (busy) return;
    setBusy(true);
    setErrors({});
    setBanner(null);
    const input = {
      name: f.name,
      when: {
        topic: f.topic || null,
        channel: f.channel || null,
        kind: f.kind || null,
        district: f.district,
        settlement: f.settlement,
      },
      responsibleId: f.responsibleId || null,
      toDeputy: f.toDeputy,
    };
    try {
      props.onSaved(
        rule
          ? await call('routing.update', { ...input, id: rule.id, version: rule.version })
          : await call('routing.create', input),
      );
    } catch (e) {
      if (isCallError(e)) {
        const byField = Object.fromEntries(
          Object.entries(fieldErrors(e)).map(([k, v]) => [k, messageFor(k, v)]),
        );
        setErrors(byField);
        const first = Object.keys(byField)[0];
        setBanner(first ? byField[first]! : errorText(e));
      } else setBanner(errorText(e));
    } finally {
      setBusy(false);
    }
  }

  const active = users.filter((u) => u.active || u.id === f.responsibleId);
  const whenError = errors.when;
  return (
    <div
      className="rule-editor"
      role="group"
      aria-labelledby={id('title')}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h3 id={id('title')}>{rule ? t.editTitle(rule.name) : t.newTitle}</h3>
      <Field id={id('name')} label={t.name} error={errors.name}>
        {(a) => (
          <input
            id={id('name')}
            {...a}
            autoFocus
            value={f.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="rule-editor__group" aria-invalid={whenError ? true : undefined}>
        <legend>{t.conditions}</legend>
        <Field id={id('topic')} label={t.topic} error={errors['when.topic']}>
          {(a) => (
            <TopicPicker
              id={id('topic')}
              a11y={a}
              scope="any"
              max={1}
              value={f.topic ? [f.topic] : []}
              onChange={(codes) => set({ topic: codes[0] ?? '' })}
            />
          )}
        </Field>
        <div className="grid4">
          <AnySelect
            id={id('channel')}
            label={t.channel}
            value={f.channel}
            options={CHANNELS}
            names={labels.channelLabels}
            onChange={(channel) => set({ channel })}
          />
          <AnySelect
            id={id('kind')}
            label={t.kind}
            value={f.kind}
            options={APPEAL_KINDS}
            names={labels.kindLabels}
            onChange={(kind) => set({ kind })}
          />
          {(['district', 'settlement'] as const).map((k) => (
            <Field key={k} id={id(k)} label={t[k]}>
              {(a) => <input id={id(k)} {...a} value={f[k]} onChange={(e) => set({ [k]: e.target.value })} />}
            </Field>
          ))}
        </div>
        {whenError ? <div className="field__error">{whenError}</div> : null}
      </fieldset>
      <fieldset className="rule-editor__group">
        <legend>{t.effect}</legend>
        <div className="grid2">
          <Field id={id('responsible')} label={t.responsible} error={errors.responsibleId}>
            {(a) => (
              <select
                id={id('responsible')}
                {...a}
                value={f.responsibleId}
                onChange={(e) => set({ responsibleId: e.target.value })}
              >
                <option value="">{t.noResponsible}</option>
                {active.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Check
            id={id('toDeputy')}
            label={t.toDeputy}
            checked={f.toDeputy}
            onChange={(toDeputy) => set({ toDeputy })}
          />
        </div>
      </fieldset>
      <div className="live" aria-live="assertive">
        {banner ? <p className="banner banner--error">{banner}</p> : null}
      </div>
      <div className="actions">
        <button
          type="button"
          id={id('save')}
          className="btn btn--primary"
          disabled={busy}
          onClick={() => void save()}
        >
          {t.save}
        </button>
        <button type="button" className="btn btn--ghost" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </div>
    </div>
  );
}
