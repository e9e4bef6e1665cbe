import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { HqView } from '../../main/hq/view';
import { MAX_FAILED_SIGN_INS } from '../../main/office/users';
import { startHqServer, type HqServerHandle } from '../../main/transport/http/hq';
import type { Envelope } from '../../shared/api/define';
import { PASSWORD, tempDir } from './helpers';
import { testOffice } from './office-fixture';
import { startTestHq } from './sync-fixture';

/** Sign-in as an attacker tries it: many guesses at once, unknown logins, oversized fields. */

function auditActions(o: Awaited<ReturnType<typeof testOffice>>): string[] {
  return o.handle.sqlite
    .prepare("SELECT action FROM audit_log WHERE action LIKE 'auth.%' ORDER BY seq")
    .all()
    .map((r) => (r as { action: string }).action);
}

describe('sign-in at a desk', () => {
  it('100 parallel wrong guesses lock the account after 5 failures, each one counted', async () => {
    const o = await testOffice();
    const before = auditActions(o).length;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        o.fail('auth.signIn', { login: 'admin', password: `wrong-${i}` }),
      ),
    );
    expect(answers.every((a) => a.code === 'unauthenticated')).toBe(true);
    const audit = auditActions(o).slice(before);
    expect(audit.filter((a) => a === 'auth.locked')).toHaveLength(100 / MAX_FAILED_SIGN_INS);
    expect(audit.filter((a) => a === 'auth.signIn.failed')).toHaveLength(100 - 100 / MAX_FAILED_SIGN_INS);
    expect(await o.fail('auth.signIn', { login: 'admin', password: PASSWORD })).toMatchObject({
      code: 'locked',
    });
  }, 180_000);

  it('answers an unknown login exactly as a known one, locked or not', async () => {
    const o = await testOffice();
    const unknown = await o.fail('auth.signIn', { login: 'nobody', password: 'wrong password' });
    const known = await o.fail('auth.signIn', { login: 'admin', password: 'wrong password' });
    expect(unknown).toEqual(known);
    for (let i = 1; i < MAX_FAILED_SIGN_INS; i++)
      await o.fail('auth.signIn', { login: 'admin', password: 'wrong password' });
    // Locked now: a wrong password still gets the answer any login gets, no 423 that names the account.
    expect(await o.fail('auth.signIn', { login: 'admin', password: 'wrong password' })).toEqual(unknown);
  });

  it('refuses oversized fields by name, changing nothing, and audits a bounded login', async () => {
    const o = await testOffice();
    const before = auditActions(o).length;
    expect(await o.fail('auth.signIn', { login: 'x'.repeat(100_000), password: 'p' })).toMatchObject({
      code: 'validation',
      field: 'login',
    });
    expect(await o.fail('auth.signIn', { login: 'admin', password: 'p'.repeat(201) })).toMatchObject({
      code: 'validation',
      field: 'password',
    });
    expect(auditActions(o).length).toBe(before);
    await o.fail('auth.signIn', { login: 'y'.repeat(40), password: 'p' });
    const row = o.handle.sqlite
      .prepare("SELECT details FROM audit_log WHERE action = 'auth.signIn.failed' ORDER BY seq DESC")
      .get() as { details: string };
    expect(row.details.length).toBeLessThan(100);
  });

  it('signs in with a hash of the old cost and replaces it by one of today’s', async () => {
    const o = await testOffice();
    const salt = randomBytes(16);
    const key = scryptSync(PASSWORD, salt, 32, { N: 16384, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    o.handle.sqlite.prepare("UPDATE users SET password_hash = ? WHERE login = 'admin'").run(old);
    expect((await o.call('auth.signIn', { login: 'admin', password: PASSWORD })).user.login).toBe('admin');
    const now = o.handle.sqlite.prepare("SELECT password_hash FROM users WHERE login = 'admin'").get() as {
      password_hash: string;
    };
    expect(now.password_hash).toMatch(/^scrypt\$65536\$8\$1\$/);
    await o.call('auth.signIn', { login: 'admin', password: PASSWORD });
  });
});

describe('sign-in at HQ, over loopback', () => {
  const servers: HqServerHandle[] = [];
  const views: HqView[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
    for (const v of views.splice(0)) v.close();
  });

  async function hqWithView(signInsPerMinute?: number) {
    const hq = await startTestHq('sqlite', '2026-03-02T08:00:00Z');
    const file = tempDir('priemnaya-view-').file('view.sqlite');
    await HqView.addUser(file, hq.clock, {
      login: 'chief',
      fullName: 'Начальник Штабов',
      password: PASSWORD,
      role: 'admin',
    });
    const view = await HqView.open(hq.hq, file, hq.clock);
    views.push(view);
    const server = await startHqServer({
      hq: hq.hq,
      port: 0,
      viewApi: view.handle.api,
      clock: hq.clock,
      ...(signInsPerMinute ? { signInsPerMinute } : {}),
    });
    servers.push(server);
    const signIn = async (login: string, password: string) => {
      const res = await fetch(`${server.url}/api/auth.signIn`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      return { status: res.status, body: (await res.json()) as Envelope<unknown> };
    };
    return { hq, signIn };
  }

  it('locks after 5 of 100 parallel wrong guesses, and answers unknown logins as known ones', async () => {
    const { signIn } = await hqWithView(1000);
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => signIn('chief', `wrong-${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(401));
    const unknown = await signIn('nobody', 'wrong');
    const known = await signIn('chief', 'wrong');
    expect(unknown).toEqual(known);
    expect((await signIn('chief', PASSWORD)).status).toBe(423);
    expect((await signIn('c'.repeat(41), 'p')).body).toMatchObject({ error: { field: 'login' } });
  }, 180_000);

  it('takes a few sign-ins a minute from one address, then refuses until the minute is over', async () => {
    const { hq, signIn } = await hqWithView();
    for (let i = 0; i < 10; i++) expect((await signIn('guess', `wrong-${i}`)).status).toBe(401);
    const refused = await signIn('chief', PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ ok: false, error: { code: 'locked' } });
    hq.clock.advance(61_000);
    expect((await signIn('chief', PASSWORD)).status).toBe(200);
  });
});
