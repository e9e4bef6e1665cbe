import { v7 as uuidv7 } from 'uuid';

/**
 * Row ids are UUIDv7: time-ordered, so inserts append to the B-tree, and unique across offices,
 * so rows from many offices merge into one headquarters database without collisions.
 */
export function newId(nowMs?: number): string {
  return nowMs === undefined ? uuidv7() : uuidv7({ msecs: nowMs });
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
