/**
 * Mailings to a segment: created from a template with fields, started (the recipients chosen then:
 * the segment's contacts who gave the consent this mailing needs — the outreach exports' rule, the
 * contact filter's `consent` condition — and have an address not known to fail), paused, and shown with
 * their progress. The sending itself is the scheduler's (`sender.ts`).
 */
import { ApiError } from '../../../shared/api/define';
import type { Output, ParsedInput } from '../../../shared/api/index';
import { newId } from '../../../shared/util/ids';
import { whereOf, segmentFilter } from '../../contacts/filter';
import { audit } from '../../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../../kernel/context';
import { officeRow } from '../../office/queries';
import { mailingRow, toMailing } from './queries';

export function create(ctx: CallContext, i: ParsedInput<'mailings.create'>): Output<'mailings.create'> {
  return ctx.store.transaction((db) => {
    segmentFilter(db, i.segmentId);
    const office = officeRow(db);
    const now = ctx.clock.now();
    const id = newId(now.getTime());
    db.insert('mailings', {
      id,
      office_id: office.id,
      created_at: now.toISOString(),
      created_by: ctx.actor?.userId ?? null,
      name: i.name,
      segment_id: i.segmentId,
      consent_purpose: i.consentPurpose,
      subject: i.subject,
      body: i.body,
      status: 'draft',
      started_at: null,
      finished_at: null,
    });
    audit(db, ctx, office.id, 'mailings.create', 'mailing', id, { segmentId: i.segmentId });
    return toMailing(db, mailingRow(db, id));
  });
}

/** The consenting contacts of the segment with an address, each with a token of its own for unsubscribing. */
const CHOOSE = (where: string): string => `
  INSERT INTO mailing_recipients (mailing_id, contact_id, address, token, status)
  SELECT ?, c.id, trim(c.email), lower(hex(randomblob(16))), 'pending'
  FROM contacts c
  WHERE ${where} AND c.email IS NOT NULL AND trim(c.email) <> '' AND c.email_failing_at IS NULL`;

export function start(ctx: CallContext, i: ParsedInput<'mailings.start'>): Output<'mailings.start'> {
  return ctx.store.transaction((db) => {
    const m = mailingRow(db, i.id);
    if (m.status === 'done')
      throw new ApiError('invalid_state', 'the mailing has been sent', { field: 'id' });
    if (m.status === 'draft') {
      const w = whereOf({
        ...segmentFilter(db, m.segment_id),
        consent: { purpose: m.consent_purpose as 'mailing', given: true },
      });
      db.rawRun(CHOOSE(w.sql), m.id, ...w.params);
    }
    const now = ctx.clock.now().toISOString();
    db.rawRun(
      "UPDATE mailings SET status = 'running', started_at = coalesce(started_at, ?) WHERE id = ?",
      now,
      m.id,
    );
    audit(db, ctx, m.office_id, 'mailings.start', 'mailing', m.id);
    return toMailing(db, mailingRow(db, m.id));
  });
}

export function pause(ctx: CallContext, i: ParsedInput<'mailings.pause'>): Output<'mailings.pause'> {
  return ctx.store.transaction((db) => {
    const m = mailingRow(db, i.id);
    if (m.status !== 'running')
      throw new ApiError('invalid_state', 'the mailing is not being sent', { field: 'id' });
    db.rawRun("UPDATE mailings SET status = 'paused' WHERE id = ?", m.id);
    audit(db, ctx, m.office_id, 'mailings.pause', 'mailing', m.id);
    return toMailing(db, mailingRow(db, m.id));
  });
}

export const status = (ctx: ReadContext, i: ParsedInput<'mailings.status'>): Output<'mailings.status'> =>
  toMailing(ctx.store.read, mailingRow(ctx.store.read, i.id));

export const list = (ctx: ReadContext): Output<'mailings.list'> => {
  const db = ctx.store.read;
  return db
    .rawAll<{ id: string }>('SELECT id FROM mailings ORDER BY created_at DESC, id DESC LIMIT 200')
    .map(({ id }) => toMailing(db, mailingRow(db, id)));
};
