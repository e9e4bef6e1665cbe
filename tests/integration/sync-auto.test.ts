import { describe, expect, it } from 'vitest';
import { AutoSync } from '../../main/sync/auto';
import { appealInput } from './helpers';
import { enrolledOffice, startTestHq } from './sync-fixture';

const T0 = '2026-03-02T07:00:00Z';

describe('automatic sync', () => {
  it('syncs when the interval has passed since the last attempt, and never when it is 0', async () => {
    const hq = await startTestHq('sqlite', T0);
    const desk = await enrolledOffice(hq, 'ТВР', T0);
    let fire: (() => void) | null = null;
    const auto = new AutoSync(desk.handle.api.systemContext(), {
      timers: { setInterval: (fn) => (fire = fn), clearInterval: () => (fire = null) },
    });
    auto.start();
    expect(fire).not.toBeNull();
    await desk.value('appeals.register', appealInput());
    expect(auto.due()).toBe(true);
    await auto.tick();
    expect(await desk.value('sync.status', {})).toMatchObject({ pending: 0, lastError: null });

    await desk.value('appeals.register', appealInput());
    desk.clock.advance(4 * 60_000);
    await auto.tick();
    expect((await desk.value('sync.status', {})).pending).toBeGreaterThan(0);
    desk.clock.advance(60_000);
    await auto.tick();
    expect((await desk.value('sync.status', {})).pending).toBe(0);

    await desk.value('sync.settings', { intervalMinutes: 0, driftLimitMinutes: 5 });
    await desk.value('appeals.register', appealInput());
    desk.clock.advance(24 * 3_600_000);
    expect(auto.due()).toBe(false);
    auto.stop();
    expect(fire).toBeNull();
  });
});
