import { expect, signIn, test } from './fixtures';

/**
 * The Журнал доступа answers "who opened this person's card": an assistant opens a contact's card, and
 * the office head finds that access by filtering the journal by the contact.
 */
test('an assistant opens a contact’s card; the office head finds it in the Журнал доступа', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.call('users.create', {
    login: 'asst',
    fullName: 'Помощникова Анна Сергеевна',
    role: 'assistant',
    password: 'asst-pass-12',
  });
  await app.call('users.create', {
    login: 'head',
    fullName: 'Начальникова Вера Павловна',
    role: 'office_head',
    password: 'head-pass-12',
  });
  await app.call('contacts.create', {
    lastName: 'Ёлкина',
    firstName: 'Майя',
    phones: ['+7 916 000 11 22'],
    address: 'г. Тверь, ул. Советская, д. 5',
  });
  await app.call('contacts.create', { lastName: 'Орлова', firstName: 'Анна', phones: ['9161112233'] });

  // The assistant opens the card, and has no Журнал доступа in her menu.
  await app.open(page);
  await signIn(page, 'asst', 'asst-pass-12');
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await expect(nav.getByRole('button', { name: 'Журнал доступа' })).toHaveCount(0);
  await nav.getByRole('button', { name: 'Контакты' }).click();
  await page
    .getByRole('grid', { name: 'Контакты' })
    .getByRole('row')
    .filter({ hasText: 'Ёлкина' })
    .dblclick();
  await expect(page.getByRole('complementary', { name: 'Ёлкина Майя' })).toContainText('+79160001122');
  await page.getByRole('button', { name: 'Выйти' }).click();

  // The office head: Alt+9 opens the journal; the filter by the contact shows the access.
  await signIn(page, 'head', 'head-pass-12');
  await page.keyboard.press('Alt+9');
  await expect(page.getByRole('heading', { name: 'Журнал доступа' })).toBeVisible();
  const contact = page.getByLabel('Контакт', { exact: true });
  await contact.fill('Ёлкина');
  await expect(page.locator('#audit-contact-options option')).toHaveCount(1);
  await contact.fill('Ёлкина Майя, г. Тверь, ул. Советская, д. 5');
  await expect(page.getByTestId('audit-contact-chip')).toContainText('Ёлкина Майя');
  const grid = page.getByRole('grid', { name: 'Записи журнала доступа' });
  const opened = grid.getByRole('row').filter({ hasText: 'Открыта карточка контакта' });
  await expect(opened).toHaveCount(1);
  await expect(opened).toContainText('Помощникова Анна Сергеевна');
  await expect(opened).toContainText('Контакт Ёлкина Майя');
  // The time is the office's, 24-hour: ДД.ММ.ГГГГ ЧЧ:ММ:СС.
  await expect(opened.getByRole('gridcell').first()).toHaveText(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/);
  // Nothing about the other person.
  await expect(grid).not.toContainText('Орлова');

  // The office head's own search is in the journal too, about the same person.
  const rows = await app.call('audit.list', { actions: ['audit.list'] }, 'head');
  expect(rows.rows.some((r) => r.subject?.label === 'Ёлкина Майя')).toBe(true);

  // «Выгрузить»: the file comes, and the export is recorded.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Выгрузить' }).click();
  expect((await download).suggestedFilename()).toMatch(/^audit-.*\.xlsx$/);
  // The entries about her: the card made, the card opened, and the office head's search itself.
  await expect(page.getByText('Выгружено записей: 3')).toBeVisible();

  // From the person's card: the journal opens filtered by her.
  await page.getByRole('button', { name: 'Сбросить' }).click();
  await expect(page.getByTestId('audit-contact-chip')).toHaveCount(0);
  await nav.getByRole('button', { name: 'Контакты' }).click();
  await page
    .getByRole('grid', { name: 'Контакты' })
    .getByRole('row')
    .filter({ hasText: 'Орлова' })
    .dblclick();
  await page
    .getByRole('complementary', { name: 'Орлова Анна' })
    .getByRole('button', { name: 'Журнал доступа' })
    .click();
  await expect(page.getByTestId('audit-contact-chip')).toContainText('Орлова Анна');
  await expect(grid.getByRole('row').filter({ hasText: 'Открыта карточка контакта' })).toContainText(
    'Начальникова Вера Павловна',
  );

  if (process.env.AUDIT_SHOTS) {
    for (const [w, h] of [
      [1366, 768],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByRole('button', { name: 'Сбросить' }).isVisible();
      await page.screenshot({ path: `/tmp/audit-${w}.png` });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  }
});

test('from an appeal’s card to its entries and back, by keyboard', async ({ app, page }) => {
  await app.setUp();
  const appeal = await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'complaint',
    summary: 'Не вывозят мусор',
    applicant: { lastName: 'Кузнецова', firstName: 'Анна', address: 'г. Москва, ул. Лесная, д. 3' },
  });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Кузнецова' }).dblclick();
  const title = page.getByRole('heading', { name: `Обращение № ${appeal.regNumber}` });
  await expect(title).toBeVisible();
  await page.getByRole('main').getByRole('button', { name: 'Журнал доступа' }).click();

  await expect(page.getByTestId('audit-appeal-chip')).toContainText(appeal.regNumber);
  const grid = page.getByRole('grid', { name: 'Записи журнала доступа' });
  await expect(grid.getByRole('row').filter({ hasText: 'Открыта карточка обращения' })).toContainText(
    'Смирнова Ольга Петровна',
  );
  await expect(grid.getByRole('row').filter({ hasText: 'Зарегистрировано обращение' })).toHaveCount(1);
  // Enter opens what the selected entry is about; Esc comes back to the same filter.
  await grid.focus();
  await page.keyboard.press('Enter');
  await expect(title).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('audit-appeal-chip')).toContainText(appeal.regNumber);
});
