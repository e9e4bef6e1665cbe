import { describe, expect, it } from 'vitest';
import { runCli } from '../../main/transport/cli/run';
import { compose, pdfBytes, pngBytes, sha256 } from '../fixtures/mail/messages';
import { mailboxFor, type DovecotUser } from './dovecot';
import { dovecotForFile } from './dovecot-file';
import { testOffice, type TestOffice } from './office-fixture';

/** A message of «Входящие» registered as an appeal in one step, dismissed with a reason, or linked by its number. */

const dovecot = dovecotForFile();

let users = 0;
async function officeWithMail(messages: Buffer[]): Promise<{ o: TestOffice; u: DovecotUser }> {
  users += 1;
  const u = dovecot.server.addUser(`reg${users}@example.ru`, `pw-${users}`);
  await dovecot.server.append(u, messages);
  const o = await testOffice();
  await o.call('mail.saveMailbox', mailboxFor(dovecot.server, u));
  await o.call('mail.fetchNow', {});
  return { o, u };
}

const idOf = async (o: TestOffice, subject: string): Promise<string> =>
  (await o.call('mail.intake', {})).rows.find((r) => r.subject === subject)!.id;

const table = (o: TestOffice, sql: string): unknown[] => o.handle.sqlite.prepare(sql).all();

describe('registering from «Входящие»', () => {
  it('proposes the form from the message and registers it with the files, the known applicant and its date', async () => {
    const scan = pdfBytes('скан');
    const photo = pngBytes(3);
    const { o } = await officeWithMail([
      await compose({
        from: '"Сидорова Анна Петровна" <Anna@Example.ru>',
        to: 'priem@example.ru',
        subject: 'Re: Детская площадка',
        date: new Date('2026-02-10T06:00:00Z'),
        text: 'Прошу отремонтировать площадку.',
        attachments: [
          { filename: 'заявление.pdf', content: scan },
          { filename: 'фото.png', content: photo },
          { filename: 'программа.exe', content: Buffer.from('MZ') },
        ],
      }),
      await compose({
        from: 'Пётр Ильич Чайковский <pi@example.ru>',
        to: 'priem@example.ru',
        subject: 'Спам',
        text: 'Купите',
      }),
    ]);
    const known = await o.call('contacts.create', {
      lastName: 'Сидорова',
      firstName: 'Анна',
      email: 'anna@example.ru',
    });
    const id = await idOf(o, 'Re: Детская площадка');
    const item = await o.call('mail.intakeItem', { id });
    expect(item.draft).toEqual({
      receivedOn: expect.stringMatching(/^2026-02-1[0-3]$/),
      summary: 'Детская площадка',
      text: 'Прошу отремонтировать площадку.',
      applicant: expect.objectContaining({ contactId: known.id, email: 'anna@example.ru' }),
    });
    expect(item.attachments.map((f) => [f.name, f.attachable])).toEqual([
      ['заявление.pdf', true],
      ['фото.png', true],
      ['программа.exe', false],
    ]);
    const spamId = await idOf(o, 'Спам');
    expect((await o.call('mail.intakeItem', { id: spamId })).draft.applicant).toMatchObject({
      contactId: null,
      lastName: 'Чайковский',
      firstName: 'Пётр',
      middleName: 'Ильич',
    });

    // A file that is not the message's, or one an appeal does not take: refused by name, nothing changed.
    const before = table(o, 'SELECT count(*) AS n FROM appeals');
    const appeal = {
      channel: 'email' as const,
      kind: 'application' as const,
      receivedOn: item.draft.receivedOn,
      summary: 'Ремонт детской площадки',
      text: item.draft.text,
      topics: [],
      applicant: { contactId: known.id },
    };
    const wrong = await o.fail('mail.registerFromIntake', {
      id,
      appeal,
      files: [sha256(Buffer.from('MZ'))],
    });
    expect(wrong).toMatchObject({ code: 'validation', field: 'files' });
    expect(
      await o.fail('mail.registerFromIntake', { id, appeal: { ...appeal, channel: 'telegraph' } }),
    ).toMatchObject({ code: 'validation', field: 'appeal.channel' });
    expect(table(o, 'SELECT count(*) AS n FROM appeals')).toEqual(before);
    expect((await o.call('mail.intakeItem', { id })).state).toBe('new');

    const done = await o.call('mail.registerFromIntake', { id, appeal });
    expect(done.attached).toBe(2);
    const card = await o.call('appeals.get', { id: done.appealId });
    expect(card).toMatchObject({
      channel: 'email',
      summary: 'Ремонт детской площадки',
      receivedOn: item.draft.receivedOn,
      applicant: { id: known.id },
    });
    const files = await o.call('attachments.list', { appealId: done.appealId });
    expect(files.map((f) => [f.name, f.sha256])).toEqual([
      ['заявление.pdf', sha256(scan)],
      ['фото.png', sha256(photo)],
    ]);
    const got = await o.call('attachments.get', { id: files[1]!.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(photo)).toBe(true);
    expect(await o.call('mail.intakeItem', { id })).toMatchObject({
      state: 'registered',
      appealId: done.appealId,
      regNumber: done.regNumber,
    });
    // Once registered, neither again nor dismissed.
    expect(await o.fail('mail.registerFromIntake', { id, appeal })).toMatchObject({ code: 'invalid_state' });
    expect(await o.fail('mail.dismissIntake', { id, reason: 'spam' })).toMatchObject({
      code: 'invalid_state',
    });

    const dismissed = await o.call('mail.dismissIntake', { id: spamId, reason: 'spam', note: 'реклама' });
    expect(dismissed.state).toBe('not_appeal');
    expect(table(o, `SELECT reason FROM mail_intake WHERE id = '${spamId}'`)).toEqual([
      { reason: 'spam: реклама' },
    ]);
    expect(await o.fail('mail.dismissIntake', { id: spamId, reason: 'boring' })).toMatchObject({
      field: 'reason',
    });
    expect((await o.call('mail.intake', {})).unregistered).toBe(0);
  }, 60_000);

  it('a reply naming the registration number in its subject is linked and shown on the appeal', async () => {
    const { o, u } = await officeWithMail([
      await compose({
        from: 'Орлов Олег <orlov@example.ru>',
        to: 'p@example.ru',
        subject: 'Свет',
        text: 'Нет света',
      }),
    ]);
    const first = await o.call('mail.registerFromIntake', { id: await idOf(o, 'Свет') });
    await dovecot.server.append(u, [
      await compose({
        from: 'Орлов Олег <orlov@example.ru>',
        to: 'p@example.ru',
        subject: `Re: ваше обращение № ${first.regNumber}`,
        text: 'Свет так и не дали',
      }),
    ]);
    await o.call('mail.fetchNow', {});
    const reply = (await o.call('mail.intake', {})).rows.find((r) => r.subject.startsWith('Re:'))!;
    expect(reply).toMatchObject({ state: 'linked', appealId: first.appealId, regNumber: first.regNumber });
    const card = await o.call('appeals.get', { id: first.appealId });
    expect(card.history.find((h) => h.action === 'mail_linked')?.comment).toContain(first.regNumber);
  }, 60_000);
});

describe('the command line', () => {
  it('fetches, lists and registers from «Входящие»; a wrong state or JSON is refused by name', async () => {
    users += 1;
    const u = dovecot.server.addUser(`cli${users}@example.ru`, `pw-${users}`);
    await dovecot.server.append(u, [
      await compose({
        from: 'Иванов Иван <ivan@example.ru>',
        to: 'p@example.ru',
        subject: 'Яма',
        text: 'Яма у дома',
      }),
    ]);
    const o = await testOffice();
    await o.call('mail.saveMailbox', mailboxFor(dovecot.server, u));
    const run = async (...argv: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli([...argv, '--db', o.file, '--user', 'admin'], {
        out: (t) => out.push(t),
        err: (t) => err.push(t),
        env: {},
        readStdin: async () => '',
      });
      return { code, out: out.join('\n'), err: err.join('\n') };
    };
    const fetched = await run('mail-fetch');
    expect(fetched.code).toBe(0);
    expect(JSON.parse(fetched.out)).toMatchObject({ taken: 1 });
    const listed = await run('mail-intake', '--state', 'new');
    expect(listed.code).toBe(0);
    const rows = (JSON.parse(listed.out) as { rows: { id: string; subject: string }[] }).rows;
    expect(rows.map((r) => r.subject)).toEqual(['Яма']);
    const bad = await run('mail-intake', '--state', 'lost');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('"field": "state"');
    expect((await run('mail-register', rows[0]!.id, '{oops')).code).toBe(2);
    const reg = await run('mail-register', rows[0]!.id);
    expect(reg.code).toBe(0);
    const { appealId } = JSON.parse(reg.out) as { appealId: string };
    const card = await o.call('appeals.get', { id: appealId });
    expect(card).toMatchObject({ channel: 'email', summary: 'Яма', text: 'Яма у дома' });
    expect(card.applicant).toMatchObject({ lastName: 'Иванов', firstName: 'Иван', email: 'ivan@example.ru' });
  }, 60_000);
});
