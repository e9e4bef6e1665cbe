import type { Kysely } from 'kysely';
import { newId } from '../../../shared/util/ids';
import { HqError } from '../error';
import type { HqDB } from '../store';
import { forgetCached } from './cache';
import type { Place } from './form';

/**
 * HQ's table of which office serves which place. A route names a region, and may narrow it to a
 * district and a settlement; the route with all three empty is the default office. An application goes
 * to the most specific route its place matches.
 */

export interface WebRoute extends Place {
  id: string;
  officeCode: string;
}

export async function listRoutes(db: Kysely<HqDB>): Promise<WebRoute[]> {
  const rows = await db
    .selectFrom('hq_web_routes')
    .selectAll()
    .orderBy('region')
    .orderBy('district')
    .orderBy('settlement')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    region: r.region,
    district: r.district,
    settlement: r.settlement,
    officeCode: r.office_code,
  }));
}

const isDefault = (p: Place): boolean => p.region === '' && p.district === '' && p.settlement === '';

/** The places the form offers: every route but the default, in the order of the list. */
export function placesOf(routes: readonly WebRoute[]): Place[] {
  return routes
    .filter((r) => !isDefault(r))
    .map(({ region, district, settlement }) => ({ region, district, settlement }));
}

/** The office code for a place: the most specific matching route, else the default, else none. */
export function routeFor(routes: readonly WebRoute[], place: Partial<Place>): string | null {
  let best: WebRoute | null = null;
  let bestScore = -1;
  for (const r of routes) {
    const parts = [
      [r.region, place.region],
      [r.district, place.district],
      [r.settlement, place.settlement],
    ] as const;
    if (parts.some(([want, got]) => want !== '' && want !== (got ?? ''))) continue;
    const score = parts.filter(([want]) => want !== '').length;
    if (score > bestScore) [best, bestScore] = [r, score];
  }
  return best?.officeCode ?? null;
}

/** Adds or re-points the route of a place; the office must be one HQ knows (enrolled) or will. */
export async function setRoute(db: Kysely<HqDB>, place: Place, officeCode: string, now: Date): Promise<void> {
  const clean = (s: string, field: string): string => {
    const v = s.trim();
    if (v.length > 200) throw new HqError(400, `${field}: longer than 200 characters`);
    return v;
  };
  const region = clean(place.region, 'region');
  const district = clean(place.district, 'district');
  const settlement = clean(place.settlement, 'settlement');
  if (region === '' && (district !== '' || settlement !== ''))
    throw new HqError(400, 'region: a district or settlement needs its region');
  const code = officeCode.trim();
  if (!/^[\p{L}\p{N}_.-]{1,40}$/u.test(code))
    throw new HqError(400, `office: "${officeCode}" is not an office code`);
  await db
    .insertInto('hq_web_routes')
    .values({
      id: newId(now.getTime()),
      region,
      district,
      settlement,
      office_code: code,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.columns(['region', 'district', 'settlement']).doUpdateSet({ office_code: code }))
    .execute();
  forgetCached(db);
}

export async function removeRoute(db: Kysely<HqDB>, place: Place): Promise<boolean> {
  const r = await db
    .deleteFrom('hq_web_routes')
    .where('region', '=', place.region.trim())
    .where('district', '=', place.district.trim())
    .where('settlement', '=', place.settlement.trim())
    .executeTakeFirst();
  forgetCached(db);
  return Number(r.numDeletedRows) > 0;
}
