import { expect, signIn, test } from './fixtures';
import { seedReturningApplicant } from './seed';

/** An applicant already in the contacts, with one appeal. */
test.beforeEach(async ({ app }) => {
  await app.setUp();
  await seedReturningApplicant(app);
});

test('the applicant is found while typing and chosen with the keyboard', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  const phone = page.locator('#reg-phone');
  await phone.focus();
  await page.keyboard.type('+7 916 204 11 35');
  const list = page.getByRole('listbox', { name: 'Похожие контакты' });
  const option = list.getByRole('option', { name: /Кузнецов Андрей Викторович/ });
  await expect(option).toContainText('совпал телефон');
  await expect(option).toContainText('1 обращение');
  await expect(phone).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Заявитель — существующий контакт: Кузнецов Андрей Викторович')).toBeVisible();
  await expect(page.locator('#reg-lastName')).toHaveValue('Кузнецов');
  await expect(page.locator('#reg-address')).toHaveValue('г. Москва, ул. Лесная, д. 7, кв. 3');

  await page.locator('#reg-summary').fill('Снова не вывозится мусор');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toContainText('№ ИВН-2026-00002');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Заявитель' })).toContainText('Кузнецов Андрей Викторович');
  const lookup = await app.call('contacts.lookup', { phone: '89162041135' });
  expect(lookup).toHaveLength(1);
  expect(lookup[0]?.appealsCount).toBe(2);
});

test('a strong match found at save time asks who it is; "another person" makes a new contact', async ({
  app,
  page,
}) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-lastName').fill('Кузнецова');
  await page.locator('#reg-firstName').fill('Мария');
  await page.locator('#reg-phone').fill('8-916-204-11-35');
  await page.locator('#reg-summary').fill('Просьба о ремонте подъезда');
  // Esc closes the suggestions without choosing: the assistant saves as typed.
  await expect(page.getByRole('listbox', { name: 'Похожие контакты' })).toBeVisible();
  await page.locator('#reg-phone').press('Escape');
  await expect(page.getByRole('listbox', { name: 'Похожие контакты' })).toBeHidden();
  await page.keyboard.press('Control+Enter');

  const dialog = page.getByRole('alertdialog', { name: 'Этот заявитель, возможно, уже есть в контактах' });
  await expect(dialog).toContainText('Кузнецов Андрей Викторович');
  await expect(dialog).toContainText('совпал телефон');
  await expect(dialog.getByRole('button', { name: 'Это он(а)' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Это другой человек — создать новый контакт' }).click();
  await expect(page.getByTestId('saved')).toContainText('№ ИВН-2026-00002');
  const lookup = await app.call('contacts.lookup', { phone: '89162041135' });
  expect(lookup.map((c) => c.fullName).sort()).toEqual(['Кузнецов Андрей Викторович', 'Кузнецова Мария']);
});

test('choosing the match in the dialog registers the appeal to that contact', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-phone').fill('89162041135');
  await expect(page.getByRole('listbox', { name: 'Похожие контакты' })).toBeVisible();
  await page.locator('#reg-phone').press('Escape');
  await page.locator('#reg-summary').fill('Опять мусор');
  await page.keyboard.press('Control+Enter');
  const dialog = page.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'Это он(а)' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('saved')).toContainText('№ ИВН-2026-00002');
  const lookup = await app.call('contacts.lookup', { phone: '89162041135' });
  expect(lookup).toHaveLength(1);
  expect(lookup[0]?.appealsCount).toBe(2);
});
