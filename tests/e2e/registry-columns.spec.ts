import { expect, signIn, test } from './fixtures';
import { seedAppeals } from './seed';

test.use({ viewport: { width: 1366, height: 768 } });

/** The column headers' names, without the sort arrow. */
const headers = async (page: import('@playwright/test').Page) =>
  (await page.getByRole('grid', { name: 'Реестр обращений' }).getByRole('columnheader').allInnerTexts()).map(
    (h) => h.replace(/[▲▼]/g, ''),
  );

test('a person chooses, orders and widens the registry columns; they are kept after signing in again', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.call('users.create', {
    login: 'kozlova',
    fullName: 'Козлова Дарья Андреевна',
    role: 'assistant',
    password: 'assistant-pass-1',
  });
  await seedAppeals(app, []);
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  const grid = page.getByRole('grid', { name: 'Реестр обращений' });
  await expect(grid.getByRole('row').nth(2)).toBeVisible();
  const defaults = await headers(page);
  expect(defaults.map((h) => h.trim())).toEqual([
    '№',
    'Дата рег.',
    'Заявитель',
    'Статус',
    'Ответственный',
    'Срок',
    'Краткое содержание',
    'Вопрос',
  ]);

  await page.getByRole('button', { name: 'Столбцы' }).click();
  const chooser = page.getByRole('dialog', { name: 'Столбцы реестра' });
  await chooser.getByRole('checkbox', { name: 'Телефон' }).check();
  await chooser.getByRole('checkbox', { name: 'Краткое содержание' }).uncheck();
  await expect(chooser.getByRole('checkbox', { name: 'Вопрос' })).toBeChecked();
  await chooser.getByRole('button', { name: 'Срок: выше' }).click();
  await chooser.getByRole('button', { name: 'Срок: выше' }).click();
  await chooser.getByRole('button', { name: 'Готово' }).click();
  const chosen = ['№', 'Дата рег.', 'Заявитель', 'Срок', 'Статус', 'Ответственный', 'Вопрос', 'Телефон'];
  await expect.poll(async () => (await headers(page)).map((h) => h.trim())).toEqual(chosen);

  // The applicant's column dragged 120 px wider.
  const name = grid.getByRole('columnheader', { name: 'Заявитель' });
  const before = (await name.boundingBox())!;
  const handle = (await name.locator('.col-resize').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 60, handle.y + 5, { steps: 4 });
  await page.mouse.move(handle.x + 120, handle.y + 5, { steps: 4 });
  await page.mouse.up();
  await expect
    .poll(async () => Math.round((await name.boundingBox())!.width))
    .toBeGreaterThan(before.width + 100);
  const widened = Math.round((await name.boundingBox())!.width);
  await expect
    .poll(async () =>
      (await app.call('prefs.registryColumns', {})).columns?.find((c) => c.key === 'applicantName'),
    )
    .toMatchObject({ key: 'applicantName' });

  // Another person keeps the default set.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await signIn(page, 'kozlova', 'assistant-pass-1');
  await page.keyboard.press('Alt+1');
  await expect(grid.getByRole('row').nth(2)).toBeVisible();
  expect((await headers(page)).map((h) => h.trim())).toEqual(defaults.map((h) => h.trim()));

  // A new page (a restart of the window) and the first person again: the same columns, the same width.
  await page.getByRole('button', { name: 'Выйти' }).click();
  await page.goto('about:blank');
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await expect(grid.getByRole('row').nth(2)).toBeVisible();
  await expect.poll(async () => (await headers(page)).map((h) => h.trim())).toEqual(chosen);
  expect(Math.abs(Math.round((await name.boundingBox())!.width) - widened)).toBeLessThanOrEqual(1);

  // Back to the default set.
  await page.getByRole('button', { name: 'Столбцы' }).click();
  await chooser.getByRole('button', { name: 'Как было по умолчанию' }).click();
  await expect
    .poll(async () => (await headers(page)).map((h) => h.trim()))
    .toEqual(defaults.map((h) => h.trim()));
  await expect.poll(async () => (await app.call('prefs.registryColumns', {})).columns).toBeNull();
});
