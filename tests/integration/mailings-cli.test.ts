import { afterEach, describe, expect, it } from 'vitest';
import { runTs, setUpOffice, type ProcessResult } from './helpers';
import { expectedAddresses, seedContacts, startedMailing } from './mailings-fixture';
import { accountFor, startSmtpListener } from './smtp-listener';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0).reverse()) await f();
});

/** `mailing-run` in a child process; once `stop` resolves it gets SIGTERM, as an app being closed. */
const mailingRun = (file: string, id: string, stop?: () => Promise<void>): Promise<ProcessResult> =>
  runTs('main/transport/cli/main.ts', ['mailing-run', id, '--db', file], {
    onChild: (child) => void stop?.().then(() => child.kill('SIGTERM')),
  });

describe('the command line sends a mailing', () => {
  it('mailing-run stopped midway (SIGTERM, the app closing) and run again: nobody twice, nobody skipped', async () => {
    const o = await setUpOffice('2026-03-02T07:00:00Z');
    cleanup.push(() => o.tmp.remove());
    const l = await startSmtpListener();
    cleanup.push(() => l.close());
    const db = o.handle.store.read.sqlite;
    seedContacts(db, { count: 3000, district: 'Заречный', prefix: 'z', at: '2026-03-01T07:00:00Z' });
    await o.value('mail.account.save', accountFor(l));
    const { id, total } = await startedMailing(o, 'Заречный');
    const expected = expectedAddresses(db, 'Заречный');
    expect(total).toBe(expected.length);
    o.handle.close();

    const first = await mailingRun(o.file, id, () => l.waitFor(300));
    expect(first.code, first.stderr).toBe(0);
    const midway = l.messages.length;
    expect(midway).toBeGreaterThanOrEqual(300);
    expect(midway).toBeLessThan(total);
    expect(first.stdout).toContain(`Всего отправлено ${midway} из ${total}`);

    const second = await mailingRun(o.file, id);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toContain(`Отправлено сейчас: ${total - midway}.`);
    expect(second.stdout).toContain(`Всего отправлено ${total} из ${total}; ждут отправки: 0`);
    const received = l.messages.map((x) => x.to[0]!);
    expect(new Set(received).size).toBe(received.length);
    expect(received.sort()).toEqual(expected);

    // A finished mailing is not run again; the outbox pass says what it did.
    const again = await mailingRun(o.file, id);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('Рассылка не запущена (состояние: done)');
    const pass = await runTs('main/transport/cli/main.ts', ['mail-send', '--db', o.file]);
    expect(pass.stdout).toContain('Отправлено писем: 0; не отправлено (остались в очереди): 0.');
  }, 180_000);
});
