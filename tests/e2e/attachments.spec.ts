import fs from 'node:fs';
import { expect, signIn, test } from './fixtures';

// A tiny but real PDF header and a byte that is not valid UTF-8: the round trip must be binary-exact.
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n%'),
  Buffer.from([0xe2, 0xe3, 0xcf, 0xd3, 0x0a, 0xff, 0x00]),
]);

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

test('a file is attached on the card, listed, and downloaded byte for byte', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Кузнецова' }).dblclick();
  const files = page.getByRole('region', { name: 'Файлы' });
  await expect(files.getByText('Файлов пока нет.')).toBeVisible();

  await files.getByLabel('Прикрепить файл').setInputFiles({
    name: 'Скан жалобы.pdf',
    mimeType: 'application/pdf',
    buffer: PDF,
  });
  await expect(page.getByText('Файл «Скан жалобы.pdf» прикреплён.')).toBeVisible();
  const item = files.getByRole('list', { name: 'Прикреплённые файлы' }).getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText(`Скан жалобы.pdf${PDF.length} Б`);
  await expect(page.getByRole('region', { name: 'История' })).toContainText('Прикреплён файл');

  const download = page.waitForEvent('download');
  await item.getByRole('link', { name: 'Скан жалобы.pdf' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Скан жалобы.pdf');
  expect(fs.readFileSync(await file.path()).equals(PDF)).toBe(true);
});

test('a file of a type the office does not keep is refused before upload', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Кузнецова' }).dblclick();
  const files = page.getByRole('region', { name: 'Файлы' });
  await files.getByLabel('Прикрепить файл').setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/x-msdownload',
    buffer: Buffer.from('MZ'),
  });
  await expect(page.getByText(/Такой тип файла не принимается/)).toBeVisible();
  await expect(files.getByText('Файлов пока нет.')).toBeVisible();
});
