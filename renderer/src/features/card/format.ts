import type { UserInfo } from '../../../../shared/api/office';
import { formatDate, labels, ui } from '../../i18n';

const DATE_FIELDS = new Set(['registeredOn', 'receivedOn', 'dueDate', 'termDate', 'closedOn', 'date']);
const USER_FIELDS = new Set([
  'responsibleId',
  'executorId',
  'reply_approved_by',
  'approved_by',
  'extended_by',
]);
/** The workflow's columns carry no field of their own in the form; long texts are cut in the timeline. */
const LONG_TEXT = 300;

type Labelled = Record<string, string>;
const ENUM_FIELDS: Record<string, Labelled> = {
  channel: labels.channelLabels,
  kind: { ...labels.kindLabels, ...labels.requestKindLabels },
  status: labels.statusLabels,
  result: labels.resultLabels,
  requestStatus: labels.requestStateLabels,
  art11_ground: labels.art11GroundLabels,
  notice_form: labels.sendFormLabels,
  reply_form: labels.sendFormLabels,
  next_step: labels.decisionLabels,
};

const isDateField = (field: string): boolean =>
  DATE_FIELDS.has(field) || field.endsWith('_on') || field === 'due_date';

/** A value from a history diff, as a person reads it: dates, names of people, labels of codes. */
export function formatValue(
  field: string,
  value: unknown,
  users: readonly UserInfo[],
  /** Names of other records by id (the requests' addressees). */
  names: Readonly<Record<string, string>> = {},
): string {
  if (value === null || value === undefined || value === '') return ui.none;
  if (typeof value === 'boolean') return value ? ui.yes : ui.no;
  if (field === 'reviewed_late' && typeof value === 'number') return value ? ui.yes : ui.no;
  // Stored as a JSON list of ids: the timeline says how many.
  if (field === 'art11_linked' && typeof value === 'string')
    return String((value.match(/"[^"]*"/g) ?? []).length);
  if (Array.isArray(value))
    return value.length ? value.map((v) => formatValue(field, v, users, names)).join(', ') : ui.none;
  if (typeof value === 'string') {
    if (isDateField(field)) return formatDate(value);
    if (USER_FIELDS.has(field)) return users.find((u) => u.id === value)?.fullName ?? value;
    if (names[value]) return names[value];
    const label = ENUM_FIELDS[field]?.[value];
    if (label) return label;
    return value.length > LONG_TEXT ? `${value.slice(0, LONG_TEXT)}…` : value;
  }
  if (typeof value === 'object' && field === 'forwardedFrom') {
    const f = value as { body?: string; outgoingNumber?: string | null; date?: string | null };
    return [f.body, f.outgoingNumber ? `№ ${f.outgoingNumber}` : null, f.date ? formatDate(f.date) : null]
      .filter(Boolean)
      .join(', ');
  }
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A field's name; a request's own `text` and `kind` are the request's, not the appeal's. */
export function fieldLabel(field: string, action?: string): string {
  if (action?.startsWith('request.')) {
    const own = labels.fieldLabels[`request.${field}`];
    if (own) return own;
  }
  return labels.fieldLabels[field] ?? field;
}
