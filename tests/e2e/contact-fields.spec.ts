import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

test('a second e-mail, a Telegram link and a field of the office on a card, kept after reload, and a filter by it', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.call('contacts.create', {
    lastName: 'Ёлкина',
    firstName: 'Майя',
    phones: ['+7 999 123-45-67'],
    email: 'maya@example.ru',
    address: 'г. Тверь, ул. Советская, д. 5, кв. 12',
  });
  await app.call('contacts.create', {
    lastName: 'Ёлкин',
    firstName: 'Пётр',
    address: 'г.Тверь, ул.Советская, д.5, кв.12',
  });
  await app.call('contacts.create', { lastName: 'Смирнов', firstName: 'Олег', phones: ['89997654321'] });
  await app.open(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);

  // Settings → Поля контактов: the office adds a list field.
  await openSettings(page, 'Поля контактов');
  const panel = page.getByRole('region', { name: 'Поля контактов' });
  await panel.getByRole('button', { name: 'Добавить поле' }).click();
  await panel.getByLabel('Название').fill('Участок');
  await panel.getByLabel('Тип').selectOption({ label: 'Список значений' });
  await panel.getByLabel('Значения списка (по одному в строке)').fill('№ 1\n№ 2\n№ 3');
  await panel.getByRole('button', { name: 'Сохранить' }).click();
  await expect(panel.getByTestId('contact-field')).toContainText(['Участок']);
  await page.screenshot({ path: test.info().outputPath('settings-1366.png') });

  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  const grid = page.getByRole('grid', { name: 'Контакты' });
  await grid.getByRole('row').filter({ hasText: 'Ёлкина Майя' }).dblclick();
  let card = page.getByRole('complementary', { name: 'Ёлкина Майя' });
  // The household: the other person at the same address, written another way, opens from the card.
  await expect(card.getByRole('region', { name: 'Живут по тому же адресу' })).toContainText('Ёлкин Пётр');

  await card.getByRole('button', { name: 'Изменить' }).click();
  const form = page.getByRole('dialog');
  await form.getByRole('button', { name: 'Добавить адрес' }).click();
  await form.getByLabel('Эл. почта 2', { exact: true }).fill('m.elkina@school5.ru');
  await form.getByRole('button', { name: 'Добавить ссылку' }).click();
  // A malformed Telegram name is refused under its input, before anything is sent.
  await form.getByLabel('Telegram', { exact: true }).fill('@ab');
  await form.getByLabel('Участок').selectOption('№ 2');
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form.locator('#contact-form-socials-0-handle-error')).toContainText('Это не имя в Telegram');
  await form.getByLabel('Telegram', { exact: true }).fill('https://t.me/Elkina_M');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('form-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await expect(form).toBeHidden();
  await expect(card).toContainText('m.elkina@school5.ru (рабочая)');

  // After a reload the card reads them back from the database.
  await page.reload();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await grid.getByRole('row').filter({ hasText: 'Ёлкина Майя' }).dblclick();
  card = page.getByRole('complementary', { name: 'Ёлкина Майя' });
  await expect(card).toContainText('maya@example.ru (личная), m.elkina@school5.ru (рабочая)');
  await expect(card).toContainText('Telegram: @elkina_m');
  await expect(card).toContainText('Участок№ 2');
  await page.screenshot({ path: test.info().outputPath('card-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('card-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await card.getByRole('button', { name: 'Ёлкин Пётр' }).click();
  await expect(page.getByRole('complementary', { name: 'Ёлкин Пётр' })).toBeVisible();

  // A filter by the field: counted live, then shown in the list.
  await expect(page.getByTestId('contacts-count')).toHaveText('3 контакта');
  await page.getByRole('tab', { name: 'Сегменты' }).click();
  await page.getByRole('button', { name: 'Условие по полю' }).click();
  const cond = page.getByRole('group', { name: 'Поле приёмной 1' });
  await cond.getByLabel('Поле приёмной 1: название').selectOption({ label: 'Участок' });
  await cond.getByLabel('Поле приёмной 1: значение').selectOption(['№ 2', '№ 3']);
  await expect(page.getByTestId('segment-count')).toContainText('1 контакт');
  await page.screenshot({ path: test.info().outputPath('segments-1366.png') });
  await page.getByRole('button', { name: 'Показать в списке' }).click();
  await expect(page.getByTestId('contacts-count')).toHaveText('1 контакт');
  await expect(grid).toContainText('Ёлкина Майя');
  await expect(grid).not.toContainText('Смирнов');
});
