import { describe, expect, it } from 'vitest';
import { runTs, tempDir } from './helpers';

const HQ = 'main/transport/cli/hq.ts';

describe('npm run hq: the web reception', () => {
  it('keeps the routing table and the settings, refuses a bad one, and will not serve without a way to send codes', async () => {
    const tmp = tempDir('priemnaya-hq-cli-');
    try {
      const db = ['--db', tmp.file('hq.sqlite')];
      const set = await runTs(HQ, [
        'web-route',
        'Тверская область',
        'Калининский район',
        '--office',
        'ААА',
        ...db,
      ]);
      expect(set.code, set.stderr).toBe(0);
      expect((await runTs(HQ, ['web-route', '--office', 'БББ', ...db])).code).toBe(0);
      const routes = await runTs(HQ, ['web-routes', ...db]);
      expect(routes.stdout.trim().split('\n')).toEqual([
        'БББ\t(по умолчанию)',
        'ААА\tТверская область, Калининский район',
      ]);
      const bad = await runTs(HQ, ['web-settings', '{"codeTries":0}', ...db]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('codeTries');
      const ok = await runTs(HQ, ['web-settings', '{"codeTries":3}', ...db]);
      expect(JSON.parse(ok.stdout)).toMatchObject({ codeTries: 3, codeMinutes: 15 });
      const stats = await runTs(HQ, ['web-stats', ...db]);
      expect(JSON.parse(stats.stdout)).toEqual({ unconfirmed: 0, undelivered: 0, offices: [] });
      const serve = await runTs(HQ, [
        'serve',
        '--port',
        '0',
        '--reception-url',
        'https://deputat.example',
        ...db,
      ]);
      expect(serve.code).toBe(1);
      expect(serve.stderr).toContain('нужен способ отправить код');
    } finally {
      tmp.remove();
    }
  }, 120_000);
});
