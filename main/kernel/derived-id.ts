import { createHash } from 'node:crypto';

/**
 * A UUIDv7-shaped id that is a function of its parts, for a row every computer of an office may make on
 * its own while apart (the system user, a recurring поручение of a period): each makes the same id, and
 * sync merges the rows as one instead of holding two. `ms` is its time (rows still sort by it); the rest
 * is the parts' hash, with the version and variant bits of a UUIDv7.
 */
export function derivedId(ms: number, ...parts: string[]): string {
  const b = createHash('sha256').update(parts.join('\u0000')).digest().subarray(0, 16);
  for (let i = 0; i < 6; i++) b[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
  b[6] = 0x70 | (b[6]! & 0x0f);
  b[8] = 0x80 | (b[8]! & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
