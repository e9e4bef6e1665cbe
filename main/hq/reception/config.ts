import type { Kysely } from 'kysely';
import type { HqDB } from '../store';
import { cached } from './cache';
import type { Place } from './form';
import { listRoutes, placesOf, type WebRoute } from './routes';
import { readWebSettings, type WebSettings } from './settings';

/** What every post to the form needs: the settings, the routing table and the places it offers. */
export interface ReceptionConfig {
  settings: WebSettings;
  routes: WebRoute[];
  places: Place[];
}

/**
 * The reception's configuration, from this process's short-lived copy (see `cache.ts`). `via` is the
 * connection to read through when the copy is stale (a transaction already under way), `db` the
 * handle the copy is kept for.
 */
export function receptionConfig(db: Kysely<HqDB>, via: Kysely<HqDB> = db): Promise<ReceptionConfig> {
  return cached(db, async () => {
    const [settings, routes] = await Promise.all([readWebSettings(via), listRoutes(via)]);
    return { settings, routes, places: placesOf(routes) };
  });
}
