import { v7 as uuidv7 } from 'uuid';

/**
 * Row ids are UUIDv7: time-ordered, so inserts append to the B-tree, and unique across offices,
 * so rows from many offices merge into one headquarters database without collisions.
 */
export function newId(nowMs?: number): string {
  return nowMs === undefined ? uuidv7() : uuidv7({ msecs: nowMs, random: randomBytes16() });
}

/**
 * Ids for the many rows of one write at one instant (an import batch), each greater than the one before:
 * UUIDv7's 32-bit counter field counts up from a random start, the other 42 random bits stay random. With
 * `newId`'s random ids a batch's rows landed in random order inside the batch's stretch of every index on
 * an id (half-full pages from random splits), and the rows' own order on disk (rowid) differed from their
 * ids', which made a later read in id order jump between pages; in order, they append.
 */
export function idSequence(nowMs: number): () => string {
  // A start below 2^31 leaves room for two billion ids before the counter could wrap.
  const start = randomBytes16();
  let seq = ((start[0]! & 0x7f) << 24) | (start[1]! << 16) | (start[2]! << 8) | start[3]!;
  return () => uuidv7({ msecs: nowMs, seq: seq++, random: randomBytes16() });
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
