import { v7 as uuidv7 } from 'uuid';

/**
 * Row ids are UUIDv7: time-ordered, so inserts append to the B-tree, and unique across offices,
 * so rows from many offices merge into one headquarters database without collisions.
 */
export function newId(nowMs?: number): string {
  return nowMs === undefined ? uuidv7() : uuidv7({ msecs: nowMs, random: randomBytes16() });
}

// One call to the system's random source per 256 ids, not one per id: a registration makes ten ids.
const POOL = new Uint8Array(4096);
let poolAt = POOL.length;

function randomBytes16(): Uint8Array {
  if (poolAt + 16 > POOL.length) {
    crypto.getRandomValues(POOL);
    poolAt = 0;
  }
  poolAt += 16;
  return POOL.subarray(poolAt - 16, poolAt);
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
