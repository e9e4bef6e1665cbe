import path from 'node:path';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import { setRoute } from '../../main/hq/reception/routes';
import { startHttpServer } from '../../main/transport/http/server';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { webApplicationsUi } from '../../shared/i18n/ru/web-applications';
import { webReceptionText } from '../../shared/i18n/ru/web-reception';
import { fixedClock } from '../../shared/util/clock';
import { ADMIN, expect, OFFICE, signIn, test } from './fixtures';
import { RENDERER_DIR } from './paths';
import { startReceptionHq, type ReceptionHq } from './web-reception-hq';

/**
 * The web reception between two offices: a citizen's application for office A's region reaches office A
 * on its sync and never office B, whose «Интернет-приёмная» stays empty after its own sync; office A's
 * desk sets the application aside («Не обращение») by keyboard, and after A's next sync the citizen's
 * status page says the office did not take it as an appeal.
 */

const REGION = 'Тверская область';
const B = { name: 'Приёмная депутата Петрова П. П.', code: 'ПТР', deputyName: 'Петров Пётр Петрович' };

let hqs: ReceptionHq;
let officeB: OfficeHandle;
let serverB: Awaited<ReturnType<typeof startHttpServer>>;
const clock = fixedClock(new Date().toISOString());

async function callB<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> {
  const r = await officeB.api.call('internal', method, input, { login: ADMIN.login });
  if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
  return r.value as Output<M>;
}

test.beforeEach(async () => {
  hqs = await startReceptionHq(clock);
  const { hq } = hqs;
  // The region is office A's; everything else goes to office B.
  await setRoute(hq.db, { region: REGION, district: '', settlement: '' }, OFFICE.code, clock.now());
  await setRoute(hq.db, { region: '', district: '', settlement: '' }, B.code, clock.now());
  officeB = openOffice(path.join(hqs.dir, 'office-b.sqlite'), { validateOutput: true });
  serverB = await startHttpServer({ api: officeB.api, staticDir: RENDERER_DIR, port: 0 });
});

test.afterEach(async () => {
  await serverB.close();
  officeB.close();
  await hqs.close();
});

test("office A gets its region's application and sets it aside by keyboard; office B never sees it", async ({
  app,
  page,
  browser,
}, testInfo) => {
  await hqs.enrol(app);
  const { hq, server, smtp } = hqs;
  await callB('setup.init', { office: B, admin: ADMIN });
  await callB('sync.enrol', { url: server.url, code: await hq.createEnrolmentCode(B.code) });

  // The citizen applies for office A's region and confirms with the code from the e-mail.
  const citizen = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const form = await citizen.newPage();
  await form.goto(`${server.url}/reception/appeal`);
  await form.getByLabel('Фамилия').fill('Соколов');
  await form.getByLabel('Имя').fill('Андрей');
  await form.getByLabel('Адрес электронной почты').fill('sokolov@mail.test');
  await form.getByLabel('Район, населённый пункт').selectOption({ label: REGION });
  await form.getByLabel('Текст обращения').fill('Купите у нас окна со скидкой, звоните в любое время.');
  await form.getByRole('checkbox').check();
  clock.advance(20_000);
  await form.getByRole('button', { name: 'Отправить' }).click();
  await smtp.waitFor(1);
  const code = /Код подтверждения: (\d{6})/.exec((await smtp.parsed(0)).text ?? '')![1]!;
  await form.getByLabel('Код из письма').fill(code);
  await form.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(form.getByRole('heading', { name: 'Обращение принято' })).toBeVisible();
  const link = (await form.locator('#status-link').getAttribute('href'))!;
  const statusUrl = `${server.url}/reception/status/${link.slice(link.lastIndexOf('/') + 1)}`;

  // Both offices sync; HQ holds the application for office A only, and office B got none.
  expect((await app.call('sync.now', {})).ok).toBe(true);
  expect((await callB('sync.now', {})).ok).toBe(true);
  const held = await hq.db
    .selectFrom('hq_rows')
    .innerJoin('hq_offices', 'hq_offices.office_id', 'hq_rows.office_id')
    .select('hq_offices.code')
    .where('hq_rows.table_name', '=', 'web_applications')
    .execute();
  expect(held.map((r) => r.code)).toEqual([OFFICE.code]);
  expect((await callB('web.applications', {})).rows).toEqual([]);

  // Office B's desk: its «Интернет-приёмная» tab shows nothing.
  const desk = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const pageB = await desk.newPage();
  await pageB.goto(`${serverB.url}/#token=${serverB.token}`);
  await signIn(pageB);
  await pageB.keyboard.press('Alt+M');
  await pageB.getByRole('button', { name: webApplicationsUi.tabWeb }).click();
  await expect(pageB.getByText(webApplicationsUi.empty)).toBeVisible();
  await expect(pageB.getByRole('grid', { name: webApplicationsUi.listLabel })).toHaveCount(0);
  await pageB.screenshot({ path: testInfo.outputPath('office-b-web-1366.png') });
  await desk.close();

  // Office A's desk: the application is there; N, a reason by arrow keys, a note, Enter.
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+M');
  await page.getByRole('button', { name: webApplicationsUi.tabWeb }).click();
  const list = page.getByRole('grid', { name: webApplicationsUi.listLabel });
  await expect(list.getByRole('row')).toHaveCount(2);
  await expect(list).toBeFocused();
  const pane = page.getByTestId('web-item');
  await expect(pane.getByRole('heading', { name: 'Соколов Андрей' })).toBeVisible();
  await page.keyboard.press('n');
  const reason = page.getByLabel(webApplicationsUi.dismissReason);
  await expect(reason).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(reason).toHaveValue('duplicate');
  await page.keyboard.press('ArrowUp');
  await expect(reason).toHaveValue('spam');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Реклама окон');
  await page.screenshot({ path: testInfo.outputPath('office-a-dismiss-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('office-a-dismiss-1024.png') });
  await page.keyboard.press('Enter');
  await expect(pane.getByTestId('web-state')).toContainText(
    `${webApplicationsUi.states.rejected} · ${webApplicationsUi.reasons.spam}`,
  );
  await expect(page.getByTestId('web-dismiss')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('office-a-dismissed-1024.png') });
  expect((await app.call('web.applications', {})).rows).toMatchObject([{ state: 'rejected' }]);

  // Before A's next sync the citizen sees it received; after it, set aside.
  await form.goto(statusUrl);
  await expect(form.locator('#status')).not.toContainText(webReceptionText.status.rejected);
  expect((await app.call('sync.now', {})).ok).toBe(true);
  await form.goto(statusUrl);
  await expect(form.locator('#status')).toContainText(webReceptionText.status.rejected);
  await form.screenshot({ path: testInfo.outputPath('citizen-status-390.png') });
  expect((await callB('sync.now', {})).ok).toBe(true);
  expect((await callB('web.applications', {})).rows).toEqual([]);
  await citizen.close();
});
