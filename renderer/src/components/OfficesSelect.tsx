import { ui } from '../i18n';
import { useStore } from '../store';
import { Field } from './Field';
import type { Column } from './KeyTable';

/**
 * Which offices a list or a figure covers, in HQ's analyst view: the database holds several offices there,
 * and none chosen means all of them. An office's own database holds one, and the picker does not show.
 */
export function OfficesSelect(props: {
  id: string;
  value: readonly string[];
  onChange(ids: string[]): void;
  error?: string;
}) {
  const offices = useStore((s) => s.offices);
  if (offices.length < 2) return null;
  return (
    <Field id={props.id} label={ui.offices.label} error={props.error}>
      {(a) => (
        <select
          id={props.id}
          {...a}
          multiple
          size={Math.min(offices.length, 4)}
          title={ui.offices.hint}
          value={[...props.value]}
          onChange={(e) => props.onChange([...e.target.selectedOptions].map((o) => o.value))}
        >
          {offices.map((o) => (
            <option key={o.id} value={o.id}>
              {o.code} — {o.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** In HQ's analyst view, a list's first column: each row's office by its code. In an office, none. */
export function useOfficeColumn<R extends { officeId: string }>(): Column<R> | null {
  const offices = useStore((s) => s.offices);
  if (offices.length < 2) return null;
  const code = new Map(offices.map((o) => [o.id, o.code]));
  return { key: 'office', header: ui.offices.column, cell: (r) => code.get(r.officeId) ?? '' };
}
