import { useState } from 'react';
import { MERGE_FIELDS, type DuplicatePair, type MergeField } from '../../../../shared/api/contacts';
import { call } from '../../api/client';
import { useCall } from '../../api/use-call';
import { contactsText, errorText, ui } from '../../i18n';

const k = contactsText.duplicates;

type Side = DuplicatePair['a'];

const valueOf = (c: Side, f: MergeField): string | null => c[f];

/** Which side each field comes from at first: the kept contact's, unless it is empty and the other is not. */
function defaults(p: DuplicatePair): Record<MergeField, 'a' | 'b'> {
  return Object.fromEntries(
    MERGE_FIELDS.map((f) => [f, !valueOf(p.a, f) && valueOf(p.b, f) ? 'b' : 'a']),
  ) as Record<MergeField, 'a' | 'b'>;
}

function PairView(props: { pair: DuplicatePair; onMerged(mergeId: string): void }) {
  const { pair } = props;
  const [choice, setChoice] = useState(() => defaults(pair));
  const [error, setError] = useState<string | null>(null);
  const differing = MERGE_FIELDS.filter((f) => valueOf(pair.a, f) || valueOf(pair.b, f));

  async function merge(): Promise<void> {
    try {
      const r = await call('contacts.merge', {
        keepId: pair.a.id,
        mergeId: pair.b.id,
        take: MERGE_FIELDS.filter((f) => choice[f] === 'b'),
      });
      props.onMerged(r.mergeId);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <article className="panel dup" aria-label={`${pair.a.fullName} — ${pair.b.fullName}`}>
      <p className="muted">{k.matchedBy[pair.matchedBy]}</p>
      <table className="dup__table">
        <thead>
          <tr>
            <th>{k.field}</th>
            <th>{k.left}</th>
            <th>{k.right}</th>
          </tr>
        </thead>
        <tbody>
          {differing.map((f) => (
            <tr key={f}>
              <th scope="row">{k.fields[f]}</th>
              {(['a', 'b'] as const).map((side) => (
                <td key={side}>
                  <label>
                    <input
                      type="radio"
                      name={`${pair.a.id}-${pair.b.id}-${f}`}
                      checked={choice[f] === side}
                      onChange={() => setChoice({ ...choice, [f]: side })}
                    />{' '}
                    {valueOf(pair[side], f) ?? ui.none}
                  </label>
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{contactsText.card.phones}</th>
            <td>{pair.a.phones.map((p) => p.phone).join(', ') || ui.none}</td>
            <td>{pair.b.phones.map((p) => p.phone).join(', ') || ui.none}</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">{k.phonesTags}</p>
      {error ? <div className="banner banner--error">{error}</div> : null}
      <button type="button" className="btn btn--primary" onClick={() => void merge()}>
        {k.merge}
      </button>
    </article>
  );
}

/** Suggested duplicates side by side, merged field by field; the last merge can be undone at once. */
export function Duplicates() {
  // A merge and its undo are writes: the pairs read again by themselves.
  const found = useCall('contacts.duplicates', {});
  const pairs = found.data ?? null;
  const [error, setError] = useState<string | null>(null);
  const [lastMerge, setLastMerge] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const shownError = error ?? (found.error ? errorText(found.error) : null);

  return (
    <section aria-label={contactsText.tabs.duplicates}>
      {shownError ? <div className="banner banner--error">{shownError}</div> : null}
      {notice ? (
        <div className="banner banner--success" role="status">
          {notice}{' '}
          {lastMerge ? (
            <button
              type="button"
              className="btn btn--small"
              onClick={() =>
                void call('contacts.undoMerge', { mergeId: lastMerge }).then(
                  () => {
                    setLastMerge(null);
                    setNotice(k.undone);
                  },
                  (e: unknown) => setError(errorText(e)),
                )
              }
            >
              {k.undo}
            </button>
          ) : null}
        </div>
      ) : null}
      {pairs === null ? <p className="muted">{ui.loading}</p> : null}
      {pairs?.length === 0 ? <p className="empty">{k.none}</p> : null}
      {pairs?.map((p) => (
        <PairView
          key={`${p.a.id}-${p.b.id}`}
          pair={p}
          onMerged={(id) => {
            setLastMerge(id);
            setNotice(k.merged);
          }}
        />
      ))}
    </section>
  );
}
