import { setRoute } from '../../main/hq/reception/routes';
import { fixedClock } from '../../shared/util/clock';
import { stopTestPg } from '../integration/sync-pg';
import { expect, OFFICE, signIn, test } from './fixtures';
import { startReceptionHq, type ReceptionHq } from './web-reception-hq';

/**
 * The public web reception end to end: a citizen's browser with JavaScript off fills HQ's form, gets the
 * code at a real SMTP listener, confirms and gets the status link; the office syncs, finds the
 * application in «Входящие» → «Интернет-приёмная», registers it by keyboard; after the next sync the
 * citizen's status page shows the registration number.
 */

let hqs: ReceptionHq | null = null;
const clock = fixedClock(new Date().toISOString());
const PDF = Buffer.from('%PDF-1.4\n% фото фонаря у подъезда\n%%EOF\n');

test.afterEach(async () => {
  await hqs?.close();
  hqs = null;
});
test.afterAll(stopTestPg);

for (const engine of ['sqlite', 'postgres'] as const)
  test(`HQ on ${engine}: a citizen applies without JavaScript, the office registers the application by keyboard, the status page shows the number`, async ({
    app,
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    const hq = (hqs = await startReceptionHq(clock, engine));
    await setRoute(hq.hq.db, { region: '', district: '', settlement: '' }, OFFICE.code, clock.now());
    const { server, smtp } = hq;
    await hq.enrol(app);

    const citizen = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 390, height: 844 },
    });
    const form = await citizen.newPage();
    await form.goto(`${server.url}/reception/appeal`);
    await expect(form.getByRole('heading', { name: 'Интернет-приёмная депутата' })).toBeVisible();
    await form.getByLabel('Фамилия').fill('Кузнецова');
    await form.getByLabel('Имя').fill('Мария');
    await form.getByLabel('Адрес электронной почты').fill('maria.k@mail.test');
    await form
      .getByLabel('Текст обращения')
      .fill('Прошу отремонтировать освещение у подъезда дома 7 по улице Садовой <b>срочно</b>.');
    await form.getByRole('checkbox').check();
    await form
      .getByLabel('Файлы')
      .setInputFiles({ name: 'Фонарь у подъезда.pdf', mimeType: 'application/pdf', buffer: PDF });
    await form.screenshot({ path: testInfo.outputPath('web-form-390.png'), fullPage: true });
    clock.advance(20_000);
    await form.getByRole('button', { name: 'Отправить' }).click();
    await expect(form.getByText('ma***@mail.test')).toBeVisible();
    await smtp.waitFor(1);
    const text = (await smtp.parsed(0)).text ?? '';
    const code = /Код подтверждения: (\d{6})/.exec(text)![1]!;
    await form.getByLabel('Код из письма').fill(code);
    await form.getByRole('button', { name: 'Подтвердить' }).click();
    await expect(form.getByRole('heading', { name: 'Обращение принято' })).toBeVisible();
    const link = await form.locator('#status-link').getAttribute('href');
    const statusUrl = `${server.url}/reception/status/${link!.slice(link!.lastIndexOf('/') + 1)}`;

    expect((await app.call('sync.now', {})).ok).toBe(true);
    await page.setViewportSize({ width: 1366, height: 768 });
    await app.open(page);
    await signIn(page);
    await page.keyboard.press('Alt+M');
    await page.getByRole('button', { name: 'Интернет-приёмная' }).click();
    const list = page.getByRole('grid', { name: 'Заявки интернет-приёмной' });
    await expect(list.getByRole('row')).toHaveCount(2);
    await expect(list).toBeFocused();
    const pane = page.getByTestId('web-item');
    await expect(pane.getByRole('heading', { name: 'Кузнецова Мария' })).toBeVisible();
    await expect(pane.getByTestId('web-text')).toContainText('<b>срочно</b>');
    await expect(pane.getByTestId('web-files')).toContainText('Фонарь у подъезда.pdf');
    await page.screenshot({ path: testInfo.outputPath('web-inbox-1366.png') });
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.screenshot({ path: testInfo.outputPath('web-inbox-1024.png') });
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Регистрация обращения' })).toBeVisible();
    await expect(page.getByTestId('register-web')).toContainText('Кузнецова Мария');
    await expect(page.locator('#reg-channel')).toHaveValue('web');
    await expect(page.locator('#reg-email')).toHaveValue('maria.k@mail.test');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByTestId('saved')).toContainText('Обращение зарегистрировано');
    // The file the citizen attached is the appeal's, byte for byte.
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Прикреплённые файлы' })).toContainText(
      'Фонарь у подъезда.pdf',
    );
    await page.screenshot({ path: testInfo.outputPath('web-appeal-files-1024.png') });

    const appeal = (await app.call('appeals.list', {})).rows[0]!;
    const [file] = await app.call('attachments.list', { appealId: appeal.id });
    const got = await app.call('attachments.get', { id: file!.id });
    expect(Buffer.from(got.dataBase64, 'base64').equals(PDF)).toBe(true);
    expect((await app.call('web.applications', {})).rows[0]).toMatchObject({
      state: 'registered',
      regNumber: appeal.regNumber,
    });
    expect((await app.call('sync.now', {})).ok).toBe(true);
    await form.goto(statusUrl);
    await expect(form.locator('#status')).toContainText(`под номером ${appeal.regNumber}`);
    await form.screenshot({ path: testInfo.outputPath('web-status-390.png') });
    await citizen.close();
  });
