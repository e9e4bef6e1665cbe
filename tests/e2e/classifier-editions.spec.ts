import {
  ADDED,
  RENAMED,
  RENAMED_TO,
  WITHDRAWN,
  asCsv,
  editionEntries,
  shippedName,
} from '../fixtures/classifier-edition';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

/**
 * A newer edition of the classifier taken in Settings: the table offices receive (CSV in Windows-1251) is
 * previewed — one question added, one renamed, one withdrawn with the appeal that carries it — and applied;
 * the picker then no longer offers the withdrawn question, and the old appeal shows it marked.
 */
test('import an edition in Settings: preview, apply; the picker no longer offers the withdrawn question', async ({
  app,
  page,
}) => {
  await app.setUp();
  const old = await app.call('appeals.register', {
    channel: 'post',
    kind: 'complaint',
    summary: 'Не вывозят мусор',
    topics: [WITHDRAWN],
    applicant: { lastName: 'Громова', firstName: 'Вера', address: 'г. Москва, ул. Заводская, д. 3' },
  });
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Классификатор обращений');
  const panel = page.getByRole('region', { name: 'Классификатор обращений' });
  await expect(panel.getByTestId('edition-in-force')).toContainText('31.10.2025');

  await panel.locator('#edition-file').setInputFiles({
    name: 'Классификатор 2026.csv',
    mimeType: 'text/csv',
    buffer: asCsv(editionEntries(), 'cp1251'),
  });
  const preview = panel.getByTestId('edition-preview');
  await expect(preview).toContainText('Windows-1251');
  const rows = (list: string) => preview.locator(`[data-list=${list}] tbody tr`);
  await expect(rows('added')).toHaveCount(1);
  await expect(rows('added')).toContainText(ADDED.name);
  await expect(rows('renamed')).toHaveCount(1);
  await expect(rows('renamed')).toContainText(shippedName(RENAMED));
  await expect(rows('renamed')).toContainText(RENAMED_TO);
  await expect(rows('withdrawn')).toHaveCount(1);
  await expect(rows('withdrawn').locator('td')).toHaveText([WITHDRAWN, shippedName(WITHDRAWN), '1']);
  for (const [name, size] of [
    ['1366', { width: 1366, height: 768 }],
    ['1024', { width: 1024, height: 700 }],
  ] as const) {
    await page.setViewportSize(size);
    await preview.scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath(`edition-preview-${name}.png`) });
  }

  await panel.locator('#edition-date').fill('15.01.2026');
  await panel.getByRole('button', { name: 'Принять редакцию' }).click();
  await expect(
    panel.getByText('Принята редакция на 15.01.2026: добавлено 1, переименовано 1, исключено 1.'),
  ).toBeVisible();
  await expect(panel.getByTestId('edition-in-force')).toContainText('15.01.2026');
  await expect(preview).toHaveCount(0);

  // The office corrects a name in its own edition: picked by code, written, listed beside the official one.
  await panel.locator('#rename-code').fill(RENAMED);
  await page.getByRole('listbox').getByRole('option').first().click();
  await panel.locator('#rename-name').fill('Оплата ЖКУ и капитального ремонта');
  await panel.getByRole('button', { name: 'Сохранить наименование' }).click();
  const corrected = panel.locator(`.edition__corrections tr[data-code="${RENAMED}"]`);
  await expect(corrected).toContainText('Оплата ЖКУ и капитального ремонта');
  await expect(corrected).toContainText(RENAMED_TO);
  await page.setViewportSize({ width: 1366, height: 768 });
  await corrected.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('edition-names-1366.png') });

  // A new appeal: the picker offers the new question, and no longer the withdrawn one.
  await page.keyboard.press('Alt+N');
  const picker = page.locator('#reg-topics');
  await picker.focus();
  await page.keyboard.type('мусор');
  const list = page.getByRole('listbox', { name: 'Вопросы по классификатору' });
  await expect(list.getByRole('option').first()).toContainText('Несанкционированная свалка мусора');
  await expect(list.getByRole('option', { name: new RegExp(shippedName(WITHDRAWN)) })).toHaveCount(0);
  await picker.fill('');
  await page.keyboard.type('раздельный сбор');
  await expect(list.getByRole('option').first()).toContainText(ADDED.name);

  // The old appeal keeps its code, marked withdrawn, in the registry and on its card.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+1');
  const row = page.getByRole('grid').getByRole('row').filter({ hasText: 'Громова' });
  await expect(row).toContainText(`${shippedName(WITHDRAWN)} — исключён из классификатора`);
  // A filter still finds the withdrawn question for older appeals, marked.
  await page.locator('#flt-topic').focus();
  await page.keyboard.type(WITHDRAWN);
  const offered = page.getByRole('listbox').getByRole('option').first();
  await expect(offered).toContainText(shippedName(WITHDRAWN));
  await expect(offered).toContainText('исключён из классификатора');
  await page.screenshot({ path: test.info().outputPath('edition-filter-1366.png') });
  await page.keyboard.press('Enter');
  await expect(row).toBeVisible();
  await row.click();
  await page.keyboard.press('Enter');
  const card = page.getByRole('article');
  await expect(card.locator(`.topic[data-code="${WITHDRAWN}"]`)).toContainText('исключён из классификатора');
  await page.screenshot({ path: test.info().outputPath('edition-card-1366.png') });
  expect((await app.call('appeals.get', { id: old.id })).topics).toEqual([WITHDRAWN]);
});
