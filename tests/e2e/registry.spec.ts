import type { Channel } from '../../shared/api/appeals';
import { expect, signIn, test, type App } from './fixtures';

const TOTAL = 230;
const CHANNELS: Channel[] = ['post', 'email', 'reception', 'web'];

/** More appeals than two pages, spread over two months so some are overdue and dates differ. */
async function seedMany(app: App): Promise<void> {
  for (let i = 0; i < TOTAL; i++) {
    const day = new Date(Date.UTC(2026, 0, 12 + (i % 60)));
    await app.call('appeals.register', {
      registeredOn: day.toISOString().slice(0, 10),
      channel: CHANNELS[i % CHANNELS.length]!,
      kind: i % 3 === 0 ? 'complaint' : 'application',
      summary: `Обращение номер ${i + 1}`,
      applicant: { lastName: `Заявитель${i + 1}`, firstName: 'Тест', forceNew: true },
    });
  }
}

test.beforeEach(async ({ app, page }) => {
  await app.setUp();
  await seedMany(app);
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
});

test('a long registry is virtualized, pages in as it is walked, and moves by keyboard', async ({ page }) => {
  await expect(page.getByTestId('registry-count')).toHaveText(`Всего: ${TOTAL} обращений`);
  const grid = page.getByRole('grid', { name: 'Реестр обращений' });
  await expect(grid).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
  // An office's registry holds its own appeals only: no office column (HQ's view has one).
  await expect(grid.getByRole('columnheader').first()).toHaveText('№');
  // Only what is on screen is in the page.
  expect(await grid.locator('.grid__row--data').count()).toBeLessThan(60);

  await grid.focus();
  const selected = (i: number) =>
    expect(page.locator(`#appeal-row-${i}`)).toHaveAttribute('aria-selected', 'true');
  await selected(0);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await selected(2);
  await page.keyboard.press('ArrowUp');
  await selected(1);
  await page.keyboard.press('PageDown');
  const afterPage = await grid.getAttribute('aria-activedescendant');
  expect(Number(afterPage?.replace('appeal-row-', ''))).toBeGreaterThan(10);
  // End goes to the last row loaded and fetches the next page; pressed again it goes further.
  await expect(async () => {
    await page.keyboard.press('End');
    await expect(page.locator(`#appeal-row-${TOTAL - 1}`)).toHaveAttribute('aria-selected', 'true', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator(`#appeal-row-${TOTAL - 1}`)).toBeInViewport();
  await page.keyboard.press('Home');
  await selected(0);
  await expect(page.locator('#appeal-row-0')).toBeInViewport();

  // Enter opens the selected card; Esc comes back to the same place.
  await page.keyboard.press('ArrowDown');
  const number = await page.locator('#appeal-row-1 [role=gridcell]').first().textContent();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `Обращение № ${number}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await selected(1);
});

test('scrolling down loads the next pages until the end', async ({ page }) => {
  const grid = page.getByRole('grid', { name: 'Реестр обращений' });
  await expect(page.locator('#appeal-row-0')).toBeVisible();
  await expect(async () => {
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.locator(`#appeal-row-${TOTAL - 1}`)).toBeInViewport({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(page.locator('.grid__row--more')).toHaveCount(0);
});

test('clicking a column header sorts by it, again the other way', async ({ page }) => {
  const header = page.getByRole('columnheader', { name: '№' });
  const firstNumber = page.locator('#appeal-row-0 [role=gridcell]').first();
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect(firstNumber).toHaveText('ИВН-2026-00001');
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(firstNumber).toHaveText(`ИВН-2026-00${TOTAL}`);
  await expect(page.getByRole('columnheader', { name: /Дата рег/ })).not.toHaveAttribute('aria-sort');
});

test('filters narrow the registry to what the server counts', async ({ app, page }) => {
  const count = page.getByTestId('registry-count');
  await expect(count).toHaveText(`Всего: ${TOTAL} обращений`);

  await page.getByLabel('Канал').selectOption({ label: 'Личный приём' });
  const reception = (await app.call('appeals.count', { filter: { channel: ['reception'] } })).count;
  await expect(count).toHaveText(new RegExp(`^Найдено: ${reception} `));
  // The channel is not among the default columns: the first row is the first appeal of the filter.
  const first = (await app.call('appeals.list', { filter: { channel: ['reception'] }, limit: 1 })).rows[0]!;
  await expect(page.locator('#appeal-row-0')).toContainText(first.regNumber);

  await page.getByLabel('Вид').selectOption({ label: 'Жалоба' });
  const both = (await app.call('appeals.count', { filter: { channel: ['reception'], kind: ['complaint'] } }))
    .count;
  await expect(count).toHaveText(new RegExp(`^Найдено: ${both} `));

  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await expect(count).toHaveText(`Всего: ${TOTAL} обращений`);

  await page.getByLabel('Поступило с').fill('01.02.2026');
  await page.getByLabel('Поступило по').fill('05.02.2026');
  const range = (
    await app.call('appeals.count', { filter: { receivedFrom: '2026-02-01', receivedTo: '2026-02-05' } })
  ).count;
  await expect(count).toHaveText(new RegExp(`^Найдено: ${range} `));
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();

  await page.getByLabel('Только просроченные').check();
  const overdue = (await app.call('appeals.count', { filter: { overdue: true } })).count;
  await expect(count).toHaveText(new RegExp(`^Найдено: ${overdue} `));
  await expect(page.locator('#appeal-row-0')).toHaveClass(/grid__row--overdue/);
  await expect(page.locator('#appeal-row-0')).toContainText('просрочено');

  // A topic of any level, typed as a code and entered, narrows the list as the server counts it.
  await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
  await page.getByLabel('Тематика (любой уровень)').fill('0005.0005');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flt-topic-picker')).toContainText('Жилище');
  const housing = (await app.call('appeals.count', { filter: { topic: '0005.0005' } })).count;
  await expect(count).toHaveText(new RegExp(`^Найдено: ${housing} `));
});
