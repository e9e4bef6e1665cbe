import type { AppealRow } from '../../../../shared/api/appeals';
import { foldText } from '../../../../shared/domain/text';
import { useCall } from '../../api/use-call';
import { formatDate, ui } from '../../i18n';
import { useStore } from '../../store';

/** Words of a summary that say what it is about: folded, five letters or more. */
function words(s: string): Set<string> {
  return new Set(
    foldText(s)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 5),
  );
}

/** An earlier appeal on a similar question: a topic of the same subsection, or a word of the summary in common. */
export function similarAppeal(
  earlier: readonly AppealRow[],
  draft: { summary: string; topics: string[] },
): AppealRow | null {
  const mine = words(draft.summary);
  const sections = new Set(draft.topics.map((t) => t.slice(0, 9)));
  return (
    earlier.find(
      (a) =>
        a.topics.some((t) => sections.has(t.slice(0, 9))) || [...words(a.summary)].some((w) => mine.has(w)),
    ) ?? null
  );
}

/**
 * When the chosen applicant already has an appeal on a similar question, the form offers to mark the
 * new one «Повторное», with a link to the earlier one to check it.
 */
export function RepeatHint({ topics }: { topics: string[] }) {
  const d = useStore((s) => s.draft);
  const setDraft = useStore((s) => s.setDraft);
  const go = useStore((s) => s.go);
  const c = d.contact;
  const found = useCall(
    'appeals.list',
    { filter: { q: c?.phones[0] ?? c?.fullName ?? '' }, limit: 50 },
    { enabled: !!c && !!(c.phones[0] ?? c.fullName) },
  );
  if (!c || d.isRepeat || !found.data) return null;
  const earlier = found.data.rows.filter((a) => a.applicantName === c.fullName);
  const like = similarAppeal(earlier, { summary: d.summary, topics });
  if (!like) return null;
  const r = ui.register;
  return (
    <div className="banner banner--info" role="status" data-testid="repeat-hint">
      {r.similarEarlier}{' '}
      <a
        href={`#/appeal/${like.id}`}
        onClick={(e) => {
          e.preventDefault();
          go({ view: 'appeal', id: like.id });
        }}
      >
        {r.similarLink(like.regNumber, formatDate(like.registeredOn), like.summary)}
      </a>{' '}
      <button type="button" className="btn btn--small" onClick={() => setDraft({ isRepeat: true })}>
        {r.markRepeat}
      </button>
    </div>
  );
}
