import { expect, signIn, test } from './fixtures';

test('a required field of the office: a new contact is not saved without it, the field says why', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.call('contactFields.save', {
    name: 'Участок',
    type: 'list',
    options: ['№ 1', '№ 2'],
    required: true,
  });
  await app.open(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await page.getByRole('button', { name: 'Новый контакт' }).click();
  const form = page.getByRole('dialog', { name: 'Новый контакт' });
  await form.getByLabel('Фамилия').fill('Кузнецова');
  await form.getByRole('textbox', { name: 'Телефон 1' }).fill('8 903 111-22-33');
  await form.getByRole('button', { name: 'Создать' }).click();
  const plot = form.getByLabel('Участок (обязательное)');
  await expect(plot).toBeFocused();
  await expect(form).toContainText('Заполните это поле');
  await page.screenshot({ path: test.info().outputPath('required-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('required-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  expect((await app.call('contacts.count', { filter: {} })).count).toBe(0);

  await plot.selectOption('№ 2');
  await form.getByRole('button', { name: 'Создать' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('complementary', { name: 'Кузнецова' })).toContainText('Участок№ 2');
});
