import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import { expect, signIn, test } from './fixtures';
import { checkScreen, SIZES } from './layout-checks';

/**
 * The main screens at the sizes offices have: nothing scrolls sideways, Tab never lands on something
 * hidden under a sticky bar, and each screen's picture is kept (UPDATE_SCREENSHOTS=1 writes them into
 * docs/screenshots).
 */
const NOW = '2026-03-20T07:00:00Z';
test.use({ serverNow: NOW });

const settled = (page: import('@playwright/test').Page) =>
  expect(page.locator('[aria-busy="true"]')).toHaveCount(0);

for (const [width, height] of SIZES) {
  test.describe(`${width}×${height}`, () => {
    test.use({ viewport: { width, height } });

    test(`the office head's screens at ${width}`, async ({ app, page }, testInfo) => {
      test.setTimeout(300_000);
      await page.clock.setFixedTime(new Date(NOW));
      await fillDemoOffice(app.office, { appeals: 120 });
      // The scheduler's first pass, as when the server starts: the inbox has its reminders.
      const { store, clock, hlc } = app.office;
      const scheduler = new ReminderScheduler({ store, clock, hlc });
      scheduler.start();
      scheduler.stop();
      await app.open(page);
      await signIn(page, 'head', DEMO_PASSWORD);
      const main = page.locator('.main');
      const check = async (screen: string) => {
        await settled(page);
        await checkScreen(page, testInfo, screen, width);
      };

      await page.keyboard.press('Alt+1');
      const grid = page.getByRole('grid', { name: 'Реестр обращений' });
      await expect(grid.getByRole('row').nth(3)).toBeVisible();
      await check('registry');

      await grid.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { name: /Обращение №/ })).toBeVisible();
      await check('card');

      await page.keyboard.press('Alt+2');
      await expect(main.getByRole('heading', { level: 1 })).toBeVisible();
      await check('tasks');

      await page.keyboard.press('Alt+4');
      const board = page.getByRole('region', { name: /этапам/ });
      await expect(page.getByTestId('events-count')).toBeVisible();
      await check('events-board');

      // The month: each weekday's column starts and ends at the same x in every week.
      await main.getByRole('button', { name: 'Календарь' }).click();
      await expect(page.getByRole('grid', { name: /Календарь/ })).toBeVisible();
      const edges = await page
        .locator('.cal__grid .cal__row')
        .evaluateAll((rows) =>
          rows.map((r) =>
            [...r.children]
              .map(
                (c) =>
                  `${Math.round(c.getBoundingClientRect().left)}–${Math.round(c.getBoundingClientRect().right)}`,
              )
              .join(' '),
          ),
        );
      expect(edges.length).toBeGreaterThan(4);
      expect(new Set(edges).size, edges.join('\n')).toBe(1);
      await check('events-calendar');
      await main.getByRole('button', { name: 'Доска' }).click();
      await board.getByRole('button').first().click();
      await expect(page.getByTestId('event-stage')).toBeVisible();
      await check('event-card');

      await page.keyboard.press('Alt+5');
      await expect(main.getByRole('tablist')).toBeVisible();
      await check('contacts');
      await main.getByRole('tab', { name: 'Импорт' }).click();
      await check('import-wizard');

      await page.keyboard.press('Alt+7');
      await expect(page.getByRole('heading', { name: 'Статистика' })).toBeVisible();
      await check('statistics');

      await page.keyboard.press('Alt+8');
      await expect(page.getByRole('navigation', { name: 'Разделы настроек' })).toBeVisible();
      await check('settings');
      await page
        .getByRole('navigation', { name: 'Разделы настроек' })
        .getByRole('button', { name: /чек-листы/ })
        .click();
      await check('settings-events');

      await page.keyboard.press('Alt+B');
      await expect(page.getByRole('heading', { name: 'Уведомления' })).toBeVisible();
      await check('inbox');

      await page.keyboard.press('Alt+H');
      await check('home-head');
    });

    test(`each role's home screen at ${width}`, async ({ app, page }, testInfo) => {
      test.setTimeout(200_000);
      await page.clock.setFixedTime(new Date(NOW));
      await fillDemoOffice(app.office, { appeals: 60 });
      for (const login of ['deputy', 'assistant1', 'admin']) {
        await app.open(page);
        await signIn(page, login, DEMO_PASSWORD);
        await expect(page.locator('.main h1').first()).toBeVisible();
        await settled(page);
        await checkScreen(page, testInfo, `home-${login.replace(/\d$/, '')}`, width);
        await page.getByRole('button', { name: 'Выйти' }).click();
      }
    });

    test(`the registration form at ${width}`, async ({ app, page }, testInfo) => {
      await page.clock.setFixedTime(new Date(NOW));
      await fillDemoOffice(app.office, { appeals: 10 });
      await app.open(page);
      await signIn(page, 'assistant1', DEMO_PASSWORD);
      await page.keyboard.press('Alt+N');
      await expect(page.getByRole('heading', { name: /Регистрация/ })).toBeVisible();
      await checkScreen(page, testInfo, 'register', width);
    });
  });
}

test('the shortcut hints list every key the shell binds', async ({ app, page }) => {
  await fillDemoOffice(app.office, { appeals: 5 });
  await app.open(page);
  await signIn(page, 'head', DEMO_PASSWORD);
  const text = (await page.locator('.sidebar__keys').innerText()).replace(/\s+/g, ' ');
  // The menu's Alt+digit keys: the hint names the first and last the person has.
  const digits = (await page
    .locator('.nav__item[aria-keyshortcuts^="Alt+"]')
    .evaluateAll((els) =>
      els.map((e) => e.getAttribute('aria-keyshortcuts')!.replace('Alt+', '')).filter((k) => /^\d$/.test(k)),
    )) as string[];
  expect(digits.length).toBeGreaterThan(5);
  expect(text).toContain(`Alt+${digits[0]}…${digits[digits.length - 1]}`);
  for (const key of ['Alt+N', 'Alt+H', 'Alt+B', 'Ctrl+F', '/', 'Esc', 'Alt+Enter', 'Ctrl+Enter'])
    expect(text, key).toContain(key);
  // Each hinted menu key opens its section.
  const items = page.locator('.nav__item[aria-keyshortcuts^="Alt+"]');
  for (let i = 0; i < (await items.count()); i++) {
    const key = (await items.nth(i).getAttribute('aria-keyshortcuts'))!;
    if (!/^Alt\+\d$/.test(key)) continue;
    await page.keyboard.press(key);
    await expect(items.nth(i)).toHaveAttribute('aria-current', 'page');
  }
});
