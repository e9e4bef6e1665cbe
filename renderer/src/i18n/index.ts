/**
 * The UI's language: strings and labels from shared/i18n, and how dates and server errors read in it.
 * Views import the texts from here only, so switching the language is one import: `ui` (the shell, the
 * registry, the card, the forms), `labels` (the names of codes: statuses, kinds, roles, fields),
 * `workflowText`, `attachmentsText`, `remindersText`, `contactsText` and `homeText`.
 */
import { attachments } from '../../../shared/i18n/ru/attachments';
import { contactsUi } from '../../../shared/i18n/ru/contacts-ui';
import * as labels from '../../../shared/i18n/ru/labels';
import { ui } from '../../../shared/i18n/ru/ui';
import { workflow } from '../../../shared/i18n/ru/workflow';
import { remindersUi } from '../../../shared/i18n/ru/reminders';
import { home } from '../../../shared/i18n/ru/home';
import { officeTimeFormat } from '../../../shared/i18n/ru/time';
import type { CallError } from '../api/client';

export { labels, ui };
export const workflowText = workflow;
export const attachmentsText = attachments;
export const remindersText = remindersUi;
export const contactsText = contactsUi;
export const homeText = home;
export const LOCALE = 'ru-RU';

/** `YYYY-MM-DD` → `ДД.ММ.ГГГГ`; calendar dates are shown as stored, never through a time zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return ui.none;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Today's date (`YYYY-MM-DD`) where the office is; the form's default registration date. */
export function todayIn(timeZone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/**
 * An instant in the office's time zone, `ДД.ММ.ГГГГ ЧЧ:ММ`. The zone is required: `undefined` (the
 * computer's own clock) only where no office is known yet, as on the sign-in screen.
 */
export function formatInstant(iso: string, timeZone: string | undefined): string {
  return officeTimeFormat(timeZone, { seconds: false })(iso);
}

/** Accepts `13.02.2026`, `13.2.26`, `13022026` and `2026-02-13`; returns `YYYY-MM-DD` or null. */
export function parseDate(text: string): string | null {
  const s = text.trim();
  let d: number, m: number, y: number;
  let match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(s);
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{2})(\d{2})(\d{4})$/.exec(s)))
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return null;
  if (y < 100) y += 2000;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A server message in the UI's language: known texts translated, the "field: " prefix dropped. */
export function serverMessage(message: string, field?: string): string {
  let msg = message;
  if (field && msg.startsWith(`${field}: `)) msg = msg.slice(field.length + 2);
  else {
    const prefixed = /^[\w.]+: (.+)$/.exec(msg);
    if (prefixed?.[1] && labels.serverMessages[prefixed[1]]) msg = prefixed[1];
  }
  const known = labels.serverMessages[msg];
  if (known) return known;
  for (const p of labels.serverMessagePatterns) {
    const m = msg.match(p.re);
    if (m) return p.text(m);
  }
  return msg;
}

/** One line for an error banner: the code's meaning, then what the server said. */
export function errorText(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) {
    const err = e as CallError;
    const head = labels.errorCodeLabels[err.code] ?? ui.unknownError;
    if (err.code === 'internal' || err.code === 'network') return `${head}: ${err.message}`;
    const detail = serverMessage(err.message, err.field);
    const label = err.field ? labels.fieldLabels[err.field] : undefined;
    return detail && detail !== head ? `${head}. ${label ? `${label}: ` : ''}${detail}` : head;
  }
  return e instanceof Error ? `${ui.unknownError}: ${e.message}` : ui.unknownError;
}

/** Server issues keyed by field path, the first message for each (what a form shows under its inputs). */
export function fieldErrors(e: CallError): Record<string, string> {
  const out: Record<string, string> = {};
  const issues = e.issues.length ? e.issues : e.field ? [{ field: e.field, message: e.message }] : [];
  for (const i of issues) out[i.field] ??= serverMessage(i.message, i.field);
  return out;
}
