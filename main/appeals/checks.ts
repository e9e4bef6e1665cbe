/** What registration and an edit both check of an appeal's fields. */
import type { ReadDb } from '../../db/sql';
import { ApiError } from '../../shared/api/define';

/**
 * An appeal is received no later than it is registered, and registered no later than today (the
 * office's date): a date ahead would count its term from a day still to come. Refused naming the field.
 */
export function checkAppealDates(d: { receivedOn: string; registeredOn: string }, today: string): void {
  for (const field of ['registeredOn', 'receivedOn'] as const)
    if (d[field] > today) throw new ApiError('validation', `${field}: the date is in the future`, { field });
  if (d.receivedOn > d.registeredOn)
    throw new ApiError('validation', 'receivedOn: an appeal cannot be received after it is registered', {
      field: 'receivedOn',
    });
}

/** Every user named as responsible or executor exists and is active. */
export function checkUsers(db: ReadDb, ...ids: (string | null | undefined)[]): void {
  for (const id of ids) {
    if (!id) continue;
    const u = db.get(db.qb.selectFrom('users').select(['id', 'active']).where('id', '=', id));
    if (!u || u.active !== 1)
      throw new ApiError('validation', 'no such active user', { field: 'responsibleId' });
  }
}
