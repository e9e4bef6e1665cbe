import { describe, expect, it } from 'vitest';
import { receptionStats } from '../../main/hq/reception/admin';
import { changeWebSettings } from '../../main/hq/reception/settings';
import { expectError } from './helpers';
import { enrolledOffice, startTestHq, type HqKind, type TestHq } from './sync-fixture';
import {
  codeMail,
  filledAppeal,
  getPage,
  hidden,
  KALININ,
  postForm,
  secondProcess,
  startReception,
  TVER,
} from './web-reception-fixture';

const T0 = '2026-03-02T07:00:00Z';

async function stored(hq: TestHq): Promise<number> {
  const r = await hq.hq.db
    .selectFrom('hq_web_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

async function deliveredRows(hq: TestHq): Promise<number> {
  const r = await hq.hq.db
    .selectFrom('hq_rows')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('table_name', '=', 'web_applications')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const tokenOf = (link: string): string => link.slice(link.lastIndexOf('/') + 1);

export function webReceptionSuite(kind: HqKind): void {
  describe(`the public web reception (HQ on ${kind})`, () => {
    it('a citizen applies, confirms with the e-mailed code; the office of the place gets it, another never', async () => {
      const hq = await startTestHq(kind, T0);
      const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const b = await enrolledOffice(hq, 'БББ', T0, 'admin-b');
      const r = await startReception(hq, 'ААА', 'БББ');

      const form = await getPage(r.url, '/reception/appeal');
      expect(form.status).toBe(200);
      expect(form.html).toContain(`${TVER}, ${KALININ}`);
      const sent = await postForm(r.url, '/reception/appeal', await filledAppeal(r, hq.clock));
      expect(sent.status, sent.html).toBe(200);
      expect(sent.html).toContain('an***@mail.test');
      const mail = await codeMail(r.smtp, 0);
      expect(mail.to).toBe('anna.smirnova@mail.test');
      expect(mail.code).toMatch(/^\d{6}$/);
      const application = hidden(sent.html, 'application');

      // Nothing is delivered before the code is confirmed.
      expect((await a.sync.syncNow()).ok).toBe(true);
      expect(a.handle.sqlite.prepare('SELECT count(*) AS n FROM web_applications').get()).toEqual({ n: 0 });

      const wrong = String((Number(mail.code) + 1) % 1_000_000).padStart(6, '0');
      const miss = await postForm(r.url, '/reception/confirm', { application, code: wrong });
      expect(miss.status).toBe(400);
      expect(miss.html).toContain('Осталось попыток: 4');
      const ok = await postForm(r.url, '/reception/confirm', { application, code: mail.code });
      expect(ok.status, ok.html).toBe(200);
      expect(ok.html).toContain(mail.link);

      const status = await getPage(r.url, `/reception/status/${tokenOf(mail.link)}`);
      expect(status.status).toBe(200);
      expect(status.html).toContain('Получено 02.03.2026');
      expect(status.html).not.toContain('Смирнова');

      expect((await a.sync.syncNow()).ok).toBe(true);
      expect((await b.sync.syncNow()).ok).toBe(true);
      const got = a.handle.sqlite.prepare('SELECT * FROM web_applications').all() as Record<
        string,
        unknown
      >[];
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        id: application,
        office_id: a.sync.state('office_id'),
        kind: 'appeal',
        surname: 'Смирнова',
        email: 'anna.smirnova@mail.test',
        phone: '+79161234567',
        district: KALININ,
        state: 'new',
        confirmed_by: 'email',
        consent_version: '1',
        repeat_of: null,
      });
      expect(String(got[0]!.text)).toContain('не вывозят мусор');
      expect(b.handle.sqlite.prepare('SELECT count(*) AS n FROM web_applications').get()).toEqual({ n: 0 });

      // The desk registers it in one step from the proposed registration; the status page then shows the number.
      const { application: seen, draft } = await a.value('web.application', { id: application });
      expect(seen.state).toBe('new');
      expect(draft).toMatchObject({
        channel: 'web',
        receivedOn: '2026-03-02',
        summary: expect.stringContaining('мусор'),
      });
      const reg = await a.value('web.register', { id: application });
      const appeal = a.handle.sqlite
        .prepare('SELECT reg_number, channel, due_date, applicant_id FROM appeals WHERE id = ?')
        .get(reg.appealId) as { reg_number: string; channel: string; due_date: string; applicant_id: string };
      expect(appeal).toMatchObject({ reg_number: reg.regNumber, channel: 'web' });
      expect(expectError(await a.call('web.register', { id: application })).code).toBe('invalid_state');
      expect((await a.sync.syncNow()).ok).toBe(true);
      const shown = await getPage(r.url, `/reception/status/${tokenOf(mail.link)}`);
      const [y, m, d] = appeal.due_date.split('-');
      expect(shown.html).toContain(`под номером ${reg.regNumber}`);
      expect(shown.html).toContain(`до ${d}.${m}.${y}`);
      const listed = await a.value('web.applications', {});
      expect(listed).toMatchObject({
        waiting: 0,
        rows: [{ id: application, state: 'registered', regNumber: reg.regNumber }],
      });

      // A confirmed application cannot be confirmed again.
      const again = await postForm(r.url, '/reception/confirm', { application, code: mail.code });
      expect(again.status).toBe(404);
      expect(await deliveredRows(hq)).toBe(1);
    });

    it('routes by the most specific place, else the default; waits for an office not yet enrolled', async () => {
      const hq = await startTestHq(kind, T0);
      const b = await enrolledOffice(hq, 'БББ', T0, 'admin-b');
      const r = await startReception(hq, 'ААА', 'БББ');
      const apply = async (place: string, email: string, n: number) => {
        const sent = await postForm(
          r.url,
          '/reception/appeal',
          await filledAppeal(r, hq.clock, { place, email }),
        );
        expect(sent.status, sent.html).toBe(200);
        const { code } = await codeMail(r.smtp, n);
        const ok = await postForm(r.url, '/reception/confirm', {
          application: hidden(sent.html, 'application'),
          code,
        });
        expect(ok.status, ok.html).toBe(200);
        return hidden(sent.html, 'application');
      };
      const region = await apply(`${TVER}||`, 'k@mail.test', 0);
      const kalinin = await apply(`${TVER}|${KALININ}|`, 'z@mail.test', 1);
      const rows = await hq.hq.db.selectFrom('hq_web_applications').selectAll().execute();
      const byId = new Map(rows.map((x) => [x.id, x]));
      expect(byId.get(region)!.office_id).toBe(b.sync.state('office_id'));
      // Office ААА has not enrolled: its application waits, confirmed and undelivered.
      expect(byId.get(kalinin)!.delivered_at).toBeNull();
      expect(await deliveredRows(hq)).toBe(1);
      expect(await receptionStats(hq.hq.db)).toMatchObject({
        unconfirmed: 0,
        undelivered: 1,
        offices: [{ officeCode: 'БББ', delivered: 1, open: 1, registered: 0 }],
      });
      const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      expect((await r.reception.sweep()).delivered).toBe(1);
      expect((await a.sync.syncNow()).ok).toBe(true);
      expect(a.handle.sqlite.prepare('SELECT id FROM web_applications').all()).toEqual([{ id: kalinin }]);
    });

    it('refuses bots, forged fields, oversize posts and markup, storing nothing', async () => {
      const hq = await startTestHq(kind, T0);
      await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const r = await startReception(hq, 'ААА', 'ААА');
      const refused = async (
        over: Record<string, string>,
        status: number,
        message: string,
        client: string,
      ) => {
        const p = await postForm(r.url, '/reception/appeal', await filledAppeal(r, hq.clock, over), client);
        expect(p.status, p.html).toBe(status);
        expect(p.html).toContain(message);
      };
      await refused({ website: 'http://spam.example' }, 400, 'Заявка не принята', '10.1.0.1');
      await refused({ started: '1700000000000.forged' }, 400, 'Страница формы устарела', '10.1.0.2');
      await refused(
        { office_id: 'someone-elses-office' },
        400,
        'Форма не принимает поле «office_id»',
        '10.1.0.3',
      );
      await refused({ text: 'ы'.repeat(1_000_000) }, 413, 'Заявка слишком большая', '10.1.0.4');
      await refused({ text: 'ы'.repeat(10_001) }, 400, 'длиннее 10\u00a0000 знаков', '10.1.0.5');
      await refused({ consent: '' }, 400, 'Без согласия', '10.1.0.6');
      await refused(
        { email: '', postal_address: '' },
        400,
        'Укажите адрес электронной почты или почтовый адрес',
        '10.1.0.7',
      );
      await refused({ place: `${TVER}|Несуществующий район|` }, 400, 'Выберите район из списка', '10.1.0.8');
      // Too fast: posted the moment the form was rendered.
      const quick = await filledAppeal(r, hq.clock);
      hq.clock.advance(-30_000);
      const fast = await postForm(r.url, '/reception/appeal', quick, '10.1.0.9');
      expect(fast.status).toBe(400);
      expect(fast.html).toContain('слишком быстро');
      hq.clock.advance(30_000);
      // Markup is shown as text when the form comes back with an error.
      const p = await postForm(
        r.url,
        '/reception/appeal',
        await filledAppeal(r, hq.clock, { surname: '<script>alert(1)</script>', email: 'not-an-address' }),
        '10.1.0.10',
      );
      expect(p.status).toBe(400);
      expect(p.html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
      expect(p.html).not.toContain('<script>');
      expect(await stored(hq)).toBe(0);
      expect(r.smtp.messages).toHaveLength(0);
    });

    it('throttles one address, one e-mail, wrong codes and guessed status links', async () => {
      const hq = await startTestHq(kind, T0);
      await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const r = await startReception(hq, 'ААА', 'ААА');
      const settings = await changeWebSettings(hq.hq.db, { perIpHour: 20, perContactHour: 3, codeTries: 3 });
      // 1,000 posts from one address: the first `perIpHour` are read, every later one is refused.
      const base = await filledAppeal(r, hq.clock, { consent: '' });
      const codes: number[] = [];
      for (let i = 0; i < 1000; i++)
        codes.push((await postForm(r.url, '/reception/appeal', base, '10.2.0.1')).status);
      expect(codes.filter((c) => c === 400)).toHaveLength(settings.perIpHour);
      expect(codes.filter((c) => c === 429)).toHaveLength(1000 - settings.perIpHour);
      // One e-mail from many addresses: `perContactHour` codes, then refused.
      const toOne: number[] = [];
      for (let i = 0; i < 5; i++)
        toOne.push(
          (await postForm(r.url, '/reception/appeal', await filledAppeal(r, hq.clock), `10.3.0.${i}`)).status,
        );
      expect(toOne).toEqual([200, 200, 200, 429, 429]);
      expect(r.smtp.messages).toHaveLength(3);
      // Wrong codes lock the application; the right code then does nothing.
      const app = (await hq.hq.db.selectFrom('hq_web_applications').select('id').orderBy('id').execute())[0]!
        .id;
      const { code } = await codeMail(r.smtp, 0);
      const bad = String((Number(code) + 7) % 1_000_000).padStart(6, '0');
      const tries = [];
      for (let i = 0; i < 3; i++)
        tries.push((await postForm(r.url, '/reception/confirm', { application: app, code: bad })).status);
      expect(tries).toEqual([400, 400, 403]);
      const late = await postForm(r.url, '/reception/confirm', { application: app, code });
      expect(late.status).toBe(403);
      expect(late.html).toContain('Попытки ввода кода исчерпаны');
      expect(await deliveredRows(hq)).toBe(0);
      // An expired code.
      const second = (
        await hq.hq.db.selectFrom('hq_web_applications').select('id').orderBy('id').execute()
      )[1]!.id;
      hq.clock.advance(16 * 60_000);
      const expired = await postForm(r.url, '/reception/confirm', {
        application: second,
        code: (await codeMail(r.smtp, 1)).code,
      });
      expect(expired.status).toBe(410);
      // Guessed and altered status links show nothing, and guessing is slowed down.
      const link = tokenOf((await codeMail(r.smtp, 2)).link);
      const altered = link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');
      const guessed = await getPage(r.url, `/reception/status/${altered}`, '10.4.0.1');
      expect(guessed.status).toBe(404);
      expect(guessed.html).toContain('Ссылка не найдена');
      const lookups: number[] = [];
      for (let i = 0; i < settings.statusPerIpMinute + 5; i++)
        lookups.push((await getPage(r.url, `/reception/status/${'x'.repeat(43)}`, '10.4.0.2')).status);
      expect(lookups.filter((s) => s === 404)).toHaveLength(settings.statusPerIpMinute);
      expect(lookups.filter((s) => s === 429)).toHaveLength(5);
      // A day later the unconfirmed ones are swept.
      hq.clock.advance(25 * 3600_000);
      expect((await r.reception.sweep()).swept).toBe(3);
      expect(await stored(hq)).toBe(0);
    });

    it('flags a repeated application of the same person with a similar text', async () => {
      const hq = await startTestHq(kind, T0);
      const a = await enrolledOffice(hq, 'ААА', T0, 'admin-a');
      const r = await startReception(hq, 'ААА', 'ААА');
      const apply = async (text: string, n: number) => {
        const sent = await postForm(
          r.url,
          '/reception/appeal',
          await filledAppeal(r, hq.clock, { text }),
          `10.5.0.${n}`,
        );
        const ok = await postForm(r.url, '/reception/confirm', {
          application: hidden(sent.html, 'application'),
          code: (await codeMail(r.smtp, n)).code,
        });
        expect(ok.status, ok.html).toBe(200);
        return hidden(sent.html, 'application');
      };
      const first = await apply(
        'Во дворе дома 12 по улице Лесной не вывозят мусор, контейнеры переполнены.',
        0,
      );
      const repeat = await apply(
        'Опять во дворе дома 12 на Лесной не вывозят мусор, контейнеры переполнены!',
        1,
      );
      const other = await apply('Прошу помочь с ремонтом крыши в школе № 3 посёлка Эммаусс.', 2);
      expect((await a.sync.syncNow()).ok).toBe(true);
      const rows = a.handle.sqlite.prepare('SELECT id, repeat_of FROM web_applications ORDER BY id').all();
      expect(rows).toEqual([
        { id: first, repeat_of: null },
        { id: repeat, repeat_of: first },
        { id: other, repeat_of: null },
      ]);
      // The desk sees the flag with the earlier one's number, and sets the repeat aside.
      const reg = await a.value('web.register', { id: first });
      const { application: flagged, draft } = await a.value('web.application', { id: repeat });
      expect(flagged.repeatOf).toEqual({ id: first, appealId: reg.appealId, regNumber: reg.regNumber });
      expect(draft.isRepeat).toBe(true);
      const set = await a.value('web.dismiss', {
        id: repeat,
        reason: 'duplicate',
        note: 'то же, что ' + reg.regNumber,
      });
      expect(set).toMatchObject({
        state: 'rejected',
        rejectedReason: `duplicate: то же, что ${reg.regNumber}`,
      });
      expect(expectError(await a.call('web.dismiss', { id: repeat, reason: 'spam' })).code).toBe(
        'invalid_state',
      );
      expect(expectError(await a.call('web.dismiss', { id: other, reason: 'nonsense' })).field).toBe(
        'reason',
      );
      expect(a.handle.sqlite.prepare('SELECT state FROM web_applications WHERE id = ?').get(other)).toEqual({
        state: 'new',
      });
    });

    // Two processes on one SQLite file would be two connections of one thread here, each waiting for
    // the other's lock; HQ scales out on PostgreSQL.
    it.runIf(kind === 'postgres')(
      'two HQ processes on one database share codes, limits and deliveries',
      async () => {
        const hq = await startTestHq(kind, T0);
        await enrolledOffice(hq, 'ААА', T0, 'admin-a');
        const r = await startReception(hq, 'ААА', 'ААА');
        const s = await secondProcess(hq, r.smtp);
        const settings = await changeWebSettings(hq.hq.db, { perIpHour: 6 });
        // Submitted through one process, confirmed through the other, both at once: one delivery.
        const sent = await postForm(r.url, '/reception/appeal', await filledAppeal(r, hq.clock), '10.6.0.1');
        const { code } = await codeMail(r.smtp, 0);
        const application = hidden(sent.html, 'application');
        const both = await Promise.all([
          postForm(r.url, '/reception/confirm', { application, code }),
          postForm(s.url, '/reception/confirm', { application, code }),
        ]);
        expect(both.map((p) => p.status).sort()).toEqual([200, 404]);
        expect(await deliveredRows(hq)).toBe(1);
        // The address's limit counts the posts of both processes.
        const base = await filledAppeal(s, hq.clock, { consent: '' });
        const statuses: number[] = [];
        for (let i = 0; i < 10; i++)
          statuses.push(
            (await postForm(i % 2 ? s.url : r.url, '/reception/appeal', base, '10.6.0.2')).status,
          );
        expect(statuses.filter((x) => x !== 429)).toHaveLength(settings.perIpHour);
      },
    );
  });
}
