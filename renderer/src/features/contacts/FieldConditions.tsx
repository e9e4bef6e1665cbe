import { useState } from 'react';
import type { ContactFieldDef, FieldCondition } from '../../../../shared/api/contacts';
import { useCall } from '../../api/use-call';
import { contactsText } from '../../i18n';

const k = contactsText.fields;
type Op = FieldCondition['op'];

/** A condition as it is being typed: its value text, or a list's chosen values. */
interface Row {
  fieldId: string;
  op: Op;
  value: string;
  to: string;
  values: string[];
}

/** What each type of field may be asked. */
const OPS: Record<ContactFieldDef['type'], Op[]> = {
  text: ['contains', 'equals'],
  list: ['in', 'equals'],
  number: ['range', 'equals'],
  date: ['range', 'equals'],
};

const rowOf = (c: FieldCondition): Row => ({
  fieldId: c.fieldId,
  op: c.op,
  value: c.op === 'in' ? '' : c.op === 'range' ? String(c.from ?? '') : String(c.value),
  to: c.op === 'range' ? String(c.to ?? '') : '',
  values: c.op === 'in' ? c.values.map(String) : [],
});

/** The condition a row makes once it has what it needs; the server checks the values against the field. */
function conditionOf(r: Row): FieldCondition | null {
  const v = r.value.trim();
  const to = r.to.trim();
  if (!r.fieldId) return null;
  if (r.op === 'in') return r.values.length > 0 ? { fieldId: r.fieldId, op: 'in', values: r.values } : null;
  if (r.op === 'range')
    return v || to
      ? { fieldId: r.fieldId, op: 'range', ...(v ? { from: v } : {}), ...(to ? { to } : {}) }
      : null;
  return v ? { fieldId: r.fieldId, op: r.op, value: v } : null;
}

/**
 * A segment's conditions on the office's own fields: equals, contains (text), a range (number, date),
 * one of a list's values. Only finished conditions reach the filter.
 */
export function FieldConditions(props: {
  value: readonly FieldCondition[] | undefined;
  onChange(conditions: FieldCondition[] | undefined): void;
}) {
  const defs = useCall('contactFields.list', {}).data ?? [];
  const [rows, setRows] = useState<Row[]>(() => (props.value ?? []).map(rowOf));
  if (defs.length === 0) return null;
  const byId = new Map(defs.map((d) => [d.id, d]));

  const update = (next: Row[]): void => {
    setRows(next);
    const conds = next.map(conditionOf).filter((c): c is FieldCondition => c !== null);
    props.onChange(conds.length > 0 ? conds : undefined);
  };
  const put = (i: number, p: Partial<Row>): void =>
    update(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));

  return (
    <fieldset className="field-conditions">
      <legend>{k.filter}</legend>
      {rows.map((r, i) => {
        const def = byId.get(r.fieldId);
        const label = `${k.filter} ${i + 1}`;
        return (
          <div key={i} className="field-conditions__row" role="group" aria-label={label}>
            <select
              aria-label={`${label}: ${k.name.toLowerCase()}`}
              value={r.fieldId}
              onChange={(e) => {
                const d = byId.get(e.target.value);
                put(i, { fieldId: e.target.value, op: d ? OPS[d.type][0]! : 'equals', values: [] });
              }}
            >
              <option value="">{k.anyField}</option>
              {defs.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
            {def ? (
              <select
                aria-label={`${label}: ${k.type.toLowerCase()}`}
                value={r.op}
                onChange={(e) => put(i, { op: e.target.value as Op })}
              >
                {OPS[def.type].map((op) => (
                  <option key={op} value={op}>
                    {k.ops[op]}
                  </option>
                ))}
              </select>
            ) : null}
            {def && r.op === 'in' ? (
              <select
                multiple
                aria-label={`${label}: ${k.value.toLowerCase()}`}
                value={r.values}
                size={Math.min(4, def.options.length)}
                onChange={(e) => put(i, { values: [...e.target.selectedOptions].map((o) => o.value) })}
              >
                {def.options.map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            ) : null}
            {def && r.op !== 'in' ? (
              <input
                aria-label={`${label}: ${r.op === 'range' ? k.from : k.value.toLowerCase()}`}
                placeholder={r.op === 'range' ? k.from : def.type === 'date' ? k.datePlaceholder : k.value}
                value={r.value}
                onChange={(e) => put(i, { value: e.target.value })}
              />
            ) : null}
            {def && r.op === 'range' ? (
              <input
                aria-label={`${label}: ${k.to}`}
                placeholder={k.to}
                value={r.to}
                onChange={(e) => put(i, { to: e.target.value })}
              />
            ) : null}
            <button
              type="button"
              className="btn btn--ghost btn--small"
              aria-label={`${k.removeItem}: ${label}`}
              onClick={() => update(rows.filter((_, j) => j !== i))}
            >
              ✕
            </button>
          </div>
        );
      })}
      {rows.length < 10 ? (
        <button
          type="button"
          className="btn btn--small"
          onClick={() => setRows([...rows, { fieldId: '', op: 'equals', value: '', to: '', values: [] }])}
        >
          {k.filterAdd}
        </button>
      ) : null}
    </fieldset>
  );
}
