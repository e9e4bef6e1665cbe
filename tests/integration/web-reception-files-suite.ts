import { createHash, randomBytes } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentPath } from '../../main/attachments/attachments';
import { changeWebSettings, readWebSettings } from '../../main/hq/reception/settings';
import { enrolledOffice, startTestHq, type HqKind, type TestHq } from './sync-fixture';
import {
  codeMail,
  filledAppeal,
  hidden,
  postForm,
  postWithFiles,
  startReception,
  type FormFile,
} from './web-reception-fixture';

const T0 = '2026-03-02T07:00:00Z';

/** Rows of an HQ table, counted by SQL. */
async function count(
  hq: TestHq,
  table: 'hq_web_applications' | 'hq_web_files' | 'hq_files',
): Promise<number> {
  const r = await hq.hq.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

/** A PDF and a PNG as a scanner or a phone makes them: their signature, then bytes of any kind. */
const pdf = (n: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(n)]);
const png = (n: number): Buffer =>
  Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(n)]);
/** An OpenDocument text as an office suite packs it: `mimetype` first and stored, then the content. */
const odt = (text: string): Buffer =>
  Buffer.from(
    zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': strToU8(
        `<office:document-content><office:text>${text}</office:text></office:document-content>`,
      ),
    }),
  );
/** A Windows program: «MZ», then anything. */
const program = (n: number): Buffer => Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(n)]);

export function webReceptionFilesSuite(kind: HqKind): void {
  describe(`files attached on the web reception's form (HQ on ${kind})`, () => {
    it('a PDF, a PNG and an ODT go with the application to its office only and become the appeal’s attachments, byte for byte', async () => {
      const hq = await startTestHq(kind, T0);
      const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const b = await enrolledOffice(hq, 'БББ', T0, 'admin-b');
      const r = await startReception(hq, 'ААА', 'БББ');
      const files: FormFile[] = [
        { name: 'Скан заявления.pdf', data: pdf(300_000), type: 'application/pdf' },
        { name: 'фото двора.PNG', data: png(200_000), type: 'image/png' },
        { name: 'письмо.odt', data: odt('Прошу вывезти мусор') },
      ];

      const form = await postWithFiles(r.url, '/reception/appeal', await filledAppeal(r, hq.clock), files);
      expect(form.status, form.html).toBe(200);
      const application = hidden(form.html, 'application');
      expect(await count(hq, 'hq_web_files')).toBe(files.length);
      // Not delivered before the code: the office's sync brings neither the row nor the files.
      expect((await a.sync.syncNow()).ok).toBe(true);
      expect(await count(hq, 'hq_files')).toBe(0);

      const { code } = await codeMail(r.smtp, 0);
      const ok = await postForm(r.url, '/reception/confirm', { application, code });
      expect(ok.status, ok.html).toBe(200);
      // Delivered: the files are the office's at HQ and no longer pending.
      expect(await count(hq, 'hq_web_files')).toBe(0);
      const aId = a.sync.state('office_id')!;
      for (const f of files) expect((await hq.hq.fileOf(aId, sha(f.data)))?.equals(f.data)).toBe(true);

      expect((await a.sync.syncNow()).ok).toBe(true);
      expect((await b.sync.syncNow()).ok).toBe(true);
      const { application: seen } = await a.value('web.application', { id: application });
      expect(seen.attachments).toEqual([
        {
          name: 'Скан заявления.pdf',
          mime: 'application/pdf',
          size: files[0]!.data.length,
          sha256: sha(files[0]!.data),
        },
        {
          name: 'фото двора.PNG',
          mime: 'image/png',
          size: files[1]!.data.length,
          sha256: sha(files[1]!.data),
        },
        {
          name: 'письмо.odt',
          mime: 'application/vnd.oasis.opendocument.text',
          size: files[2]!.data.length,
          sha256: sha(files[2]!.data),
        },
      ]);
      for (const f of files) {
        expect(fs.readFileSync(attachmentPath(path.dirname(a.file), sha(f.data))).equals(f.data)).toBe(true);
        // Office B: no row, no file on its computer, and HQ answers its request for the file with none.
        expect(fs.existsSync(attachmentPath(path.dirname(b.file), sha(f.data)))).toBe(false);
        expect(await b.sync.link().getFile!(sha(f.data))).toBeNull();
      }
      expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM web_applications').get()).toEqual({ n: 0 });

      const reg = await a.value('web.register', { id: application });
      const list = await a.value('attachments.list', { appealId: reg.appealId });
      expect(list.map((x) => [x.name, x.mime, x.sha256])).toEqual(
        files.map((f, i) => [f.name, seen.attachments[i]!.mime, sha(f.data)]),
      );
      for (const [i, att] of list.entries()) {
        const got = await a.value('attachments.get', { id: att.id });
        expect(Buffer.from(got.dataBase64, 'base64').equals(files[i]!.data)).toBe(true);
      }
    });

    it('refuses an oversize file, a sixth, a renamed program, a wrong type and too much together, storing nothing', async () => {
      const hq = await startTestHq(kind, T0);
      await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const r = await startReception(hq, 'ААА', 'ААА');
      const settings = await changeWebSettings(hq.hq.db, {
        maxFileBytes: 100 * 1024,
        maxTotalBytes: 250 * 1024,
        perIpHour: 100,
      });
      expect(settings.maxFiles).toBe(5);
      // A setting HQ's admin mistypes is refused naming it, and nothing changes.
      await expect(changeWebSettings(hq.hq.db, { fileTypes: ['pdf', 'exe'] })).rejects.toThrow(
        /^fileTypes\.1:/,
      );
      await expect(changeWebSettings(hq.hq.db, { maxFileBytes: 10 })).rejects.toThrow(/^maxFileBytes:/);
      expect(await readWebSettings(hq.hq.db)).toEqual(settings);
      const cases: [string, FormFile[], string][] = [
        ['oversize', [{ name: 'big.pdf', data: pdf(settings.maxFileBytes) }], 'файл «big.pdf» больше 0,1 МБ'],
        [
          'a sixth',
          Array.from({ length: 6 }, (_, i) => ({ name: `${i}.pdf`, data: pdf(100) })),
          'не более 5 файлов',
        ],
        [
          'a program named .pdf',
          [{ name: 'скан.pdf', data: program(5000) }],
          'файл «скан.pdf» не является файлом PDF',
        ],
        [
          'a ZIP named .odt',
          [{ name: 'текст.odt', data: Buffer.from(zipSync({ 'a.txt': strToU8('текст') })) }],
          'файл «текст.odt» не является файлом ODT',
        ],
        [
          'a wrong type',
          [{ name: 'setup.exe', data: pdf(100) }],
          'файл «setup.exe» такого типа не принимается',
        ],
        [
          'too much together',
          Array.from({ length: 3 }, (_, i) => ({ name: `${i}.png`, data: png(90 * 1024) })),
          'файлы вместе больше 0,2 МБ',
        ],
      ];
      for (const [what, files, message] of cases) {
        const sent = await postWithFiles(r.url, '/reception/appeal', await filledAppeal(r, hq.clock), files);
        expect(sent.status, what).toBe(400);
        expect(sent.html, what).toContain(message);
        expect(sent.html, what).toMatch(/id="attachments"[^>]*aria-invalid="true"/);
        // The rest of the form is kept for the citizen to send again.
        expect(sent.html, what).toContain('value="Смирнова"');
        expect(sent.html, what).toContain('выберите их снова');
        expect(await count(hq, 'hq_web_applications'), what).toBe(0);
        expect(await count(hq, 'hq_web_files'), what).toBe(0);
      }
      // A 1 MB field in a post with files, and a file under a name the form has not: refused the same way.
      const huge = await postWithFiles(
        r.url,
        '/reception/appeal',
        await filledAppeal(r, hq.clock, { text: 'ж'.repeat(1024 * 1024) }),
        [{ name: 'a.pdf', data: pdf(100) }],
      );
      expect(huge.status).toBe(413);
      expect(huge.html).toContain('Заявка слишком большая');
      const body = new FormData();
      for (const [k, v] of Object.entries(await filledAppeal(r, hq.clock))) body.append(k, v);
      body.append('office_id', new Blob([new Uint8Array(pdf(100))]), 'a.pdf');
      const forged = await fetch(`${r.url}/reception/appeal`, { method: 'POST', body });
      expect(forged.status).toBe(400);
      expect(await forged.text()).toContain('Форма не принимает поле «office_id»');
      // A body that says it is multipart and is not.
      const broken = await fetch(`${r.url}/reception/appeal`, {
        method: 'POST',
        headers: { 'Content-Type': 'multipart/form-data' },
        body: 'surname=x',
      });
      expect(broken.status).toBe(400);
      expect(await broken.text()).toContain('Форма отправлена в неизвестном виде');
      expect(await count(hq, 'hq_web_applications')).toBe(0);
      expect(await count(hq, 'hq_web_files')).toBe(0);
      expect(r.smtp.messages).toHaveLength(0);
    });

    it('sweeps the files of an application never confirmed', async () => {
      const hq = await startTestHq(kind, T0);
      await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const r = await startReception(hq, 'ААА', 'ААА');
      const sent = await postWithFiles(r.url, '/reception/appeal', await filledAppeal(r, hq.clock), [
        { name: 'a.pdf', data: pdf(1000) },
      ]);
      expect(sent.status, sent.html).toBe(200);
      expect(await count(hq, 'hq_web_files')).toBe(1);
      hq.clock.advance(25 * 3600_000);
      expect((await r.reception.sweep()).swept).toBe(1);
      expect(await count(hq, 'hq_web_files')).toBe(0);
      expect(await count(hq, 'hq_web_applications')).toBe(0);
    });
  });
}
