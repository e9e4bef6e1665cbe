/**
 * The reception's settings and routing table as the request path reads them: a copy kept in this
 * process for at most `CONFIG_TTL_MS`, so a busy form does not read and check them again on every
 * post. They stay in HQ's database: what another HQ process (or `npm run hq`) changes is seen here
 * within that time, and a change made through this process's own connection at once (`forgetCached`).
 */

export const CONFIG_TTL_MS = 1000;

interface Entry {
  value: unknown;
  at: number;
}

const entries = new WeakMap<object, Entry>();
/** Bumped by every change, so a read that began before it does not store what it read. */
const generations = new WeakMap<object, number>();

/**
 * What `load` gives, kept under `owner` (HQ's database handle) for at most the time above. `now` is a
 * monotonic time in ms (a test gives its own).
 */
export async function cached<T>(
  owner: object,
  load: () => Promise<T>,
  now: () => number = () => performance.now(),
): Promise<T> {
  const hit = entries.get(owner);
  const at = now();
  if (hit && at - hit.at < CONFIG_TTL_MS) return hit.value as T;
  const generation = generations.get(owner) ?? 0;
  const value = await load();
  if ((generations.get(owner) ?? 0) === generation) entries.set(owner, { value, at });
  return value;
}

/** Drops the copy kept under `owner`: the next read goes to the database. */
export function forgetCached(owner: object): void {
  entries.delete(owner);
  generations.set(owner, (generations.get(owner) ?? 0) + 1);
}
