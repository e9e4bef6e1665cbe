import { describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion } from '../../db/connect';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations/index';
import { m0019 } from '../../db/migrations/0019-art11-published-answer';
import { dumpTables } from './helpers';
import { docxText } from './libreoffice';
import { tempFiles } from './migration-helpers';
import { openDesk } from './workflow-steps';

/**
 * 59-FZ Art. 11 part 5.1: the answer to the question is already published on the official site; the
 * applicant is told within 7 days the address of the page. The address is given with the ground, kept
 * on the card, printed in the notice and on the printed card.
 */

const URL = 'https://deputat.example.ru/otvety/2026/krysha-sovetskaya-1';
const tempFile = tempFiles('priemnaya-mig-');

describe('Art. 11 part 5.1: the address of the published answer', () => {
  it('is required for part 5.1 and only there, a web address, refused naming publishedAnswerUrl', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    const before = dumpTables(d.o.handle.sqlite);
    for (const input of [
      { ground: 'p5_1' },
      { ground: 'p5_1', publishedAnswerUrl: 'не ссылка' },
      { ground: 'p5_1', publishedAnswerUrl: 'ftp://deputat.example.ru/otvet' },
      { ground: 'p2', publishedAnswerUrl: URL },
    ])
      expect(
        await d.o.fail(
          'workflow.applyArt11',
          { id: a.id, comment: 'Ответ опубликован', ...input },
          d.assistant.token,
        ),
      ).toMatchObject({ code: 'validation', field: 'publishedAnswerUrl' });
    expect(dumpTables(d.o.handle.sqlite)).toBe(before);
  });

  it('is kept on the card, named in the notice letter and on the printed card, and stays after the notice', async () => {
    const d = await openDesk('2026-02-13');
    const a = await d.register('2026-02-13');
    let c = await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p5_1', comment: 'Ответ опубликован', publishedAnswerUrl: URL },
      d.assistant.token,
    );
    expect(c).toMatchObject({ status: 'art11_notice', art11: { ground: 'p5_1', publishedAnswerUrl: URL } });
    expect(c.history.at(-1)?.changes).toMatchObject({ art11_published_url: { from: null, to: URL } });

    const letter = await d.o.call('documents.letter', { appealId: a.id, kind: 'art11' }, d.assistant.token);
    const text = docxText(Buffer.from(letter.dataBase64, 'base64'));
    expect(text).toContain(`размещён на официальном сайте: ${URL}.`);

    c = await d.o.call(
      'workflow.sendArt11Notice',
      { id: a.id, sentOn: '2026-02-13', form: 'email' },
      d.assistant.token,
    );
    expect(c).toMatchObject({ status: 'closed', art11: { publishedAnswerUrl: URL } });
    const card = await d.o.call('documents.card', { appealId: a.id }, d.assistant.token);
    const printed = docxText(Buffer.from(card.dataBase64, 'base64'));
    expect(printed).toContain('Адрес опубликованного ответа');
    expect(printed).toContain(URL);
  });

  it('the letter template of part 5.1 knows the field, the others do not', async () => {
    const d = await openDesk('2026-02-13');
    const body = 'Ответ размещён: {{ссылка_на_ответ}}';
    const saved = await d.o.call('templates.save', { kind: 'art11_p5_1', body }, d.admin.token);
    expect(saved).toBeTruthy();
    // The preview without an appeal shows a sample address where the field stands.
    const shown = await d.o.call('templates.preview', { kind: 'art11_p5_1', body }, d.admin.token);
    expect(JSON.stringify(shown)).toContain('Ответ размещён: https://');
    expect(await d.o.fail('templates.save', { kind: 'art11_p5', body }, d.admin.token)).toMatchObject({
      code: 'validation',
    });
  });
});

describe('migration: art11 published answer', () => {
  it('adds the column to appeals that are already there, empty', () => {
    const file = tempFile();
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, MIGRATIONS.indexOf(m0019)) });
    expect(old.prepare('SELECT name FROM pragma_table_info(?)').all('appeals')).not.toContainEqual({
      name: 'art11_published_url',
    });
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.prepare('SELECT name FROM pragma_table_info(?)').all('appeals')).toContainEqual({
      name: 'art11_published_url',
    });
    db.close();
  });
});
