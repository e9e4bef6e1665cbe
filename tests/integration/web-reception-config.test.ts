import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONFIG_TTL_MS, cached, forgetCached } from '../../main/hq/reception/cache';
import { receptionConfig } from '../../main/hq/reception/config';
import { setRoute } from '../../main/hq/reception/routes';
import { changeWebSettings, DEFAULT_WEB_SETTINGS, readWebSettings } from '../../main/hq/reception/settings';
import { openHqStore, type HqStore } from '../../main/hq/store';
import { tempDir, type TempDir } from './helpers';

/**
 * The reception's settings and routing table as the request path reads them: kept in the process for
 * a moment, yet what changes through this handle is seen at once and what another HQ process changes
 * (another handle on the same database) once the copy has aged.
 */

let dir: TempDir;
const stores: HqStore[] = [];

async function twoHandles(): Promise<[HqStore, HqStore]> {
  dir = tempDir('web-config-');
  const file = path.join(dir.dir, 'hq.sqlite');
  const a = await openHqStore(file);
  const b = await openHqStore(file);
  stores.push(a, b);
  return [a, b];
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  dir?.remove();
});

describe('the web reception configuration copy', () => {
  it('sees a change of settings or routes made through the same handle at once', async () => {
    const [a] = await twoHandles();
    expect((await receptionConfig(a.db)).settings.perIpHour).toBe(DEFAULT_WEB_SETTINGS.perIpHour);
    expect((await receptionConfig(a.db)).places).toEqual([]);
    await changeWebSettings(a.db, { perIpHour: 7 });
    await setRoute(a.db, { region: 'Тверская область', district: '', settlement: '' }, 'ТВР', new Date());
    const now = await receptionConfig(a.db);
    expect(now.settings).toEqual(await readWebSettings(a.db));
    expect(now.settings.perIpHour).toBe(7);
    expect(now.places).toEqual([{ region: 'Тверская область', district: '', settlement: '' }]);
    expect(now.routes.map((r) => r.officeCode)).toEqual(['ТВР']);
  });

  it("sees another handle's change once its copy is older than the time allowed", async () => {
    const [a, b] = await twoHandles();
    let t = 5_000;
    const read = async () =>
      (
        await cached(
          a.db,
          () => readWebSettings(a.db),
          () => t,
        )
      ).perIpHour;
    const before = await read();
    await changeWebSettings(b.db, { perIpHour: before + 3 });
    t += CONFIG_TTL_MS - 1;
    expect(await read()).toBe(before);
    t += 1;
    expect(await read()).toBe(before + 3);
  });

  it('does not keep a read that began before a change', async () => {
    const owner = {};
    let release!: (v: string) => void;
    const slow = cached(owner, () => new Promise<string>((r) => (release = r)));
    forgetCached(owner);
    release('old');
    expect(await slow).toBe('old');
    expect(await cached(owner, async () => 'new')).toBe('new');
  });
});
