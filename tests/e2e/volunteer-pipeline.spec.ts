import { fixedClock, localDate } from '../../shared/util/clock';
import { setRoute } from '../../main/hq/reception/routes';
import { expect, OFFICE, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';
import { startReceptionHq, type ReceptionHq } from './web-reception-hq';

/**
 * A volunteer's sign-up end to end: the person fills HQ's «Стать волонтёром» form (the campaign in the
 * address), confirms with the e-mailed code; the office syncs and the candidate is in Контакты →
 * «Кандидаты в волонтёры». The coordinator opens the card, marks the candidate checked, sets the
 * interview (the event shows on the calendar) and accepts him — by keyboard.
 */

let hqFront: ReceptionHq;
const clock = fixedClock(new Date().toISOString());

test.beforeEach(async () => {
  hqFront = await startReceptionHq(clock);
  await setRoute(hqFront.hq.db, { region: '', district: '', settlement: '' }, OFFICE.code, clock.now());
});

test.afterEach(async () => {
  await hqFront.close();
});

/** The office's zone: setup's default, as `OFFICE` names none. */
const ZONE = 'Europe/Moscow';

/** Tomorrow in the office's zone when it is in this month (the calendar opens on it), else today. */
function interviewDay(): string {
  const today = localDate(new Date(), ZONE);
  const tomorrow = localDate(new Date(Date.now() + 86_400_000), ZONE);
  return tomorrow.slice(0, 7) === today.slice(0, 7) ? tomorrow : today;
}

test('a volunteer signs up; the coordinator checks him, sets the interview on the calendar and accepts him', async ({
  app,
  page,
  browser,
}, testInfo) => {
  await hqFront.enrol(app);
  const coordinator = await app.call('users.create', {
    login: 'coord',
    fullName: 'Координаторова Нина',
    role: 'assistant',
    password: 'verno-verno-9',
  });

  // The office head names the volunteer coordinator in Settings.
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Волонтёры');
  await page.getByLabel('Координатор волонтёров').selectOption({ label: 'Координаторова Нина' });
  await expect(page.getByRole('status').filter({ hasText: 'Сохранено' })).toBeVisible();
  expect(await app.call('volunteers.settings', {})).toEqual({ coordinatorId: coordinator.id });
  await page.screenshot({ path: testInfo.outputPath('volunteer-settings-1366.png') });

  const person = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
  });
  const form = await person.newPage();
  await form.goto(`${hqFront.server.url}/reception/volunteer?source=vk-dec`);
  await expect(form.getByRole('heading', { name: 'Стать волонтёром или сторонником' })).toBeVisible();
  await form.getByLabel('Фамилия').fill('Волков');
  await form.getByLabel('Имя').fill('Игорь');
  await form.getByLabel('Адрес электронной почты').fill('igor.volkov@mail.test');
  await form.getByLabel('Чем вы хотели бы помочь').fill('Могу помогать по выходным.');
  await form.getByRole('checkbox').check();
  clock.advance(20_000);
  await form.getByRole('button', { name: 'Отправить' }).click();
  await hqFront.smtp.waitFor(1);
  const code = /Код подтверждения: (\d{6})/.exec((await hqFront.smtp.parsed(0)).text ?? '')![1]!;
  await form.getByLabel('Код из письма').fill(code);
  await form.getByRole('button', { name: 'Подтвердить' }).click();
  await expect(form.getByText('передана координатору волонтёров')).toBeVisible();
  await person.close();

  // The sync that brings the application takes it into the contact base.
  expect((await app.call('sync.now', {})).ok).toBe(true);
  expect(await app.call('volunteers.list', { stage: 'new' })).toEqual([
    expect.objectContaining({ fullName: 'Волков Игорь', campaign: 'vk-dec' }),
  ]);
  expect((await app.call('tasks.list', { everyone: true })).rows).toEqual([
    expect.objectContaining({ kind: 'volunteer_candidate', assigneeId: coordinator.id }),
  ]);

  // «Входящие» → «Интернет-приёмная» says where the sign-up went.
  await page.keyboard.press('Alt+M');
  await page.getByRole('button', { name: 'Интернет-приёмная' }).click();
  await expect(page.getByRole('grid', { name: 'Заявки интернет-приёмной' })).toContainText(
    'В контактах: кандидат в волонтёры',
  );

  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await page.getByRole('tab', { name: 'Кандидаты в волонтёры' }).click();
  await page.getByLabel('Этап кандидата').selectOption('new');
  const table = page.getByTestId('volunteers-table');
  await table.getByRole('button', { name: 'Волков Игорь' }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByTestId('volunteer-panel');
  await expect(panel.getByTestId('volunteer-stage')).toHaveText('Новый');
  await expect(panel).toContainText('vk-dec');
  await expect(panel).toContainText('редакция 1');
  await page.screenshot({ path: testInfo.outputPath('volunteer-new-1366.png') });

  // Checked, by keyboard: the next step's button is reachable with Tab and pressed with Enter.
  await panel.getByRole('button', { name: 'Проверен' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('volunteer-stage')).toHaveText('Проверен');

  const day = interviewDay();
  await panel.getByRole('button', { name: 'Назначить собеседование' }).focus();
  await page.keyboard.press('Enter');
  const when = panel.getByLabel('Дата и время собеседования');
  await expect(when).toBeFocused();
  await when.fill(`${day}T23:30`);
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('volunteer-stage')).toHaveText('Собеседование');
  const [y, m, d] = day.split('-');
  await expect(panel).toContainText(`${d}.${m}.${y} 23:30`);
  await expect(page.locator('.contact-card__timeline')).toContainText(`собеседование ${d}.${m}.${y} 23:30`);
  await page.screenshot({ path: testInfo.outputPath('volunteer-interview-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('volunteer-interview-1024.png') });

  // The interview is on the events calendar.
  await page
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('button', { name: 'Мероприятия' })
    .click();
  await page.getByRole('button', { name: 'Календарь' }).click();
  await page
    .getByRole('button', { name: /23:30 Собеседование с кандидатом в волонтёры: Волков Игорь/ })
    .click();
  await expect(
    page.getByRole('heading', { name: 'Собеседование с кандидатом в волонтёры: Волков Игорь' }),
  ).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('volunteer-event-1366.png') });

  // Back to the candidate: accepted; the contact is now a volunteer.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await page.getByRole('tab', { name: 'Кандидаты в волонтёры' }).click();
  await page.getByTestId('volunteers-table').getByRole('button', { name: 'Волков Игорь' }).click();
  await panel.getByRole('button', { name: 'Принять' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.getByTestId('volunteer-stage')).toHaveText('Принят');
  await expect(panel).toContainText('Путь кандидата завершён');
  await expect(page.locator('.contact-card__fields').first()).toContainText('Волонтёр');
  await page.screenshot({ path: testInfo.outputPath('volunteer-accepted-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('volunteer-accepted-1024.png') });

  // The statistics page counts him.
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Статистика' }).click();
  const stats = page.getByTestId('volunteer-stats');
  await expect(stats.locator('tfoot')).toContainText('1');
  await stats.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('volunteer-stats-1024.png') });
});
