import fs from 'node:fs';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

test.beforeEach(async ({ app }) => {
  await app.setUp();
  await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'complaint',
    summary: 'Не вывозят мусор',
    applicant: { lastName: 'Кузнецова', firstName: 'Анна', address: 'г. Москва, ул. Лесная, д. 3' },
  });
});

test('the card prints as a DOCX from the card (Ctrl+P) and the registry prints the shown cards', async ({
  app,
  page,
}) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  const batch = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Карточки показанных (ZIP)' }).click();
  expect((await batch).suggestedFilename()).toBe('Карточки обращений.zip');

  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Кузнецова' }).dblclick();
  // The card's keys work once the card is shown, not while it loads.
  await expect(page.getByRole('button', { name: /Печать карточки/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.keyboard.press('Control+KeyP');
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^Карточка .+-2026-00001\.docx$/);
  expect(
    fs
      .readFileSync(await file.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
  await expect(page.getByText(/Карточка сформирована/)).toBeVisible();
});

test('Settings refuses a letter body with an unknown field, naming it, and previews a good one', async ({
  app,
  page,
}) => {
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Бланк и тексты писем');
  const panel = page.getByRole('form', { name: 'Тексты писем' });
  await panel.getByLabel('Письмо').selectOption({ label: 'Ответ заявителю' });
  const body = panel.getByLabel(/Текст/);
  await body.fill('Сообщаем {{заявителю}}: {{номер_дела}}');
  await expect(panel.getByTestId('tpl-problems')).toContainText('неизвестное поле {{номер_дела}}');
  await expect(panel.getByTestId('tpl-preview')).toContainText('Сообщаем Иванову Ивану Петровичу: ___');
  await panel.getByRole('button', { name: /Сохранить текст/ }).click();
  await expect(panel.getByText(/неизвестное поле \{\{номер_дела\}\}/).last()).toBeVisible();
  await body.fill('Сообщаем {{заявителю}}.');
  await panel.getByRole('button', { name: /Сохранить текст/ }).click();
  await expect(panel.getByText('Текст письма сохранён.')).toBeVisible();
});

test('a report for a period shows its figures and saves as Excel', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Отчёты' }).click();
  await page.getByLabel('С', { exact: true }).fill('01.03.2026');
  await page.getByLabel('По', { exact: true }).fill('31.03.2026');
  await page.getByRole('button', { name: /Показать/ }).click();
  const figures = page.getByTestId('report-figures');
  await expect(
    figures.getByRole('row', { name: 'Поступило обращений 1', exact: true }).getByRole('cell'),
  ).toHaveText('1');
  await expect(figures.getByRole('row', { name: /Почта/ }).getByRole('cell')).toHaveText('1');
  await expect(
    figures.getByRole('row', { name: 'Рассмотрено (закрыто) за период 0', exact: true }).getByRole('cell'),
  ).toHaveText('0');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Excel (XLSX)' }).click();
  expect((await download).suggestedFilename()).toBe('Отчёт 01.03.2026 — 31.03.2026.xlsx');
});
