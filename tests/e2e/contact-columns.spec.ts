import { expect, signIn, test } from './fixtures';

test('the office’s fields as columns of the contact list: chosen under «Столбцы», kept after a reload', async ({
  app,
  page,
}) => {
  await app.setUp();
  const plot = (
    await app.call('contactFields.save', { name: 'Участок', type: 'list', options: ['№ 1', '№ 2'] })
  ).find((d) => d.name === 'Участок')!;
  const sign = (await app.call('contactFields.save', { name: 'Подписей', type: 'number' })).find(
    (d) => d.name === 'Подписей',
  )!;
  await app.call('contactFields.save', { name: 'Встреча', type: 'date' });
  await app.call('contacts.create', {
    lastName: 'Ёлкина',
    firstName: 'Майя',
    phones: ['+7 999 123-45-67'],
    fieldValues: { [plot.id]: '№ 2', [sign.id]: 12.5 },
  });
  await app.call('contacts.create', { lastName: 'Смирнов', firstName: 'Олег', phones: ['89997654321'] });
  await app.open(page);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  const grid = page.getByRole('grid', { name: 'Контакты' });
  await expect(grid.getByRole('columnheader')).toHaveCount(6);

  await page.getByRole('button', { name: 'Столбцы' }).click();
  const chooser = page.getByRole('dialog', { name: 'Поля приёмной в списке' });
  await chooser.getByLabel('Участок').check();
  await chooser.getByLabel('Подписей').check();
  await page.screenshot({ path: test.info().outputPath('columns-chooser-1366.png') });
  await chooser.press('Escape');
  await expect(chooser).toBeHidden();

  await expect(grid.getByRole('columnheader')).toHaveText([
    'ФИО',
    'Телефоны',
    'Адрес',
    'Район',
    'Статусы',
    'Метки',
    'Участок',
    'Подписей',
  ]);
  const elkina = grid.getByRole('row').filter({ hasText: 'Ёлкина Майя' });
  await expect(elkina.getByRole('gridcell').nth(6)).toHaveText('№ 2');
  await expect(elkina.getByRole('gridcell').nth(7)).toHaveText('12,5');
  await expect(
    grid.getByRole('row').filter({ hasText: 'Смирнов Олег' }).getByRole('gridcell').nth(6),
  ).toHaveText('—');
  await page.screenshot({ path: test.info().outputPath('columns-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.screenshot({ path: test.info().outputPath('columns-1024.png') });

  // After a reload the same columns are there; one taken away goes.
  await page.reload();
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Контакты' }).click();
  await expect(grid.getByRole('columnheader')).toHaveCount(8);
  await page.getByRole('button', { name: 'Столбцы' }).click();
  await page.getByRole('dialog', { name: 'Поля приёмной в списке' }).getByLabel('Участок').uncheck();
  await expect(grid.getByRole('columnheader')).toHaveCount(7);
  await expect(grid.getByRole('columnheader').last()).toHaveText('Подписей');
});
