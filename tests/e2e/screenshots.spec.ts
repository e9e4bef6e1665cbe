import path from 'node:path';
import { ADMIN, expect, signIn, test } from './fixtures';
import { SCREENSHOTS_DIR } from './paths';
import { seedAppeals } from './seed';
import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
const NOW = '2026-03-20T07:00:00Z';

// A fixed "today" on both sides, so the same rows are overdue in every run.
test.use({ serverNow: NOW });

/**
 * The README's pictures: the registry with a few appeals and one card. Written to docs/screenshots with
 * UPDATE_SCREENSHOTS=1, to the test's output folder otherwise (so a plain run never changes the docs).
 */
test('registry and card screenshots', async ({ app, page }, testInfo) => {
  const target = (name: string): string =>
    process.env.UPDATE_SCREENSHOTS ? path.join(SCREENSHOTS_DIR, name) : testInfo.outputPath(name);
  await page.clock.setFixedTime(new Date(NOW));
  await app.setUp();
  const a1 = await app.call('users.create', {
    login: 'kozlova',
    fullName: 'Козлова Дарья Андреевна',
    role: 'assistant',
    password: 'assistant-pass-1',
  });
  const a2 = await app.call('users.create', {
    login: 'egorov',
    fullName: 'Егоров Максим Олегович',
    role: 'assistant',
    password: 'assistant-pass-2',
  });
  const count = await seedAppeals(app, [a1.id, a2.id]);

  await app.open(page);
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.keyboard.press('Alt+1');
  await expect(page.getByTestId('registry-count')).toHaveText(`Всего: ${count} обращений`);
  const grid = page.getByRole('grid', { name: 'Реестр обращений' });
  await grid.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(grid.locator('.grid__row--overdue').first()).toBeVisible();
  await page.screenshot({ path: target('registry.png') });

  await grid.getByRole('row').filter({ hasText: 'Петрова Анна Сергеевна' }).dblclick();
  await expect(page.getByRole('heading', { name: /Обращение № ИВН-2026-00004/ })).toBeVisible();
  await page.keyboard.press('F2');
  await page.getByLabel('Исполнитель').selectOption({ label: 'Козлова Дарья Андреевна' });
  await page.getByLabel('Номер дела').fill('05-12');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();
  await page.screenshot({ path: target('card.png'), fullPage: true });
});

test('events board and card screenshots', async ({ app, page }, testInfo) => {
  const target = (name: string): string =>
    process.env.UPDATE_SCREENSHOTS ? path.join(SCREENSHOTS_DIR, name) : testInfo.outputPath(name);
  await page.clock.setFixedTime(new Date(NOW));
  await app.setUp();
  const escort = await app.call('users.create', {
    login: 'egorov',
    fullName: 'Егоров Максим Олегович',
    role: 'assistant',
    password: 'assistant-pass-2',
  });
  const plan = [
    ['День приёма граждан в общественной приёмной', 'reception_day', '2026-03-26', 3],
    ['Выездной приём в с. Никольское', 'visit', '2026-03-24', 4],
    ['Встреча с жителями по благоустройству двора', 'residents_meeting', '2026-04-02', 1],
    ['Круглый стол о капитальном ремонте', 'round_table', '2026-04-15', 0],
  ] as const;
  let shown = '';
  for (const [title, kind, date, steps] of plan) {
    let c = await app.call('events.create', {
      title,
      kind,
      date,
      startTime: '11:00',
      place: 'Дом культуры',
      escortId: escort.id,
      transferNeeded: kind === 'visit',
    });
    for (let i = 0; i < steps; i++) {
      for (const task of c.tasks.filter((t) => t.status === 'open'))
        for (const item of task.items) c = await app.call('events.checkItem', { id: item.id, done: true });
      c = await app.call('events.move', { id: c.id, to: c.next! });
    }
    if (kind === 'reception_day') {
      const items = c.tasks.filter((t) => t.status === 'open').flatMap((t) => t.items);
      for (const item of items.slice(0, 1))
        c = await app.call('events.checkItem', { id: item.id, done: true });
      shown = c.id;
    }
  }
  await app.open(page);
  await signIn(page, ADMIN.login, ADMIN.password);
  await page.keyboard.press('Alt+4');
  await expect(page.getByTestId('events-count')).toHaveText('4 мероприятия');
  await page.screenshot({ path: target('events-board.png') });
  await page.getByRole('button', { name: /День приёма граждан/ }).click();
  await expect(page.getByTestId('event-stage')).toHaveText('Мероприятие');
  await page.screenshot({ path: target('event-card.png'), fullPage: true });
  expect(shown).not.toBe('');
});

test.describe('the home screen', () => {
  // A Monday: the demo's next outing falls within this week.
  const MONDAY = '2026-03-16T07:00:00Z';
  test.use({ serverNow: MONDAY });

  test('the deputy’s home screen with the demo office', async ({ app, page }, testInfo) => {
    const target = (name: string): string =>
      process.env.UPDATE_SCREENSHOTS ? path.join(SCREENSHOTS_DIR, name) : testInfo.outputPath(name);
    await page.clock.setFixedTime(new Date(MONDAY));
    await fillDemoOffice(app.office, { appeals: 300 });
    const queue = await app.call('workflow.deputyQueue', {}, 'deputy');
    await app.open(page);
    await signIn(page, 'deputy', DEMO_PASSWORD);
    await expect(page.getByTestId('home-queue-count')).toHaveText(String(queue.length));
    await expect(page.getByRole('list', { name: 'Мероприятия недели' })).toBeVisible();
    await page.screenshot({ path: target('home-deputy.png') });
  });
});

test('statistics screenshot', async ({ app, page }, testInfo) => {
  const target = (name: string): string =>
    process.env.UPDATE_SCREENSHOTS ? path.join(SCREENSHOTS_DIR, name) : testInfo.outputPath(name);
  await page.clock.setFixedTime(new Date(NOW));
  await fillDemoOffice(app.office, { appeals: 200, answered: 0.7 });
  // The main pane scrolls, not the page: a tall window shows the whole screen.
  await page.setViewportSize({ width: 1440, height: 2500 });
  await app.open(page);
  await signIn(page, 'head', DEMO_PASSWORD);
  await page.keyboard.press('Alt+7');
  await page.getByRole('button', { name: 'Этот квартал' }).click();
  await expect(page.locator('section.stats')).toHaveAttribute('aria-busy', 'false');
  await expect(page.getByTestId('stats-period')).toContainText('01.01.2026 — 20.03.2026');
  await page.screenshot({ path: target('statistics.png'), fullPage: true });
});
