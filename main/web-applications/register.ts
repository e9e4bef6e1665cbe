/**
 * The desk's work on the web reception's applications: the registration an application proposes, its
 * registration as an appeal in one transaction (the application marked with the appeal, so HQ's status
 * page shows the number), and setting one aside with a reason.
 */
import type { WebApplicationTable } from '../../db/schema';
import type { ReadDb, WriteDb } from '../../db/sql';
import { RegisterAppealSchema } from '../../shared/api/appeals';
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { localDate } from '../../shared/util/clock';
import { beginRegistration, registerIn } from '../appeals/register';
import { lookupContacts } from '../contacts/queries';
import { audit, stamp, updateSynced } from '../kernel/bookkeeping';
import { requireActor, type CallContext, type ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { attachFiles } from '../mail/intake/attach';
import {
  listWebApplications,
  toWebApplications,
  waitingWebApplications,
  webApplicationFiles,
  webApplicationRow,
} from './queries';

type Draft = Output<'web.application'>['draft'];

/** The summary a registration needs: the text's first sentence, cut at a word near 200 characters. */
export function summaryOf(text: string): string {
  const first = text.split(/(?<=[.!?…])\s|\n/)[0]!.trim() || text.trim();
  if (first.length <= 200) return first;
  const cut = first.slice(0, 200);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 150))}…`;
}

/** The registration an application proposes: channel web, received when confirmed, its applicant. */
function draftOf(db: ReadDb, r: WebApplicationTable): Draft {
  const office = officeRow(db);
  const strong = lookupContacts(db, {
    email: r.email ?? undefined,
    phone: r.phone ?? undefined,
    limit: 10,
  }).filter((c) => c.matchedBy !== 'name');
  const place = [r.region, r.district, r.settlement].filter(Boolean).join(', ');
  return RegisterAppealSchema.parse({
    channel: 'web',
    kind: 'application',
    receivedOn: localDate(new Date(r.confirmed_at), office.time_zone),
    isRepeat: r.repeat_of !== null,
    summary: summaryOf(r.text),
    text: r.text,
    applicant:
      strong.length === 1
        ? { contactId: strong[0]!.id }
        : {
            lastName: r.surname,
            firstName: r.first_name,
            middleName: r.patronymic ?? undefined,
            email: r.email,
            phone: r.phone ?? undefined,
            address: r.postal_address ?? (place || undefined),
          },
  });
}

export function list(ctx: ReadContext, i: ParsedInput<'web.applications'>): Output<'web.applications'> {
  const db = ctx.store.read;
  return {
    rows: toWebApplications(db, listWebApplications(db, i.state, i.limit)),
    waiting: waitingWebApplications(db),
  };
}

export function one(ctx: ReadContext, i: ParsedInput<'web.application'>): Output<'web.application'> {
  const db = ctx.store.read;
  const r = webApplicationRow(db, i.id);
  return { application: toWebApplications(db, [r])[0]!, draft: draftOf(db, r) };
}

/** The application, still to be decided on, as the transaction finds it. */
function openApplication(db: WriteDb, id: string, kind: WebApplicationTable['kind']): WebApplicationTable {
  const r = webApplicationRow(db, id);
  if (r.state !== 'new')
    throw new ApiError('invalid_state', 'the application has already been dealt with', {
      field: 'id',
      details: { state: r.state, appealId: r.appeal_id },
    });
  if (r.kind !== kind)
    throw new ApiError('invalid_state', 'a volunteer’s application is not registered as an appeal', {
      field: 'id',
    });
  return r;
}

export function register(ctx: CallContext, i: ParsedInput<'web.register'>): Output<'web.register'> {
  return ctx.store.transaction((db) => {
    const r = openApplication(db, i.id, 'appeal');
    const input = i.appeal ?? draftOf(db, r);
    if (input.channel !== 'web')
      throw new ApiError('validation', 'appeal.channel: an application of the web reception came by web', {
        field: 'appeal.channel',
      });
    const run = beginRegistration(db, ctx);
    const appeal = registerIn(db, ctx, run, input);
    // The form's files, checked by type and content at HQ, become the appeal's attachments.
    const files = webApplicationFiles(r).map((f) => ({ ...f, attachable: true }));
    attachFiles(db, run.st, run.office.id, { appealId: appeal.id, requestId: null }, files);
    updateSynced(
      db,
      'web_applications',
      r.id,
      {
        state: 'registered',
        appeal_id: appeal.id,
        contact_id: appeal.applicant_id,
        handled_by: requireActor(ctx).userId,
        handled_at: run.st.now,
      },
      run.st,
    );
    audit(db, ctx, run.office.id, 'web.register', 'appeal', appeal.id, { application: r.id });
    return { appealId: appeal.id, regNumber: appeal.reg_number };
  });
}

export function dismiss(ctx: CallContext, i: ParsedInput<'web.dismiss'>): Output<'web.dismiss'> {
  return ctx.store.transaction((db) => {
    const r = webApplicationRow(db, i.id);
    if (r.state !== 'new')
      throw new ApiError('invalid_state', 'the application has already been dealt with', { field: 'id' });
    const st = stamp(ctx);
    const row = updateSynced(
      db,
      'web_applications',
      r.id,
      {
        state: 'rejected',
        rejected_reason: i.note ? `${i.reason}: ${i.note}` : i.reason,
        handled_by: requireActor(ctx).userId,
        handled_at: st.now,
      },
      st,
    );
    audit(db, ctx, r.office_id, 'web.dismiss', 'web_application', r.id, { reason: i.reason });
    return toWebApplications(db, [row])[0]!;
  });
}
