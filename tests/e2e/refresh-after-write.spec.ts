import { expect, signIn, test, type App } from './fixtures';
import { openSettings } from './settings-nav';
import type { Page } from '@playwright/test';

/** What a screen shows follows a write made on it, with no reload and no change of screen. */

const KOZLOVA = { login: 'kozlova', fullName: 'Козлова Дарья Андреевна', password: 'assistant-pass-1' };

/** A mark in the page's memory: still there afterwards means the page was not loaded again. */
async function markPage(page: Page): Promise<() => Promise<void>> {
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  return async () => expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
}

async function arrangeTwoTasksOfMine(app: App): Promise<void> {
  await app.setUp();
  await app.call('users.create', { ...KOZLOVA, role: 'assistant' });
  for (const [lastName, summary] of [
    ['Кузнецов', 'Не вывозится мусор'],
    ['Орлова', 'Пандус у подъезда'],
  ] as const)
    await app.call('appeals.register', {
      registeredOn: '2026-03-16',
      channel: 'post',
      kind: 'application',
      summary,
      applicant: { lastName, address: 'г. Москва' },
    });
}

test('a task given away leaves my Задачи at once: the count reads again after the write', async ({
  app,
  page,
}) => {
  await arrangeTwoTasksOfMine(app);
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Задачи' })).toBeVisible();
  const count = page.getByTestId('tasks-count');
  await expect(count).toHaveText('Открытых задач: 2');
  const notReloaded = await markPage(page);

  await page.getByRole('grid', { name: 'Открытые задачи' }).focus();
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog', { name: 'Передать задачу другому сотруднику' });
  await dialog.getByLabel('Кому').selectOption({ label: KOZLOVA.fullName });
  await page.keyboard.press('Control+Enter');

  await expect(page.getByText(`Задача передана: ${KOZLOVA.fullName}.`)).toBeVisible();
  await expect(count).toHaveText('Открытых задач: 1');
  await expect(page.getByRole('grid', { name: 'Открытые задачи' }).getByRole('row')).toHaveCount(2);
  await notReloaded();
});

test('a kind of event added in Settings is offered at once by the checklist editor beside it', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Мероприятия: виды и чек-листы');
  const events = page.locator('#event-settings');
  // The checklist editor's own list of kinds, read when Settings opened.
  const kindsOffered = events.locator('select#tpl-kind option');
  await expect(kindsOffered.first()).toBeAttached();
  await expect(kindsOffered.filter({ hasText: 'Субботник' })).toHaveCount(0);
  const notReloaded = await markPage(page);

  await events.getByLabel('Новый вид мероприятий').fill('Субботник');
  await events.getByRole('button', { name: 'Добавить вид' }).click();

  await expect(events.getByLabel('Вид мероприятий «Субботник»')).toBeVisible();
  await expect(kindsOffered.filter({ hasText: 'Субботник' })).toHaveCount(1);
  await notReloaded();
});
