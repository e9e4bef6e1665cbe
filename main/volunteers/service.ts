/** The volunteer pipeline's reads through the contract, and the office's choice of coordinator. */
import { ApiError } from '../../shared/api/define';
import type { Output, ParsedInput } from '../../shared/api/index';
import { audit, stamp, updateSynced } from '../kernel/bookkeeping';
import type { CallContext, ReadContext } from '../kernel/context';
import { officeRow } from '../office/queries';
import { officesOf } from '../reports/statistics/index';
import { candidateOfContact, listCandidates, toCandidate, volunteerCounts } from './queries';

export function candidate(
  ctx: ReadContext,
  i: ParsedInput<'volunteers.candidate'>,
): Output<'volunteers.candidate'> {
  const db = ctx.store.read;
  const r = candidateOfContact(db, i.contactId);
  return r ? toCandidate(db, r) : null;
}

export function list(ctx: ReadContext, i: ParsedInput<'volunteers.list'>): Output<'volunteers.list'> {
  return listCandidates(ctx.store.read, i.stage, i.limit);
}

export function counts(ctx: ReadContext, i: ParsedInput<'volunteers.counts'>): Output<'volunteers.counts'> {
  const db = ctx.store.read;
  return volunteerCounts(db, officesOf(ctx, officeRow(db).id, i.officeIds));
}

export function settings(ctx: ReadContext): Output<'volunteers.settings'> {
  return { coordinatorId: officeRow(ctx.store.read).volunteer_coordinator_id ?? null };
}

export function updateSettings(
  ctx: CallContext,
  i: ParsedInput<'volunteers.updateSettings'>,
): Output<'volunteers.updateSettings'> {
  return ctx.store.transaction((db) => {
    const office = officeRow(db);
    if (
      i.coordinatorId &&
      !db.rawGet(
        'SELECT 1 FROM users WHERE id = ? AND office_id = ? AND active = 1 AND deleted_at IS NULL',
        i.coordinatorId,
        office.id,
      )
    )
      throw new ApiError('validation', 'coordinatorId: no such active user in the office', {
        field: 'coordinatorId',
      });
    updateSynced(db, 'offices', office.id, { volunteer_coordinator_id: i.coordinatorId }, stamp(ctx));
    audit(db, ctx, office.id, 'volunteers.updateSettings', 'office', office.id, {
      coordinatorId: i.coordinatorId,
    });
    return { coordinatorId: i.coordinatorId };
  });
}
