/**
 * The one write scope every domain uses: what a write transaction of the office knows before it
 * touches a row — the office, the calendar its terms are counted on, its date today in its own time
 * zone, the stamp (instant and HLC) every row of the write carries, and who writes.
 */
import type { OfficeTable } from '../../db/schema';
import type { WriteDb } from '../../db/sql';
import type { ProductionCalendar } from '../../shared/domain/calendar';
import { officeCalendar, officeRow, officeToday } from '../office/queries';
import { stamp, type Stamp } from './bookkeeping';
import { requireActor, type Actor, type CallContext } from './context';

export interface WriteScope {
  db: WriteDb;
  ctx: CallContext;
  st: Stamp;
  office: OfficeTable;
  calendar: ProductionCalendar;
  /** The office's date today (`YYYY-MM-DD` in its time zone). */
  today: string;
  /** Who writes: a signed-in person, or null for the office's own work (the scheduler's moves). */
  actor: Actor | null;
}

/** A write a person makes: the workflow's steps, which name who took them. */
export interface PersonScope extends WriteScope {
  actor: Actor;
}

/** Opens the scope inside a write transaction (`db` is the transaction's handle). */
export function beginWrite(db: WriteDb, ctx: CallContext, office: OfficeTable = officeRow(db)): WriteScope {
  return {
    db,
    ctx,
    st: stamp(ctx),
    office,
    calendar: officeCalendar(ctx, office),
    today: officeToday(ctx, office),
    actor: ctx.actor,
  };
}

/** The scope of a signed-in person's write; refuses a call without one. */
export function beginPersonWrite(db: WriteDb, ctx: CallContext): PersonScope {
  const actor = requireActor(ctx);
  return { ...beginWrite(db, ctx), actor };
}
