import { describe, expect, it } from 'vitest';
import { LOCKOUT_MS, MAX_FAILED_SIGN_INS } from '../../main/office/users';
import { officeTimeFormat } from '../../shared/i18n/ru/time';
import { PASSWORD, setUpOffice } from './helpers';

/**
 * The lockout message tells the time on the office's clock: the sign-in screen has no office of its
 * own yet, so the refusal carries the office's zone beside the instant. An office in Vladivostok, the
 * server at 16:37 UTC: the lock lasts until 02:52 the next day there, whatever the computer's zone.
 */
describe('the sign-in lockout', () => {
  it('carries the office’s time zone, so the time shown is the office’s', async () => {
    const o = await setUpOffice('2026-12-06T16:37:00Z');
    try {
      await o.value('office.update', { timeZone: 'Asia/Vladivostok' });
      await o.addUser('clerk', 'assistant');
      for (let i = 0; i < MAX_FAILED_SIGN_INS; i++)
        await o.call('auth.signIn', { login: 'clerk', password: 'не тот пароль' }, null);
      const r = await o.call('auth.signIn', { login: 'clerk', password: PASSWORD }, null);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('locked');
      const details = r.error.details as { lockedUntil: string; timeZone: string };
      const until = new Date(o.clock.now().getTime() + LOCKOUT_MS).toISOString();
      expect(details).toEqual({ lockedUntil: until, timeZone: 'Asia/Vladivostok' });
      expect(officeTimeFormat(details.timeZone, { seconds: false })(details.lockedUntil)).toBe(
        '07.12.2026 02:52',
      );
    } finally {
      o.close();
    }
  });
});
