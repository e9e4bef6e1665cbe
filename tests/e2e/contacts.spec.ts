import fs from 'node:fs';
import iconv from 'iconv-lite';
import { expect, signIn, test } from './fixtures';

/** A list as Excel saves it on a Russian desktop: cp1251, semicolons; one person twice, one row broken. */
const LIST = iconv.encode(
  [
    'Фамилия;Имя;Отчество;Телефон;Адрес;Район;Статус',
    'Ёлкина;Майя;Йовановна;8 (999) 123-45-67;г. Тверь, ул. Советская, д. 5;Центральный;Сторонник',
    'Смирнов;Олег;;+7 999 765 43 21;г. Тверь, ул. Трёхсвятская, д. 1;Центральный;',
    ';Без фамилии;;89990000000;;;',
    'Орлова;Анна;;9161112233;;Заволжский;Сторонник',
  ].join('\r\n') + '\r\n',
  'cp1251',
);

test('import a list through the wizard, merge a suggested duplicate, build a segment and export it', async ({
  app,
  page,
}) => {
  await app.setUp();
  // Already in the base: the same woman with another phone at the same address, written with е for ё;
  // the import adds what the list knows about her to her card.
  await app.call('contacts.create', {
    lastName: 'Елкина',
    firstName: 'Майя',
    middleName: 'Йовановна',
    phones: ['+7 916 000 11 22'],
    address: 'г. Тверь, ул. Советская, д. 5',
    email: 'maya@example.ru',
  });
  // Two cards of one man made at the desk: the same e-mail written in another case.
  await app.call('contacts.create', {
    lastName: 'Кузнецов',
    firstName: 'Иван',
    phones: ['89031234567'],
    email: 'kuz@example.ru',
  });
  await app.call('contacts.create', {
    lastName: 'Кузнецов',
    firstName: 'Иван',
    middleName: 'Ильич',
    phones: ['89035554433'],
    email: 'KUZ@example.ru',
  });
  await app.open(page);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();

  // Import: upload, preview with normalised phones, dry run, import.
  await page.getByRole('tab', { name: 'Импорт' }).click();
  await page
    .getByLabel('Файл CSV или XLSX')
    .setInputFiles({ name: 'Список.csv', mimeType: 'text/csv', buffer: LIST });
  const preview = page.getByTestId('import-preview');
  await expect(preview).toContainText('Ёлкина Майя Йовановна · +79991234567');
  await expect(preview).toContainText('пропуск: нет фамилии');
  // Statuses by their names, never their codes.
  await expect(preview).toContainText('· Сторонник');
  await expect(preview).not.toContainText('supporter');
  await page.getByRole('button', { name: 'Проверить (ничего не записывать)' }).click();
  await expect(page.getByTestId('import-summary')).toContainText('Проверка: будет');
  await expect(page.getByTestId('import-summary')).toContainText('создано — 2; дополнено — 1');
  await page.getByRole('button', { name: 'Загрузить', exact: true }).click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('Загружено');
  await expect(summary).toContainText(
    'строк в файле — 4; создано — 2; дополнено — 1; без изменений — 0; пропущено — 1',
  );
  await expect(summary).toContainText('нет фамилии');

  // Duplicates: the two cards of Кузнецов, merged field by field.
  await page.getByRole('tab', { name: 'Дубли' }).click();
  const pair = page.getByRole('article').filter({ hasText: 'та же эл. почта' });
  await expect(pair).toContainText('Кузнецов');
  await pair.getByRole('radio', { name: 'Ильич', exact: true }).check();
  await pair.getByRole('button', { name: 'Объединить' }).click();
  await expect(page.getByText('Контакты объединены.')).toBeVisible();
  await expect(page.getByText('Похожих контактов не найдено.')).toBeVisible();

  await page.getByRole('tab', { name: 'База' }).click();
  await expect(page.getByTestId('contacts-count')).toHaveText('4 контакта');
  await page
    .getByRole('grid', { name: 'Контакты' })
    .getByRole('row')
    .filter({ hasText: 'Кузнецов' })
    .dblclick();
  const card = page.getByRole('complementary', { name: 'Кузнецов Иван Ильич' });
  await expect(card).toContainText('+79031234567');
  await expect(card).toContainText('+79035554433');
  await expect(card).toContainText('Объединён с дублем');

  // A segment: supporters in the Central district, counted live, saved.
  await page.getByRole('tab', { name: 'Сегменты' }).click();
  await page.getByLabel('Статус', { exact: true }).selectOption({ label: 'Сторонник' });
  await expect(page.getByTestId('segment-count')).toContainText('2 контакта');
  await page.getByLabel('Район', { exact: true }).fill('Центральный');
  await expect(page.getByTestId('segment-count')).toContainText('1 контакт');
  await page.getByLabel('Название сегмента').fill('Сторонники в центре');
  await page.getByRole('button', { name: 'Сохранить сегмент' }).click();
  const saved = page.getByRole('listitem').filter({ hasText: 'Сторонники в центре' });
  await expect(saved.getByTestId('saved-segment-count')).toHaveText('1 контакт');

  // Export: outreach is refused without consent; the office's own records are allowed.
  const exportGroup = saved.getByRole('group');
  await exportGroup.getByRole('button', { name: 'Выгрузить' }).click();
  await expect(exportGroup.getByRole('status')).toContainText('нет согласия');
  await exportGroup.getByLabel('Цель выгрузки').selectOption('records');
  const download = page.waitForEvent('download');
  await exportGroup.getByRole('button', { name: 'Выгрузить' }).click();
  const file = await download;
  const text = iconv.decode(fs.readFileSync(await file.path()), 'cp1251');
  expect(text.split('\r\n')[1]).toMatch(/^Елкина;Майя;Йовановна;.*;Центральный;.*Сторонник/);
  await expect(exportGroup.getByRole('status')).toHaveText('Выгружено: 1');
});
