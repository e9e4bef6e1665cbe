import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { documentOf, section, styleOf, toBuffer } from '../../main/documents/docx/common';
import { programmeContent } from '../../main/documents/docx/programme';
import type { DocFile } from '../../shared/api/documents';
import { tempDir, type TempDir } from './helpers';
import { docxParts, docxText, firstPagePng, pdfPages, pdfText, spreadsheetLines, toPdf } from './libreoffice';
import { answerOnMerits, openDesk, sendRequest, type Desk } from './workflow-steps';

/**
 * Every document is generated from a real office, read back from its XML, and printed to PDF by
 * LibreOffice; the PDF's text must carry the registration number, the applicant and Cyrillic intact.
 * DOCUMENTS_PNG_DIR, when set, keeps each first page as a PNG to look at.
 */

const dirs: TempDir[] = [];
afterEach(() => dirs.splice(0).forEach((d) => d.remove()));

const bytes = (f: DocFile): Buffer => Buffer.from(f.dataBase64, 'base64');

function print(f: DocFile, name: string): { text: string; pages: number } {
  const tmp = tempDir('priemnaya-doc-');
  dirs.push(tmp);
  const pdf = toPdf(bytes(f), tmp.dir, name);
  const keep = process.env.DOCUMENTS_PNG_DIR;
  if (keep) {
    fs.mkdirSync(keep, { recursive: true });
    fs.copyFileSync(firstPagePng(pdf), path.join(keep, `${name}.png`));
  }
  return { text: pdfText(pdf).replace(/\s+/g, ' '), pages: pdfPages(pdf) };
}

const IVANOV = {
  lastName: 'Иванов',
  firstName: 'Иван',
  middleName: 'Петрович',
  address: 'г. Тверь, ул. Советская, д. 1, кв. 2',
};

async function desk(): Promise<Desk> {
  const d = await openDesk('2026-02-02');
  await d.o.call('office.update', {
    address: '170100, г. Тверь, ул. Советская, д. 33',
    phone: '+7 (4822) 32-10-10',
    letterhead: { deputyTitle: 'Депутат Законодательного Собрания Тверской области' },
  });
  return d;
}

describe('documents', () => {
  it('the appeal card carries every filled field and prints with Cyrillic intact', async () => {
    const d = await desk();
    const a = await d.register('2026-02-02', {
      applicant: { ...IVANOV, phone: '8 910 123-45-67' },
      summary: 'Протекает крыша над квартирой, управляющая компания бездействует',
      isCollective: true,
      signatories: 5,
      sheets: 3,
      caseFile: '02-14',
    });
    const f = await d.o.call('documents.card', { appealId: a.id });
    expect(f.name).toBe(`Карточка ${a.regNumber}.docx`);
    const xml = docxText(bytes(f));
    for (const s of [
      a.regNumber,
      'Иванов Иван Петрович',
      '0005.0005.0056.1149',
      'коллективное (5 подписантов)',
      '02-14',
      a.dueDate.split('-').reverse().join('.'),
    ])
      expect(xml).toContain(s);
    expect(strFromU8(docxParts(bytes(f))['word/document.xml']!)).toContain('w:pgSz w:w="11906" w:h="16838"');
    const pdf = print(f, 'card');
    expect(pdf.text).toContain(a.regNumber);
    expect(pdf.text).toContain('Иванов Иван Петрович');
    expect(pdf.text).toContain('Регистрационно-контрольная карточка обращения');
    expect(pdf.text).toContain('стр. 1 из 1');
  });

  it('a request letter goes on the letterhead to the body, with its number, and is attached to the appeal', async () => {
    const d = await desk();
    const a = await d.register('2026-02-02', { applicant: IVANOV });
    const { requestId, send } = await sendRequest(d, a.id, { kind: 'deputy_request', answerDays: 30 });
    const bodyId = (await d.o.call('appeals.get', { id: a.id })).requests[0]!.bodyId!;
    await d.o.call(
      'bodies.update',
      { id: bodyId, head: 'Главе города Твери', address: 'г. Тверь, ул. Советская, д. 11' },
      d.assistant.token,
    );
    await d.o.call('requests.send', send, d.assistant.token);
    const f = await d.o.call(
      'documents.letter',
      { appealId: a.id, kind: 'request', requestId },
      d.assistant.token,
    );
    expect(f.name).toBe(`Запрос исх. ИСХ-7 по ${a.regNumber}.docx`);
    const xml = docxText(bytes(f));
    expect(xml).toContain('Исх. № ИСХ-7 от 02.02.2026');
    expect(xml).toContain('Главе города Твери');
    expect(xml).toContain('Прошу представить документы.');
    expect(xml).toContain('в срок 30 дней');
    expect(xml).toContain('ДЕПУТАТ ЗАКОНОДАТЕЛЬНОГО СОБРАНИЯ ТВЕРСКОЙ ОБЛАСТИ');
    const files = await d.o.call('attachments.list', { appealId: a.id });
    expect(files.map((x) => [x.id, x.name])).toEqual([[f.attachmentId, f.name]]);
    const pdf = print(f, 'request');
    expect(pdf.text).toContain(a.regNumber);
    expect(pdf.text).toContain('Иванов Иван Петрович');
    expect(pdf.text).toContain('Петров П. П.');
  });

  it('the reply is addressed in the dative with the salutation and the drafted text', async () => {
    const d = await desk();
    const a = await d.register('2026-02-02', { applicant: IVANOV });
    await answerOnMerits(d, a.id);
    const f = await d.o.call(
      'documents.letter',
      { appealId: a.id, kind: 'reply', attach: false },
      d.assistant.token,
    );
    expect(f.attachmentId).toBeNull();
    const xml = docxText(bytes(f));
    expect(xml).toContain('Иванову Ивану Петровичу');
    expect(xml).toContain('Уважаемый Иван Петрович!');
    expect(xml).toContain('Разъясняем');
    expect(xml).toContain('Исх. № ИСХ-1 от 02.02.2026');
    const pdf = print(f, 'reply');
    expect(pdf.text).toContain(a.regNumber);
    expect(pdf.text).toContain('Иванову Ивану Петровичу');
    expect(await d.o.call('attachments.list', { appealId: a.id })).toEqual([]);
  });

  it('an Art. 11 notice uses its ground’s text; part 1 owes none', async () => {
    const d = await desk();
    const a = await d.register('2026-02-02', {
      applicant: { ...IVANOV, lastName: 'Сидорова', firstName: 'Анна', middleName: 'Ильинична' },
    });
    await d.o.call(
      'workflow.applyArt11',
      { id: a.id, ground: 'p2', comment: 'Обжалуется решение суда' },
      d.assistant.token,
    );
    const f = await d.o.call('documents.letter', { appealId: a.id, kind: 'art11' }, d.assistant.token);
    const xml = docxText(bytes(f));
    expect(xml).toContain('Сидоровой Анне Ильиничне');
    expect(xml).toContain('Уважаемая Анна Ильинична!');
    expect(xml).toContain('частью 2 статьи 11');
    const pdf = print(f, 'notice-p2');
    expect(pdf.text).toContain(a.regNumber);
    expect(pdf.text).toContain('обжалование судебного решения');
    const b = await d.register('2026-02-02', { applicant: { firstName: 'Аноним' } });
    await d.o.call(
      'workflow.applyArt11',
      { id: b.id, ground: 'p1', comment: 'Нет фамилии' },
      d.assistant.token,
    );
    expect(
      await d.o.fail('documents.letter', { appealId: b.id, kind: 'art11' }, d.assistant.token),
    ).toMatchObject({ code: 'invalid_state' });
  });

  it('a template with an unknown field is refused with the field’s name; a good one is used in the letter', async () => {
    const d = await desk();
    const bad = await d.o.fail('templates.save', {
      kind: 'reply',
      body: 'Здравствуйте, {{заявителю}}! {{номер_дела}} и {{адресат}}',
    });
    expect(bad).toMatchObject({ code: 'validation', field: 'body' });
    expect(bad.message).toContain('{{номер_дела}}');
    expect(bad.message).toContain('{{адресат}}');
    expect(bad.message).not.toContain('{{заявителю}}');
    expect(
      (await d.o.fail('templates.save', { kind: 'reply', body: 'Текст {{заявителю' })).message,
    ).toContain('незакрытые');
    const before = await d.o.call('templates.list', {});
    expect(before.find((t) => t.kind === 'reply')).toMatchObject({ custom: false });
    await d.o.call('templates.save', {
      kind: 'reply',
      body: 'Сообщаем {{заявителю}} по обращению № {{обращение_номер}}.\n{{текст_ответа}}',
    });
    const a = await d.register('2026-02-02', { applicant: IVANOV });
    const p = await d.o.call('templates.preview', {
      kind: 'reply',
      body: 'Кому: {{заявителю}}; {{нет_такого}}',
      appealId: a.id,
    });
    expect(p).toEqual({
      text: 'Кому: Иванову Ивану Петровичу; ___',
      problems: [{ field: 'нет_такого', kind: 'unknown' }],
    });
    await answerOnMerits(d, a.id);
    const f = await d.o.call(
      'documents.letter',
      { appealId: a.id, kind: 'reply', attach: false },
      d.assistant.token,
    );
    expect(docxText(bytes(f))).toContain(`Сообщаем Иванову Ивану Петровичу по обращению № ${a.regNumber}.`);
    expect(await d.o.fail('templates.save', { kind: 'reply', body: 'x' }, d.assistant.token)).toMatchObject({
      code: 'forbidden',
    });
  });

  it('cards of a selection: one DOCX with a card a page, or a ZIP of files', async () => {
    const d = await desk();
    const regs: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const a = await d.register('2026-02-02');
      regs.push(a.regNumber);
      ids.push(a.id);
    }
    const one = await d.o.call('documents.cards', { ids });
    const pdf = print(one, 'cards');
    expect(pdf.pages).toBe(3);
    for (const r of regs) expect(pdf.text).toContain(r);
    const zip = await d.o.call('documents.cards', { ids, format: 'zip' });
    const entries = unzipSync(new Uint8Array(bytes(zip)));
    expect(Object.keys(entries).sort()).toEqual(regs.map((r) => `Карточка ${r}.docx`).sort());
    expect(docxText(Buffer.from(entries[`Карточка ${regs[1]}.docx`]!))).toContain(regs[1]);
  });

  it('the period report matches direct SQL counts, as DOCX, XLSX and CSV', async () => {
    const d = await desk();
    const ids: string[] = [];
    for (const [day, channel, kind, topic] of [
      ['2026-02-02', 'post', 'complaint', '0005.0005.0056.1149'],
      ['2026-02-02', 'email', 'proposal', '0002.0007.0000.0000'],
      ['2026-02-03', 'email', 'application', '0005.0005.0056.1149'],
      ['2026-02-03', 'reception', 'complaint', '0001.0002.0027.0124'],
    ] as const) {
      if (d.today !== day) await d.day(day);
      ids.push((await d.register(day, { channel, kind, topics: [topic] })).id);
    }
    await answerOnMerits(d, ids[0]!, 'supported');
    await sendRequest(d, ids[1]!, { kind: 'documents_request', answerDays: 15 }).then((r) =>
      d.o.call('requests.send', r.send, d.assistant.token),
    );
    await d.day('2026-03-20');
    const filter = { from: '2026-02-01', to: '2026-02-28' };
    const t = d.admin.token;
    const r = await d.o.call('reports.period', { filter }, t);
    const sql = d.o.handle.store.sqlite;
    const one = (q: string, ...p: unknown[]) => (sql.prepare(q).get(...p) as { n: number }).n;
    expect(r.received).toBe(
      one("SELECT count(*) n FROM appeals WHERE registered_on BETWEEN '2026-02-01' AND '2026-02-28'"),
    );
    expect(r.received).toBe(4);
    expect(r.closed).toBe(
      one(
        "SELECT count(*) n FROM appeals WHERE status = 'closed' AND closed_on BETWEEN '2026-02-01' AND '2026-02-28'",
      ),
    );
    expect(r.overdueNow).toBe(
      one("SELECT count(*) n FROM appeals WHERE status <> 'closed' AND due_date < '2026-03-20'"),
    );
    expect(r.overdueNow).toBe(3);
    for (const c of r.byChannel)
      expect(c.count, c.key).toBe(
        one(
          "SELECT count(*) n FROM appeals WHERE channel = ? AND registered_on BETWEEN '2026-02-01' AND '2026-02-28'",
          c.key,
        ),
      );
    expect(Object.fromEntries(r.bySection.map((c) => [c.key, c.count]))).toEqual({
      '0001': 1,
      '0002': 1,
      '0005': 2,
    });
    expect(r.byResult).toEqual([{ key: 'supported', count: 1 }]);
    const closedSql =
      "FROM appeals WHERE status = 'closed' AND closed_on BETWEEN '2026-02-01' AND '2026-02-28'";
    expect(r.closedLate).toBe(one(`SELECT coalesce(sum(reviewed_late), 0) n ${closedSql}`));
    expect(r.closedOnTime).toBe(r.closed - r.closedLate);
    expect(r.avgDaysToClose).toBe(
      one(`SELECT avg(julianday(closed_on) - julianday(registered_on)) n ${closedSql}`),
    );
    for (const p of r.staff)
      expect(p.open, p.name ?? '').toBe(
        one("SELECT count(*) n FROM appeals WHERE status <> 'closed' AND responsible_id IS ?", p.userId),
      );
    expect(r.requests).toEqual([expect.objectContaining({ sent: 1, answered: 0, overdue: 1 })]);
    expect(r.requests[0]!.sent).toBe(
      one('SELECT count(*) n FROM external_requests WHERE sent_on IS NOT NULL'),
    );
    expect(r.staff.reduce((s, x) => s + x.received, 0)).toBe(r.received);
    const section = await d.o.call('reports.period', { filter: { ...filter, topic: '0005' } }, t);
    expect(section.received).toBe(
      one("SELECT count(DISTINCT appeal_id) n FROM appeal_topics WHERE code LIKE '0005.%'"),
    );

    const docx = await d.o.call('documents.report', { filter, format: 'docx' }, t);
    const text = docxText(bytes(docx));
    expect(text).toContain('Поступило обращений');
    expect(text).toContain('поступило 4 обращения');
    expect(
      Object.keys(docxParts(bytes(docx))).some((n) => n.startsWith('word/media/') && n.endsWith('.png')),
    ).toBe(true);
    const pdf = print(docx, 'report');
    expect(pdf.text).toContain('Отчёт о работе с обращениями граждан');
    expect(pdf.text).toContain('Электронная почта');

    const xlsx = await d.o.call('documents.report', { filter, format: 'xlsx' }, t);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes(xlsx) as unknown as ArrayBuffer);
    const summary = wb.worksheets[0]!;
    expect(summary.getRow(5).values).toEqual([undefined, 'Поступило обращений', 4]);
    // And as an office opens it: LibreOffice Calc reads the same line.
    const calc = tempDir('priemnaya-doc-');
    dirs.push(calc);
    expect(spreadsheetLines(bytes(xlsx), calc.dir, 'report')[4]).toBe('Поступило обращений;4');
    const csv = bytes(await d.o.call('documents.report', { filter, format: 'csv' }, t)).toString('utf8');
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv).toContain('Основные показатели;Поступило обращений;4');
  });

  it('an event programme prints from plain data', async () => {
    const d = await desk();
    const office = await d.o.call('office.get', {});
    const style = styleOf(office.letterhead);
    const doc = documentOf(
      [
        section(
          programmeContent(
            {
              office,
              title: 'Встреча с жителями микрорайона Южный',
              date: '2026-03-12',
              place: 'ДК «Пролетарка», ул. Коминтерна, д. 93',
              escort: 'Смирнова А. А.',
              items: [
                {
                  time: '18:00',
                  text: 'Открытие встречи, вступительное слово депутата',
                  responsible: 'Петров П. П.',
                },
                { time: '18:20', text: 'Вопросы жителей', responsible: null },
              ],
            },
            style,
          ),
          style,
        ),
      ],
      style,
      'Программа',
    );
    const f: DocFile = { name: 'p.docx', mime: '', dataBase64: (await toBuffer(doc)).toString('base64') };
    expect(docxText(bytes(f))).toContain('12 марта 2026 г.');
    const pdf = print(f, 'programme');
    expect(pdf.text).toContain('Встреча с жителями микрорайона Южный');
    expect(pdf.text).toContain('ПЕТРОВ ПЁТР ПЕТРОВИЧ');
  });

  it('an event programme prints from the event card, its times taken from the programme text', async () => {
    const d = await desk();
    const event = await d.o.call(
      'events.create',
      {
        title: 'Встреча с жителями микрорайона Южный',
        kind: 'residents_meeting',
        date: '2026-03-12',
        startTime: '18:00',
        place: 'ДК «Пролетарка»',
        address: 'ул. Коминтерна, д. 93',
        escortId: d.assistant.id,
        programme: 'Открытие встречи, слово депутата\n18.20 — Вопросы жителей\n19:05 Итоги',
      },
      d.assistant.token,
    );
    const f = await d.o.call('documents.programme', { eventId: event.id }, d.assistant.token);
    expect(f.name).toBe('Программа — Встреча с жителями микрорайона Южный.docx');
    const xml = docxText(bytes(f));
    for (const text of ['12 марта 2026 г.', 'ДК «Пролетарка», ул. Коминтерна, д. 93', 'Вопросы жителей'])
      expect(xml).toContain(text);
    const pdf = print(f, 'programme-event');
    expect(pdf.text).toContain('Встреча с жителями микрорайона Южный');
    expect(pdf.text).toMatch(/18:00\s+Открытие встречи, слово депутата/);
    expect(pdf.text).toMatch(/18:20\s+Вопросы жителей/);
    expect(pdf.text).toMatch(/19:05\s+Итоги/);
    const audited = d.o.handle.sqlite
      .prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'documents.programme' AND entity_id = ?")
      .get(event.id) as { n: number };
    expect(audited.n).toBe(1);
  });
});
