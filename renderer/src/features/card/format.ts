import type { UserInfo } from '../../../../shared/api/office';
import { formatDate, L, t } from '../../i18n';

const DATE_FIELDS = new Set(['registeredOn', 'receivedOn', 'dueDate', 'termDate', 'closedOn', 'date']);

type Labelled = Record<string, string>;
const ENUM_FIELDS: Record<string, Labelled> = {
  channel: L.channelLabels,
  kind: L.kindLabels,
  status: L.statusLabels,
  result: L.resultLabels,
};

/** A value from a history diff, as a person reads it: dates, names of people, labels of codes. */
export function formatValue(field: string, value: unknown, users: readonly UserInfo[]): string {
  if (value === null || value === undefined || value === '') return t.none;
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatValue(field, v, users)).join(', ') : t.none;
  if (typeof value === 'string') {
    if (DATE_FIELDS.has(field)) return formatDate(value);
    if (field === 'responsibleId' || field === 'executorId')
      return users.find((u) => u.id === value)?.fullName ?? value;
    return ENUM_FIELDS[field]?.[value] ?? value;
  }
  if (typeof value === 'object' && field === 'forwardedFrom') {
    const f = value as { body?: string; outgoingNumber?: string | null; date?: string | null };
    return [f.body, f.outgoingNumber ? `№ ${f.outgoingNumber}` : null, f.date ? formatDate(f.date) : null]
      .filter(Boolean)
      .join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function fieldLabel(field: string): string {
  return L.fieldLabels[field] ?? field;
}
