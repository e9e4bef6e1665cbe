import { useMemo } from 'react';
import type { AppealCard } from '../../../../shared/api/appeals';
import { topicLabel } from '../../../../shared/i18n/ru/classifier';
import { formatInstant, labels, ui } from '../../i18n';
import { useStore } from '../../store';
import { useTopicNames } from '../classifier/names';
import { fieldLabel, formatValue } from './format';

/** Who changed what and when, oldest first, each field as "old → new". */
export function HistoryTimeline({
  history,
  names,
}: {
  history: AppealCard['history'];
  names?: Readonly<Record<string, string>>;
}) {
  const users = useStore((s) => s.users);
  const timeZone = useStore((s) => s.office?.timeZone);
  // Questions changed on the card are named as everywhere else: «name (code)».
  const codes = useMemo(
    () =>
      history.flatMap((h) => {
        const c = h.changes['topics'];
        return c ? [c.from, c.to].flatMap((v) => (Array.isArray(v) ? v.map(String) : [])) : [];
      }),
    [history],
  );
  const topicNames = useTopicNames(codes);
  const named = useMemo(() => {
    const out: Record<string, string> = { ...names };
    for (const [code, n] of topicNames) out[code] = topicLabel(code, n.name, n.withdrawn);
    return out;
  }, [names, topicNames]);
  if (history.length === 0) return <p className="muted">{ui.card.noHistory}</p>;
  return (
    <ol className="timeline">
      {history.map((h) => (
        <li key={h.id} className="timeline__item">
          <div className="timeline__head">
            <time dateTime={h.at}>{formatInstant(h.at, timeZone)}</time>
            <span className="timeline__who">{h.userName ?? ui.card.system}</span>
            <span className="timeline__what">{labels.historyActionLabels[h.action] ?? h.action}</span>
          </div>
          {Object.keys(h.changes).length > 0 ? (
            <ul className="timeline__changes">
              {Object.entries(h.changes).map(([field, change]) => (
                <li key={field}>
                  <span className="timeline__field">{fieldLabel(field, h.action)}:</span>{' '}
                  <span className="sr-only">{ui.card.was} </span>
                  <span className="timeline__old">{formatValue(field, change.from, users, named)}</span>{' '}
                  <span aria-hidden="true">{ui.card.arrow}</span>
                  <span className="sr-only">, {ui.card.became}</span>{' '}
                  <span className="timeline__new">{formatValue(field, change.to, users, named)}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {h.comment ? <p className="timeline__comment">{h.comment}</p> : null}
        </li>
      ))}
    </ol>
  );
}
