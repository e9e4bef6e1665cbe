/**
 * The Журнал доступа: the audit log read a page at a time, and exported to one file. Reading the audit
 * is itself audited (152-FZ Art. 19): each search (its first page) and each export leaves an entry about
 * what was searched — the contact, appeal or person filtered by — with the filter in its details.
 */
import iconv from 'iconv-lite';
import { ApiError } from '../../shared/api/define';
import type { AuditEntry, AuditFilter } from '../../shared/api/audit';
import type { Output, ParsedInput } from '../../shared/api/index';
import { audit as text, auditActionName, auditTransportNames } from '../../shared/i18n/ru/audit';
import { csvCell, neutralise } from '../contacts/export';
import { XlsxSheetWriter } from '../contacts/xlsx';
import type { AuditedReadContext } from '../kernel/context';
import { decodeCursor, encodeCursor } from '../kernel/cursor';
import { officeRow } from '../office/queries';
import { officeTimeFormat } from '../../shared/i18n/ru/time';
import { auditPage, auditWhere, countAudit, toEntries, type AuditKey } from './queries';

function filterOf(i: AuditFilter): AuditFilter {
  const { userId, contactId, appealId, actions, from, to } = i;
  return { userId, contactId, appealId, actions, from, to };
}

/** The entry a reading of the audit leaves: about the contact, appeal or person it was filtered by. */
function auditTheReading(ctx: AuditedReadContext, action: string, f: AuditFilter, extra?: object): void {
  const details = { ...filterOf(f), ...extra };
  if (f.contactId) ctx.auditRead(action, 'contact', f.contactId, details);
  else if (f.appealId) ctx.auditRead(action, 'appeal', f.appealId, details);
  else if (f.userId) ctx.auditRead(action, 'user', f.userId, details);
  else ctx.auditRead(action, 'audit_log', null, details);
}

function afterCursor(cursor: string | null | undefined): AuditKey | null {
  if (!cursor) return null;
  const [at, seq] = decodeCursor(cursor, 2, 'the audit log');
  if (!at || !/^\d+$/.test(seq!))
    throw new ApiError('validation', 'cursor: not a cursor the audit log issued', { field: 'cursor' });
  return { at, seq: Number(seq) };
}

export function list(ctx: AuditedReadContext, i: ParsedInput<'audit.list'>): Output<'audit.list'> {
  const db = ctx.store.read;
  const w = auditWhere(i, officeRow(db).time_zone);
  const rows = auditPage(db, w, afterCursor(i.cursor), i.limit + 1);
  const page = rows.slice(0, i.limit);
  const last = page[page.length - 1];
  const result = {
    rows: toEntries(db, page),
    total: countAudit(db, w),
    nextCursor: rows.length > i.limit && last ? encodeCursor([last.at, String(last.seq)]) : null,
  };
  // One entry a search: the pages after the first continue the same look.
  if (!i.cursor) auditTheReading(ctx, 'audit.list', i);
  return result;
}

/** Rows read at a time by an export: the export holds one batch and the file, never every row as objects. */
const EXPORT_BATCH = 2000;

function cells(e: AuditEntry, login: string | null, time: (iso: string) => string): string[] {
  return [
    time(e.at),
    e.who ?? '',
    login ?? '',
    auditActionName(e.action),
    e.subject ? `${text.subjectKinds[e.subject.kind]} ${e.subject.label}` : '',
    e.entity ?? '',
    e.entityId ?? '',
    auditTransportNames[e.transport] ?? e.transport,
  ];
}

export function exportAudit(ctx: AuditedReadContext, i: ParsedInput<'audit.export'>): Output<'audit.export'> {
  const db = ctx.store.read;
  const office = officeRow(db);
  const w = auditWhere(i, office.time_zone);
  const time = officeTimeFormat(office.time_zone);
  const headers = Object.values(text.exportHeaders);
  const chunks: Buffer[] = [];
  const write = (b: Buffer): void => void chunks.push(b);
  const each = (row: (cells: string[]) => void): number => {
    let count = 0;
    let after: AuditKey | null = null;
    for (;;) {
      const rows = auditPage(db, w, after, EXPORT_BATCH);
      const entries = toEntries(db, rows);
      entries.forEach((e, k) => row(cells(e, rows[k]!.login, time)));
      count += rows.length;
      const last = rows[rows.length - 1];
      if (rows.length < EXPORT_BATCH || !last) return count;
      after = { at: last.at, seq: last.seq };
    }
  };
  let count: number;
  if (i.format === 'csv') {
    // Excel reads UTF-8 only with a BOM; cp1251 is its default on Russian Windows.
    if (i.encoding === 'utf-8') write(Buffer.from([0xef, 0xbb, 0xbf]));
    write(iconv.encode(headers.map(csvCell).join(';') + '\r\n', i.encoding));
    count = each((c) => write(iconv.encode(c.map(csvCell).join(';') + '\r\n', i.encoding)));
  } else {
    const sheet = new XlsxSheetWriter(write, text.sheet);
    try {
      sheet.row(headers);
      count = each((c) => sheet.row(c.map(neutralise)));
      sheet.finish();
    } finally {
      sheet.close();
    }
  }
  auditTheReading(ctx, 'audit.export', i, { format: i.format, count });
  const day = ctx.clock.now().toISOString().slice(0, 10);
  return {
    name: `audit-${day}.${i.format}`,
    mime:
      i.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    count,
    dataBase64: Buffer.concat(chunks).toString('base64'),
  };
}
