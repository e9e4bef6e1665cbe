import { ORAL_RESULTS } from '../../../../shared/api/oral-answer';
import { oralAnswerUi as t } from '../../../../shared/i18n/ru/oral-answer';
import { Check, Field } from '../../components/Field';
import { labels } from '../../i18n';
import { useStore } from '../../store';
import type { OralDraft } from './oral-draft';

/**
 * «Ответ дан устно»: at a personal reception, an answer given on the spot with the applicant's agreement
 * (59-FZ Art. 13 p.2) is recorded with the registration, which then closes the appeal.
 */
export function OralAnswerFields({ errors }: { errors: Record<string, string> }) {
  const d = useStore((s) => s.draft);
  const setDraft = useStore((s) => s.setDraft);
  if (d.channel !== 'reception') return null;
  const oral = d.oral;
  const set = (patch: Partial<OralDraft>): void => setDraft({ oral: { ...oral, ...patch } });
  const consentError = errors['reg-oralConsent'];

  return (
    <fieldset className="fieldset oral" data-testid="oral-answer">
      <legend>{t.section}</legend>
      <Check id="reg-oral" label={t.given} checked={oral.given} onChange={(given) => set({ given })} />
      <p className="field__hint oral__hint">{t.hint}</p>
      {oral.given ? (
        <>
          <div className="grid2">
            <Field id="reg-oralResult" label={t.result} error={errors['reg-oralResult']}>
              {(a) => (
                <select
                  id="reg-oralResult"
                  {...a}
                  value={oral.result}
                  onChange={(e) => set({ result: e.target.value as OralDraft['result'] })}
                >
                  {ORAL_RESULTS.map((r) => (
                    <option key={r} value={r}>
                      {labels.resultLabels[r]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id="reg-oralAnsweredBy"
              label={t.answeredBy}
              hint={t.answeredByHint}
              error={errors['reg-oralAnsweredBy']}
            >
              {(a) => (
                <input
                  id="reg-oralAnsweredBy"
                  {...a}
                  value={oral.answeredBy}
                  onChange={(e) => set({ answeredBy: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field id="reg-oralText" label={t.text} error={errors['reg-oralText']}>
            {(a) => (
              <textarea
                id="reg-oralText"
                {...a}
                required
                rows={4}
                value={oral.text}
                onChange={(e) => set({ text: e.target.value })}
              />
            )}
          </Field>
          <div className={`check${consentError ? ' field--error' : ''}`}>
            <input
              id="reg-oralConsent"
              type="checkbox"
              checked={oral.consent}
              aria-invalid={consentError ? true : undefined}
              aria-describedby={consentError ? 'reg-oralConsent-error' : undefined}
              onChange={(e) => set({ consent: e.target.checked })}
            />
            <label htmlFor="reg-oralConsent">{t.consent}</label>
          </div>
          {consentError ? (
            <div id="reg-oralConsent-error" className="field__error">
              {consentError}
            </div>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
