import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import type { MailboxInput } from '../../shared/api/mail-intake';
import {
  compose,
  dsnBounce,
  eml,
  legacyCharset,
  pdfBytes,
  pngBytes,
  sha256,
} from '../fixtures/mail/messages';
import { mailboxFor, type DovecotUser } from './dovecot';
import { dovecotForFile } from './dovecot-file';
import { testOffice, type TestOffice } from './office-fixture';

/** The fetch: real-world messages from a real IMAP server into «Входящие», each once, nothing lost. */

const dovecot = dovecotForFile();

let users = 0;
function user(): DovecotUser {
  users += 1;
  return dovecot.server.addUser(`box${users}@example.ru`, `pw-${users}`);
}

async function officeWith(u: DovecotUser, over: Partial<MailboxInput> = {}) {
  const o = await testOffice();
  const box = await o.call('mail.saveMailbox', mailboxFor(dovecot.server, u, over));
  return { o, box };
}

type Item = {
  id: string;
  uid: number;
  message_id: string | null;
  from_name: string | null;
  from_address: string | null;
  subject: string;
  body: string;
  files: string;
  auto_reply: number;
  bounce: string | null;
  problem: string | null;
  state: string;
  appeal_id: string | null;
};

const items = (o: TestOffice): Item[] =>
  o.handle.sqlite.prepare('SELECT * FROM mail_intake ORDER BY uid').all() as Item[];

const bySubject = (o: TestOffice, subject: string): Item => {
  const found = items(o).filter((i) => i.subject === subject);
  expect(found, subject).toHaveLength(1);
  return found[0]!;
};

const filesOf = (i: Item) =>
  JSON.parse(i.files) as { name: string; mime: string; size: number; sha256: string; attachable: boolean }[];

describe('fetching real-world messages', () => {
  it('takes each shape with its Cyrillic right, its files byte-identical and its facts kept', async () => {
    const u = user();
    const scan = pdfBytes('скан заявления');
    const photo = pngBytes(7);
    const longName = 'Фото разрушенной детской площадки во дворе дома № 5 — «весна» 2026.png';
    const withFiles = await compose({
      from: '"Сидорова Анна Петровна" <Anna.Sidorova@mail.example.ru>',
      to: 'priem@example.ru',
      subject: 'Детская площадка',
      text: 'Прошу отремонтировать площадку.',
      attachments: [
        { filename: 'заявление.pdf', content: scan },
        { filename: longName, content: photo },
      ],
    });
    expect(withFiles.toString('latin1')).toMatch(/filename\*0\*?=utf-8''/i);
    const inner = await compose({
      from: 'Петров Пётр <petrov@example.ru>',
      to: 'mo@example.ru',
      subject: 'Исходное письмо',
      text: 'Текст исходного письма про свалку',
      attachments: [{ filename: 'свалка.pdf', content: pdfBytes('свалка') }],
    });
    const big = await compose({
      from: 'Большой <big@example.ru>',
      to: 'priem@example.ru',
      subject: 'Огромное письмо',
      messageId: '<big-1@example.ru>',
      text: 'см. вложение',
      attachments: [{ filename: 'video.bin', content: Buffer.alloc(50 * 1024 * 1024, 7) }],
    });
    await dovecot.server.append(u, [
      legacyCharset('windows-1251', {
        name: 'Иванов Иван Иванович',
        address: 'ivanov@old.example.ru',
        subject: 'Яма на дороге у дома',
        text: 'Прошу заделать яму.\nЁлки и щётки — «кавычки».',
      }),
      legacyCharset('koi8-r', {
        name: 'Кузнецова Мария',
        address: 'kuz@old.example.ru',
        subject: 'Нет света в подъезде',
        text: 'Третий день нет света. Съешь ещё этих мягких французских булок.',
      }),
      await compose({
        from: 'Орлов Олег <orlov@example.ru>',
        to: 'priem@example.ru',
        subject: 'Закодированное письмо',
        text: 'Строка с буквами ё и Ё, длинная: ' + 'отопление '.repeat(30),
        textEncoding: 'quoted-printable',
      }),
      await compose({
        from: 'Веб-форма <form@site.example.ru>',
        to: 'priem@example.ru',
        subject: 'Только HTML',
        html: '<html><body><h1>Обращение</h1><p>Прошу <b>убрать</b> снег.</p><ul><li>двор</li></ul></body></html>',
      }),
      withFiles,
      await compose({
        from: '"Сидорова Анна Петровна" <anna.sidorova@mail.example.ru>',
        to: 'priem@example.ru',
        subject: 'Fwd: Исходное письмо',
        text: 'Пересылаю ответ администрации.',
        attachments: [{ filename: 'Исходное письмо.eml', content: inner, contentType: 'message/rfc822' }],
      }),
      dsnBounce({ failed: 'gone@nowhere.example', originalMessageId: '<out-1@priem.example.ru>' }),
      eml('auto-reply.eml'),
      eml('malformed.eml'),
      eml('no-from.eml'),
      big,
    ]);
    const { o, box } = await officeWith(u);
    const report = await o.call('mail.fetchNow', {});
    expect(report.mailboxes).toEqual([{ id: box.id, name: 'Приёмная', taken: 11, skipped: 0, error: null }]);

    const cp = bySubject(o, 'Яма на дороге у дома');
    expect(cp).toMatchObject({ from_name: 'Иванов Иван Иванович', from_address: 'ivanov@old.example.ru' });
    expect(cp.body).toBe('Прошу заделать яму.\nЁлки и щётки — «кавычки».');
    expect(bySubject(o, 'Нет света в подъезде')).toMatchObject({
      from_name: 'Кузнецова Мария',
      body: 'Третий день нет света. Съешь ещё этих мягких французских булок.',
    });
    expect(bySubject(o, 'Закодированное письмо').body).toBe(
      ('Строка с буквами ё и Ё, длинная: ' + 'отопление '.repeat(30)).trim(),
    );
    const html = bySubject(o, 'Только HTML').body;
    expect(html).toContain('Прошу убрать снег.');
    expect(html).toContain('двор');
    expect(html).not.toMatch(/<[a-z]/i);

    const files = bySubject(o, 'Детская площадка');
    expect(files.from_address).toBe('anna.sidorova@mail.example.ru');
    expect(filesOf(files).map((f) => [f.name, f.mime, f.size, f.sha256, f.attachable])).toEqual([
      ['заявление.pdf', 'application/pdf', scan.length, sha256(scan), true],
      [longName, 'image/png', photo.length, sha256(photo), true],
    ]);
    expect(fs.readFileSync(attachmentPath(o.tmp.dir, sha256(scan))).equals(scan)).toBe(true);
    expect(fs.readFileSync(attachmentPath(o.tmp.dir, sha256(photo))).equals(photo)).toBe(true);

    const fwd = bySubject(o, 'Fwd: Исходное письмо');
    expect(fwd.body).toContain('Пересылаю ответ администрации.');
    expect(fwd.body).toContain('Текст исходного письма про свалку');
    expect(filesOf(fwd).map((f) => f.name)).toEqual(['свалка.pdf']);

    const dsn = bySubject(o, 'Undelivered Mail Returned to Sender');
    expect(JSON.parse(dsn.bounce!)).toEqual({
      recipient: 'gone@nowhere.example',
      originalMessageId: '<out-1@priem.example.ru>',
      action: 'failed',
      status: '5.1.1',
    });
    expect(filesOf(dsn)).toEqual([]);
    expect(bySubject(o, 'Автоответ: ваше письмо получено')).toMatchObject({ auto_reply: 1, problem: null });
    expect(bySubject(o, 'Детская площадка').auto_reply).toBe(0);

    const broken = bySubject(o, 'Сломанное вложение');
    expect(broken).toMatchObject({ problem: 'malformed', body: 'Прошу помочь с дорогой' });
    expect(filesOf(broken).map((f) => [f.name, f.attachable])).toEqual([['скан.pdf', false]]);
    expect(bySubject(o, 'Без отправителя')).toMatchObject({ problem: 'no_from', from_address: null });
    expect(bySubject(o, 'Огромное письмо')).toMatchObject({
      problem: 'too_large',
      from_address: 'big@example.ru',
      message_id: '<big-1@example.ru>',
      body: '',
    });

    // The list shows each with its state and reason; the reasons are what «Входящие» shows.
    const listed = await o.call('mail.intake', {});
    expect(listed.rows).toHaveLength(11);
    expect(listed.unregistered).toBe(11);
    expect(
      listed.rows
        .filter((r) => r.problem)
        .map((r) => r.problem)
        .sort(),
    ).toEqual(['malformed', 'no_from', 'too_large']);
    expect(listed.rows.find((r) => r.bounce)?.subject).toBe('Undelivered Mail Returned to Sender');
  }, 120_000);
});

describe('taking each message once', () => {
  it('200 messages appear once each; a second fetch and a copy under another UID take nothing', async () => {
    const u = user();
    const raws = await Promise.all(
      Array.from({ length: 200 }, (_, n) =>
        compose({
          from: `Житель ${n} <resident${n}@example.ru>`,
          to: 'priem@example.ru',
          subject: `Обращение № ${n}`,
          messageId: `<m${n}@example.ru>`,
          text: `Текст ${n}`,
          attachments: n % 10 === 0 ? [{ filename: `скан ${n}.pdf`, content: pdfBytes(String(n)) }] : [],
        }),
      ),
    );
    await dovecot.server.append(u, raws);
    const { o, box } = await officeWith(u);
    expect((await o.call('mail.fetchNow', {})).taken).toBe(200);
    const counts = () =>
      o.handle.sqlite
        .prepare(
          'SELECT count(*) AS n, count(DISTINCT message_id) AS ids, count(DISTINCT uid) AS uids FROM mail_intake',
        )
        .get();
    expect(counts()).toEqual({ n: 200, ids: 200, uids: 200 });
    expect((await o.call('mail.fetchNow', {})).taken).toBe(0);
    // The same message again (a copy moved back into the folder): a new UID, the same Message-ID.
    await dovecot.server.append(u, [raws[5]!]);
    expect((await o.call('mail.fetchNow', {})).mailboxes[0]).toMatchObject({ taken: 0, skipped: 1 });
    expect(counts()).toEqual({ n: 200, ids: 200, uids: 200 });
    const state = o.handle.sqlite
      .prepare('SELECT last_uid, error FROM mail_intake_state WHERE mailbox_id = ?')
      .get(box.id);
    expect(state).toEqual({ last_uid: 201, error: null });
    // Nothing was deleted from the mailbox: the office did not turn that on.
    const c = dovecot.server.client(u);
    await c.connect();
    expect((await c.mailboxOpen('INBOX')).exists).toBe(201);
    await c.logout();
  }, 120_000);

  it('a folder made anew (another UIDVALIDITY) is read again from its start, and only new messages are taken', async () => {
    const u = user();
    const msg = (n: number) =>
      compose({
        from: `a${n}@example.ru`,
        to: 'p@example.ru',
        subject: `П${n}`,
        messageId: `<v${n}@ex.ru>`,
        text: 'т',
      });
    await dovecot.server.append(u, [await msg(1), await msg(2)], 'Обращения');
    const { o } = await officeWith(u, { folder: 'Обращения' });
    expect((await o.call('mail.fetchNow', {})).taken).toBe(2);
    const c = dovecot.server.client(u);
    await c.connect();
    await c.mailboxDelete('Обращения');
    await c.logout();
    await dovecot.server.append(u, [await msg(1), await msg(2), await msg(3)], 'Обращения');
    const report = await o.call('mail.fetchNow', {});
    expect(report.mailboxes[0]).toMatchObject({ taken: 1, skipped: 2, error: null });
    expect(
      items(o)
        .map((i) => i.subject)
        .sort(),
    ).toEqual(['П1', 'П2', 'П3']);
  }, 60_000);

  it('deletes what it took from the mailbox only when the office turned that on', async () => {
    const u = user();
    await dovecot.server.append(u, [
      await compose({ from: 'x@example.ru', to: 'p@example.ru', subject: 'Удалить', text: 'т' }),
    ]);
    const { o } = await officeWith(u, { deleteAfterTake: true });
    expect((await o.call('mail.fetchNow', {})).taken).toBe(1);
    const c = dovecot.server.client(u);
    await c.connect();
    expect((await c.mailboxOpen('INBOX')).exists).toBe(0);
    await c.logout();
  }, 60_000);

  it('a wrong password is recorded on the mailbox in plain words, and the other mailboxes are fetched', async () => {
    const good = user();
    await dovecot.server.append(good, [
      await compose({ from: 'x@example.ru', to: 'p@example.ru', subject: 'Хорошее', text: 'т' }),
    ]);
    const { o } = await officeWith(good);
    await o.call(
      'mail.saveMailbox',
      mailboxFor(dovecot.server, good, { name: 'Архив', password: 'неверный' }),
    );
    const report = await o.call('mail.fetchNow', {});
    expect(report.taken).toBe(1);
    const listed = await o.call('mail.mailboxes', {});
    expect(listed.mailboxes.find((m) => m.name === 'Архив')?.error).toMatch(/Неверный логин или пароль/);
    expect(listed.mailboxes.find((m) => m.name === 'Приёмная')).toMatchObject({ error: null, taken: 1 });
  }, 60_000);
});
