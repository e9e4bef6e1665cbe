import { expect, signIn, test } from './fixtures';

/**
 * The classifier picker, keyboard only: words in another form find the question through its path, ↓ and
 * Enter pick it, a code adds a second, Backspace takes the last one off; the card and the registry name them.
 */
test('type «мусор», pick the question with the keyboard, add a second by code, save; card and registry show names', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-lastName').fill('Громова');
  await page.locator('#reg-firstName').fill('Вера');
  await page.locator('#reg-address').fill('г. Москва, ул. Заводская, д. 3');
  await page.locator('#reg-summary').fill('Не вывозят мусор со двора');

  const picker = page.locator('#reg-topics');
  await picker.focus();
  await page.keyboard.type('мусор');
  const list = page.getByRole('listbox', { name: 'Вопросы по классификатору' });
  const tko = list.getByRole('option', { name: /Обращение с твердыми коммунальными отходами/ });
  await expect(tko).toContainText('Жилищно-коммунальная сфера → Жилище → Коммунальное хозяйство');
  // ↓ until the solid waste question is the active one, then Enter
  for (let i = 0; i < 12 && (await tko.getAttribute('aria-selected')) !== 'true'; i++)
    await page.keyboard.press('ArrowDown');
  await expect(tko).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const chips = page.getByTestId('reg-topics-picker').locator('.picker__chip');
  await expect(chips).toHaveCount(1);
  await expect(chips.first()).toContainText('Обращение с твердыми коммунальными отходами');

  // a second by its code; a third added and taken off again with Backspace
  await page.keyboard.type('0005.0005.0056.1161');
  await expect(list.getByRole('option').first()).toContainText('Несанкционированная свалка мусора');
  await page.keyboard.press('Enter');
  await page.keyboard.type('перебои теплоснабжения');
  await expect(list.getByRole('option').first()).toContainText('Перебои в теплоснабжении');
  await page.keyboard.press('Enter');
  await expect(chips).toHaveCount(3);
  await page.keyboard.press('Backspace');
  await expect(chips).toHaveCount(2);
  await expect(picker).toBeFocused();

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toContainText('Обращение зарегистрировано');
  const [row] = (await app.call('appeals.list', { limit: 5 })).rows;
  expect(row!.topics).toEqual(['0005.0005.0056.1160', '0005.0005.0056.1161']);

  await page.keyboard.press('Enter');
  const card = page.getByRole('article');
  await expect(card).toContainText('Обращение с твердыми коммунальными отходами (0005.0005.0056.1160)');
  await expect(card).toContainText('Несанкционированная свалка мусора, биоотходы (0005.0005.0056.1161)');

  // The card editor: the same picker; a third question added by word, then saved; the history names them.
  await page.keyboard.press('F2');
  await page.locator('#edit-topics').focus();
  await page.keyboard.type('уборка снега');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Уборка снега');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();
  const change = page.getByRole('region', { name: 'История' }).locator('.timeline__changes li');
  await expect(change.filter({ hasText: 'Вопросы по классификатору' })).toContainText(
    'Уборка снега, опавших листьев, мусора и посторонних предметов (0003.0009.0097.0694)',
  );
  expect((await app.call('appeals.get', { id: row!.id })).topics).toEqual([
    '0005.0005.0056.1160',
    '0005.0005.0056.1161',
    '0003.0009.0097.0694',
  ]);

  await page.keyboard.press('Alt+1');
  const grid = page.getByRole('grid');
  await expect(grid.getByRole('row').filter({ hasText: 'Громова' })).toContainText(
    'Обращение с твердыми коммунальными отходами +2',
  );
  // the filter by a topic of the classifier (any level), picked the same way
  await page.locator('#flt-topic').focus();
  await page.keyboard.type('коммунальное хозяйство');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Коммунальное хозяйство');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flt-topic-picker')).toContainText('Коммунальное хозяйство');
  await expect(grid.getByRole('row').filter({ hasText: 'Громова' })).toBeVisible();
  await page.screenshot({ path: '/tmp/classifier-registry-1366.png' });
});
