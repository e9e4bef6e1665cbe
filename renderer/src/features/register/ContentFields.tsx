import { AppealFlags } from '../../components/AppealFlags';
import { Field } from '../../components/Field';
import { ui } from '../../i18n';
import { useStore } from '../../store';
import { TopicPicker } from '../classifier/TopicPicker';
import { RoutingPreview, useRoutingPreview } from '../routing/RoutingPreview';
import { routingUi } from '../../../../shared/i18n/ru/routing';
import { splitTopics } from './input';
import { RepeatHint } from './RepeatHint';

/** The substance of the appeal, who answers for it, and its flags: the part of the form after the applicant. */
export function ContentFields({ errors }: { errors: Record<string, string> }) {
  const d = useStore((s) => s.draft);
  const users = useStore((s) => s.users);
  const me = useStore((s) => s.user);
  const setDraft = useStore((s) => s.setDraft);
  const routed = useRoutingPreview();
  const r = ui.register;
  const err = (id: string): string | undefined => errors[id];

  return (
    <fieldset className="fieldset">
      <legend>{r.contentSection}</legend>
      <Field id="reg-summary" label={r.summary} error={err('reg-summary')}>
        {(a) => (
          <input
            id="reg-summary"
            {...a}
            required
            value={d.summary}
            onChange={(e) => setDraft({ summary: e.target.value })}
          />
        )}
      </Field>
      <Field id="reg-text" label={r.text} error={err('reg-text')}>
        {(a) => (
          <textarea
            id="reg-text"
            {...a}
            rows={6}
            value={d.text}
            onChange={(e) => setDraft({ text: e.target.value })}
          />
        )}
      </Field>
      <div className="grid2">
        <Field id="reg-topics" label={r.topics} hint={r.topicsHint} error={err('reg-topics')}>
          {(a) => (
            <TopicPicker
              id="reg-topics"
              a11y={a}
              value={splitTopics(d.topics)}
              onChange={(codes) => setDraft({ topics: codes.join(' ') })}
            />
          )}
        </Field>
        <Field id="reg-responsible" label={r.responsible} error={err('reg-responsible')}>
          {(a) => (
            <select
              id="reg-responsible"
              {...a}
              value={d.responsibleId}
              onChange={(e) => setDraft({ responsibleId: e.target.value })}
            >
              <option value="">
                {routed?.responsibleName
                  ? routingUi.byRuleDefault(routed.responsibleName)
                  : `${r.responsibleDefault}${me ? ` — ${me.fullName}` : ''}`}
              </option>
              {users
                .filter((u) => u.active && u.id !== me?.id)
                .map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.fullName}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </div>
      <RepeatHint topics={splitTopics(d.topics)} />
      <RoutingPreview decision={routed} manual={d.responsibleId !== ''} />
      <AppealFlags prefix="reg" values={d} label={(key) => r[key]} errors={errors} onChange={setDraft} />
    </fieldset>
  );
}
