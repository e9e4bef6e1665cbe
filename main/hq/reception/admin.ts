import type { Kysely } from 'kysely';
import type { HqDB } from '../store';

/**
 * What HQ's administrator sees of the web reception: per office, the applications delivered and what
 * the office did with them (from the rows its sync brought back), and those still waiting for a route
 * or for the office to enrol.
 */

export interface OfficeDeliveries {
  officeCode: string | null;
  officeName: string | null;
  delivered: number;
  /** Delivered and not yet registered or set aside by the office (or not yet fetched by it). */
  open: number;
  registered: number;
  rejected: number;
  /** The office's last sync, if it ever synced. */
  lastSeenAt: string | null;
}

export interface ReceptionStats {
  /** Submitted, the code not yet confirmed. */
  unconfirmed: number;
  /** Confirmed, with no office to go to yet (no route, or the office has not enrolled). */
  undelivered: number;
  offices: OfficeDeliveries[];
}

export async function receptionStats(db: Kysely<HqDB>): Promise<ReceptionStats> {
  const apps = await db
    .selectFrom('hq_web_applications')
    .select(['id', 'confirmed_at', 'office_id', 'delivered_at'])
    .execute();
  const states = new Map(
    (
      await db
        .selectFrom('hq_rows')
        .select(['row_id', 'data'])
        .where('table_name', '=', 'web_applications')
        .execute()
    ).map((r) => [r.row_id, (JSON.parse(r.data) as { state?: string }).state ?? 'new']),
  );
  const offices = new Map(
    (await db.selectFrom('hq_offices').select(['office_id', 'code', 'name']).execute()).map((o) => [
      o.office_id,
      o,
    ]),
  );
  const seen = new Map(
    (
      await db
        .selectFrom('hq_nodes')
        .select(['office_id', (eb) => eb.fn.max('last_seen_at').as('at')])
        .groupBy('office_id')
        .execute()
    ).map((r) => [r.office_id, r.at as string | null]),
  );
  const per = new Map<string, OfficeDeliveries>();
  let unconfirmed = 0;
  let undelivered = 0;
  for (const a of apps) {
    if (!a.confirmed_at) unconfirmed++;
    else if (!a.delivered_at || !a.office_id) undelivered++;
    else {
      let o = per.get(a.office_id);
      if (!o) {
        const office = offices.get(a.office_id);
        o = {
          officeCode: office?.code ?? null,
          officeName: office?.name ?? null,
          delivered: 0,
          open: 0,
          registered: 0,
          rejected: 0,
          lastSeenAt: seen.get(a.office_id) ?? null,
        };
        per.set(a.office_id, o);
      }
      o.delivered++;
      const state = states.get(a.id) ?? 'new';
      if (state === 'registered') o.registered++;
      else if (state === 'rejected') o.rejected++;
      else o.open++;
    }
  }
  return {
    unconfirmed,
    undelivered,
    offices: [...per.values()].sort((x, y) => (x.officeCode ?? '').localeCompare(y.officeCode ?? '')),
  };
}
