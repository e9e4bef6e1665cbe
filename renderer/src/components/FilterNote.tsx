import { homeText } from '../i18n';
import './filter-note.css';

/**
 * What a list shows when it was opened with a filter (from a figure of the home screen): the filter in
 * words, and a button back to the whole list.
 */
export function FilterNote(props: { text: string; onShowAll(): void }) {
  if (!props.text) return null;
  return (
    <div className="filter-note" role="status" data-testid="filter-note">
      <span>
        {homeText.filtered.shown}: <strong>{props.text}</strong>
      </span>
      <button type="button" className="btn btn--small btn--ghost" onClick={props.onShowAll}>
        {homeText.filtered.showAll}
      </button>
    </div>
  );
}
