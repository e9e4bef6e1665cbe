import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

const DEPUTY = { login: 'ivanov', fullName: 'Иванов Иван Иванович', password: 'deputy-pass-1' };
const KOZLOVA = { login: 'kozlova', fullName: 'Козлова Дарья Андреевна', password: 'assistant-pass-1' };
const EGOROV = { login: 'egorov', fullName: 'Егоров Максим Олегович', password: 'assistant-pass-2' };
const TEXT = 'Подготовить справку о ремонте дворов на Лесной улице';

async function openTasks(page: Page): Promise<void> {
  await page.keyboard.press('Alt+2');
  await expect(page.getByRole('heading', { name: 'Задачи' })).toBeVisible();
}

/**
 * The deputy gives a поручение from Задачи by the keyboard, the assistant finds it in her Задачи and
 * reports it done, the deputy finds the report to check in his Задачи and accepts it.
 */
test('the deputy gives a поручение, the assistant reports it done, the deputy accepts the report', async ({
  app,
  page,
  context,
}, testInfo) => {
  await app.setUp();
  await app.call('users.create', { ...DEPUTY, role: 'deputy' });
  const kozlova = await app.call('users.create', { ...KOZLOVA, role: 'assistant' });

  await app.open(page);
  await signIn(page, DEPUTY.login, DEPUTY.password);
  await openTasks(page);
  await page.keyboard.press('Insert');
  const give = page.getByRole('dialog', { name: 'Новое поручение' });
  await expect(give.getByLabel('Текст поручения')).toBeFocused();
  // Given with nobody named: the form says so and nothing is written.
  await page.keyboard.type(TEXT);
  await page.keyboard.press('Control+Enter');
  await expect(give.getByRole('alert')).toHaveText('Отметьте хотя бы одного исполнителя');
  expect(await app.call('assignments.list', {})).toEqual([]);

  await give.getByRole('checkbox', { name: KOZLOVA.fullName }).focus();
  await page.keyboard.press('Space');
  await give.getByLabel('Рабочих дней').fill('3');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('assignment-give-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('assignment-give-1024.png') });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Поручение дано')).toBeVisible();
  const [given] = await app.call('assignments.list', {});
  expect(given).toMatchObject({ text: TEXT, status: 'new', assignees: [{ id: kozlova.id }] });

  // The assistant, in her own window.
  const her = await context.newPage();
  await app.open(her);
  await signIn(her, KOZLOVA.login, KOZLOVA.password);
  await openTasks(her);
  const tasks = her.getByRole('grid', { name: 'Открытые задачи' });
  await expect(tasks.getByRole('row').nth(1)).toContainText(`Поручение: ${TEXT}`);
  await tasks.focus();
  await her.keyboard.press('Enter');
  const card = her.getByRole('dialog', { name: 'Поручение' });
  await expect(card).toContainText(TEXT);
  await expect(card.getByTestId('assignment-status')).toHaveText('Новое');
  await card.getByLabel('Комментарий').fill('Начинаю, данные запрошены в управе');
  await card.getByRole('button', { name: 'Отправить' }).click();
  await expect(card.getByRole('region', { name: 'Обсуждение' })).toContainText('данные запрошены в управе');
  await card.getByLabel('Прикрепить файл').setInputFiles({
    name: 'Справка.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%справка\n%%EOF\n'),
  });
  await expect(card.getByRole('region', { name: 'Файлы' })).toContainText('Справка.pdf');
  await card.getByLabel('Отчёт об исполнении').fill('Справка подготовлена и передана');
  await her.keyboard.press('Control+Enter');
  await expect(card.getByTestId('assignment-status')).toHaveText('Отчёт представлен');
  await her.setViewportSize({ width: 1366, height: 768 });
  await her.screenshot({ path: testInfo.outputPath('assignment-card-1366.png') });
  await her.keyboard.press('Escape');
  await expect(her.getByText('Открытых задач нет.')).toBeVisible();

  // The deputy: the report waits for him in Задачи.
  await page.reload();
  await openTasks(page);
  const mine = page.getByRole('grid', { name: 'Открытые задачи' });
  await expect(mine.getByRole('row').nth(1)).toContainText(`Принять отчёт по поручению: ${TEXT}`);
  await mine.focus();
  await page.keyboard.press('Enter');
  const check = page.getByRole('dialog', { name: 'Поручение' });
  await expect(check.getByRole('region', { name: 'Отчёт об исполнении' })).toContainText(
    'Справка подготовлена и передана',
  );
  await expect(check).toContainText('данные запрошены в управе');
  // The file she attached downloads from the card as it was attached.
  const download = page.waitForEvent('download');
  await check.getByRole('region', { name: 'Файлы' }).getByRole('link', { name: 'Справка.pdf' }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe('Справка.pdf');
  expect(fs.readFileSync(await saved.path()).toString()).toBe('%PDF-1.4\n%справка\n%%EOF\n');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('assignment-review-1024.png') });
  await page.keyboard.press('Control+Enter');
  await expect(check.getByTestId('assignment-status')).toHaveText('Принято');
  expect((await app.call('assignments.get', { id: given!.id })).status).toBe('accepted');
  await page.keyboard.press('Escape');
  await expect(page.getByText('Открытых задач нет.')).toBeVisible();
});

test('the office head starts a weekly поручение from Задачи and pauses it', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  const head = { login: 'head', fullName: 'Петрова Анна Сергеевна', password: 'head-pass-12' };
  await app.call('users.create', { ...head, role: 'office_head' });
  await app.call('users.create', { ...KOZLOVA, role: 'assistant' });
  await app.open(page);
  await signIn(page, head.login, head.password);
  await openTasks(page);
  await page.getByRole('button', { name: 'Повторяющиеся поручения' }).click();
  const dialog = page.getByRole('dialog', { name: 'Повторяющиеся поручения' });
  await expect(dialog.getByLabel('Текст поручения')).toBeFocused();
  await page.keyboard.type('Сводка обращений за неделю');
  // Nobody named: refused, nothing made.
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('#recurring-assignee-error')).toHaveText('Отметьте хотя бы одного исполнителя');
  expect(await app.call('assignments.templates', {})).toEqual([]);
  await dialog.getByLabel('Исполнители').selectOption({ label: KOZLOVA.fullName });
  await dialog.getByLabel('День').selectOption({ label: 'пн' });
  await page.keyboard.press('Control+Enter');
  const rows = dialog.getByTestId('recurring-template');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(
    'Сводка обращений за неделю — Еженедельно, пн; Козлова Дарья Андреевна',
  );
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: testInfo.outputPath('assignment-recurring-1024.png') });
  await rows.first().getByRole('button', { name: 'Приостановить' }).click();
  await expect(rows.first()).toContainText('приостановлено');
  expect((await app.call('assignments.templates', {})).map((x) => [x.recurrence, x.day, x.active])).toEqual([
    ['weekly', 1, false],
  ]);

  // Changed: to Fridays with a longer term; the form comes back empty for a new one.
  await rows.first().getByRole('button', { name: 'Изменить' }).click();
  await expect(dialog.getByRole('status')).toContainText('Правка: «Сводка обращений за неделю»');
  await expect(dialog.getByLabel('Текст поручения')).toHaveValue('Сводка обращений за неделю');
  await dialog.getByLabel('День').selectOption({ label: 'пт' });
  await dialog.getByLabel('Рабочих дней').fill('9');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('assignment-recurring-edit-1366.png') });
  await dialog.getByRole('button', { name: 'Сохранить изменения' }).click();
  await expect(rows.first()).toContainText('Еженедельно, пт');
  await expect(dialog.getByLabel('Текст поручения')).toHaveValue('');
  expect((await app.call('assignments.templates', {})).map((x) => [x.day, x.termDays, x.text])).toEqual([
    [5, 9, 'Сводка обращений за неделю'],
  ]);

  // Removed, after the question is answered: the list is empty and so is the office's.
  page.once('dialog', (d) => void d.accept());
  await rows.first().getByRole('button', { name: 'Удалить' }).click();
  await expect(rows).toHaveCount(0);
  expect(await app.call('assignments.templates', {})).toEqual([]);
});

test('a поручение given from an appeal’s card is linked to it, listed there, and given to another person', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  const head = { login: 'head', fullName: 'Петрова Анна Сергеевна', password: 'head-pass-12' };
  await app.call('users.create', { ...head, role: 'office_head' });
  await app.call('users.create', { ...KOZLOVA, role: 'assistant' });
  const egorov = await app.call('users.create', { ...EGOROV, role: 'assistant' });
  const appeal = await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'complaint',
    summary: 'Не вывозят мусор',
    applicant: { lastName: 'Кузнецова', firstName: 'Анна', address: 'г. Москва, ул. Лесная, д. 3' },
  });
  await app.open(page);
  await signIn(page, head.login, head.password);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Кузнецова' }).dblclick();
  const section = page.getByRole('region', { name: 'Поручения' });
  await expect(section.getByText('Поручений нет')).toBeVisible();
  await section.getByRole('button', { name: 'Дать поручение' }).click();
  const give = page.getByRole('dialog', { name: 'Новое поручение' });
  await page.keyboard.type('Выехать на место и составить акт');
  await give.getByRole('checkbox', { name: KOZLOVA.fullName }).check();
  await page.keyboard.press('Control+Enter');
  const card = page.getByRole('dialog', { name: 'Поручение' });
  await expect(card).toContainText(`Обращение ${appeal.regNumber}`);
  // The office head gives it to another person instead.
  await card.getByRole('button', { name: 'Передать другим' }).click();
  await card.getByRole('checkbox', { name: KOZLOVA.fullName }).uncheck();
  await card.getByRole('checkbox', { name: EGOROV.fullName }).check();
  await card.getByRole('button', { name: 'Передать другим' }).click();
  await expect(card.getByRole('status')).toHaveText('Исполнители изменены');
  await page.keyboard.press('Escape');
  await expect(section.getByRole('listitem')).toHaveCount(1);
  await expect(section.getByRole('listitem')).toContainText('Выехать на место и составить акт');
  await expect(section.getByRole('listitem')).toContainText(EGOROV.fullName);
  await page.setViewportSize({ width: 1366, height: 768 });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('assignment-appeal-1366.png') });
  const [given] = await app.call('assignments.list', { appealId: appeal.id });
  expect(given).toMatchObject({ appeal: { id: appeal.id }, assignees: [{ id: egorov.id }] });
  // Her task went to him.
  const open = await app.call('tasks.list', { everyone: true });
  expect(open.rows.filter((r) => r.assignmentId === given!.id).map((r) => r.assigneeId)).toEqual([egorov.id]);
});
