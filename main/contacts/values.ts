/**
 * A value of one of the office's own contact fields, from what people type (the card, a file's cell, a
 * segment's operand) to the column of its type: `value_text` for text and list, `value_num`, `value_date`.
 */
import type { ContactFieldDef } from '../../shared/api/contacts';

/** 31.12.1960, 31/12/1960, 1960-12-31 → 1960-12-31; anything else (31.02.2020) is not a date. */
export function parseDate(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1000)
    return null;
  return date.toISOString().slice(0, 10);
}

export type FieldValue = string | number;

/** A value in the columns of its type. */
export interface TypedValue {
  value_text: string | null;
  value_num: number | null;
  value_date: string | null;
}

/** A number as people type it: `1 500,5` → 1500.5; null when it is not one. */
export function parseNumber(raw: string): number | null {
  const s = raw.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^[-+]?\d+(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** A value of the field's type, or null when it does not fit (the reason is the caller's to name). */
export function typedValue(def: ContactFieldDef, raw: FieldValue): TypedValue | null {
  const none = { value_text: null, value_num: null, value_date: null };
  if (def.type === 'number') {
    const n = typeof raw === 'number' ? (Number.isFinite(raw) ? raw : null) : parseNumber(raw);
    return n === null ? null : { ...none, value_num: n };
  }
  const s = String(raw).trim();
  if (def.type === 'date') {
    const d = parseDate(s);
    return d ? { ...none, value_date: d } : null;
  }
  if (def.type === 'list') {
    const hit = def.options.find((o) => o.toLowerCase() === s.toLowerCase());
    return hit ? { ...none, value_text: hit } : null;
  }
  return s ? { ...none, value_text: s } : null;
}

export const valueOf = (v: TypedValue): FieldValue => v.value_num ?? v.value_date ?? v.value_text ?? '';
