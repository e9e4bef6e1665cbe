import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';

/**
 * The reports screen shows the period's questions by the classifier and downloads the ССТУ.РФ report:
 * a 5-part code registers, shows under its question and is counted in the file; a code the classifier
 * does not hold appears as itself. REPORTS_PNG_DIR, when set, keeps the screen at two window sizes.
 */
const NAMES = ['Кузнецова', 'Смирнова', 'Волкова', 'Павлова', 'Орлова'];

test.beforeEach(async ({ app }) => {
  await app.setUp();
  const plan = [
    ['0005.0005.0056.1149'],
    ['0005.0005.0056.1149', '0004.0015.0158.0965.0064'],
    ['0004.0015.0158.0965.0064', '0004.0015.0158.0965.0065'],
    ['0005.0005.0056.9999'],
    [],
  ];
  for (const [i, topics] of plan.entries())
    await app.call('appeals.register', {
      registeredOn: '2026-03-02',
      channel: 'post',
      kind: 'complaint',
      summary: 'Обращение',
      topics,
      applicant: { lastName: NAMES[i]!, firstName: 'Анна', address: `г. Москва, ул. Лесная, д. ${i + 1}` },
    });
});

/** A section of the app with March 2026 in its period fields. */
async function openMarch(page: Page, section: 'Отчёты' | 'Статистика'): Promise<void> {
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: section }).click();
  await page.getByLabel('С', { exact: true }).fill('01.03.2026');
  await page.getByLabel('По', { exact: true }).fill('31.03.2026');
}

/** The questions received in all, in a table by the classifier. */
const received = (table: Locator): Locator =>
  table
    .getByRole('row', { name: /^Всего вопросов/ })
    .getByRole('cell')
    .first();

/** With REPORTS_PNG_DIR set, the window at 1366×768 and 1024×700 with `target` in view. */
async function shoot(page: Page, name: string, target: Locator): Promise<void> {
  const keep = process.env.REPORTS_PNG_DIR;
  if (!keep) return;
  fs.mkdirSync(keep, { recursive: true });
  for (const [width, height] of [
    [1366, 768],
    [1024, 700],
  ] as const) {
    await page.setViewportSize({ width, height });
    await target.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(keep, `${name}-${width}.png`) });
  }
}

test('the reports screen shows the questions by the classifier and downloads the ССТУ report', async ({
  app,
  page,
}) => {
  await app.open(page);
  await signIn(page);
  await openMarch(page, 'Отчёты');
  await page.getByRole('button', { name: /Показать/ }).click();

  const table = page.getByTestId('report-classifier');
  // Two appeals raise subquestions of one question: counted once each under it.
  const question = table.locator('tr[data-code="0004.0015.0158.0965"]');
  await expect(question.getByRole('rowheader')).toContainText('Медицинское освидетельствование');
  await expect(question.getByRole('cell').first()).toHaveText('2');
  await expect(table.locator('tr[data-code="0005.0005.0056.9999"]').getByRole('rowheader')).toContainText(
    '0005.0005.0056.9999 (нет в классификаторе)',
  );
  // 1149 twice, 0965 twice, the unknown code once, the appeal without a topic once.
  await expect(received(table)).toHaveText('6');

  await shoot(page, 'reports', table);

  // The statistics show the same breakdown under the charts, and the questions most written about.
  await openMarch(page, 'Статистика');
  await page.getByRole('button', { name: /^Показать/ }).click();
  const stats = page.getByTestId('stats-classifier');
  await expect(received(stats)).toHaveText('6');
  const subjects = page.getByTestId('chart-subjects');
  await subjects.getByRole('button', { name: 'Таблица' }).click();
  // Each question once, by its name: the subquestions under theirs.
  await expect(subjects.getByRole('rowheader')).toHaveText([
    /^Медицинское освидетельствование/,
    /^Оплата жилищно-коммунальных услуг/,
    '0005.0005.0056.9999 (нет в классификаторе)',
  ]);
  await shoot(page, 'statistics', subjects);
  await openMarch(page, 'Отчёты');

  const xlsx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ССТУ XLSX' }).click();
  const file = await xlsx;
  expect(file.suggestedFilename()).toBe('ССТУ 01.03.2026 — 31.03.2026.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await file.path()) as unknown as ArrayBuffer);
  const rows = new Map<string, unknown[]>();
  wb.worksheets[0]!.eachRow((row) => {
    rows.set(String(row.getCell(2).value ?? ''), row.values as unknown[]);
  });
  // Received 6, of which none closed: all six under review.
  expect(rows.get('Итого')!.slice(3)).toEqual([6, 0, 0, 0, 0, 0, 0, 0, 6]);

  const docx = page.waitForEvent('download');
  await page.getByRole('button', { name: 'ССТУ DOCX' }).click();
  const d = await docx;
  expect(d.suggestedFilename()).toBe('ССТУ 01.03.2026 — 31.03.2026.docx');
  expect(
    fs
      .readFileSync(await d.path())
      .subarray(0, 2)
      .toString(),
  ).toBe('PK');
});
