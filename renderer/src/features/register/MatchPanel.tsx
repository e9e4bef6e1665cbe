import { useEffect, useRef } from 'react';
import type { ContactSummary } from '../../../../shared/api/contacts';
import { labels, ui } from '../../i18n';

export type MatchCandidate = ContactSummary & {
  matchedBy: keyof typeof labels.matchedByLabels;
  appealsCount: number;
};

/**
 * The server found strong matches for the applicant (`applicant_match`): the assistant says who it is, or
 * confirms a new person. Focus comes here so the choice is one Enter away.
 */
export function MatchPanel(props: {
  candidates: MatchCandidate[];
  onChoose(c: MatchCandidate): void;
  onNew(): void;
  onCancel(): void;
}) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const r = ui.register;

  return (
    <section
      className="match"
      role="alertdialog"
      aria-labelledby="match-title"
      aria-describedby="match-intro"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          props.onCancel();
        }
      }}
    >
      <h2 id="match-title">{r.matchTitle}</h2>
      <p id="match-intro">{r.matchIntro}</p>
      <ul className="match__list">
        {props.candidates.map((c, i) => (
          <li key={c.id} className="match__item">
            <div>
              <div className="candidate__name">{c.fullName || ui.none}</div>
              <div className="candidate__meta">
                {[c.phones.join(', '), c.address, c.email].filter(Boolean).join(' · ')}
              </div>
              <div className="candidate__why">
                {labels.matchedByLabels[c.matchedBy]}, {r.candidateAppeals(c.appealsCount)}
              </div>
            </div>
            <button
              type="button"
              className="btn"
              ref={i === 0 ? first : undefined}
              onClick={() => props.onChoose(c)}
            >
              {r.matchChoose}
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="btn btn--primary" onClick={props.onNew}>
          {r.matchNew}
        </button>
        <button type="button" className="btn btn--ghost" onClick={props.onCancel}>
          {ui.cancel}
        </button>
      </div>
    </section>
  );
}
