import { expect, signIn, test } from './fixtures';

test.beforeEach(async ({ app, page }) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
});

test('Art. 11 part 1 gaps are warned about inline and do not block the save', async ({ page }) => {
  await page.locator('#reg-channel').selectOption('email');
  await page.locator('#reg-firstName').fill('Иван');
  await page.locator('#reg-address').fill('г. Москва, ул. Садовая, д. 1');
  await page.locator('#reg-summary').fill('Жалоба на шум');
  const warnings = page.locator('#reg-warnings');
  await expect(warnings).toContainText('Не указана фамилия заявителя');
  // An e-mail appeal without an e-mail still has the postal address to answer to.
  await expect(warnings).not.toContainText('Нет адреса для ответа');
  await page.locator('#reg-address').fill('');
  await expect(warnings).toContainText('Нет адреса для ответа');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toContainText('Обращение зарегистрировано');
  await page.keyboard.press('Enter');
  const card = page.getByRole('article');
  await expect(card).toContainText('Не указана фамилия заявителя');
  await expect(card).toContainText('Нет адреса для ответа');
});

test('server validation errors appear at their fields, and nothing is saved', async ({ app, page }) => {
  await page.locator('#reg-registeredOn').fill('13.02.2026');
  await page.locator('#reg-receivedOn').fill('14.02.2026');
  await page.locator('#reg-lastName').fill('Петров');
  await page.keyboard.press('Control+Enter');
  // The summary is required: the server names the field, the form marks it and moves the cursor there.
  const summary = page.locator('#reg-summary');
  await expect(summary).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#reg-summary-error')).toHaveText('Обязательное поле');
  await expect(summary).toBeFocused();

  await summary.fill('Ремонт дороги');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#reg-receivedOn-error')).toHaveText(
    'Дата поступления не может быть позже регистрации',
  );
  await expect(page.locator('#reg-receivedOn')).toBeFocused();
  expect((await app.call('appeals.count', {})).count).toBe(0);

  // A date that is not a date is caught before the server.
  await page.locator('#reg-receivedOn').fill('31.02.2026');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#reg-receivedOn-error')).toHaveText('Введите дату как ДД.ММ.ГГГГ');

  await page.locator('#reg-receivedOn').fill('12.02.2026');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toContainText('№ ИВН-2026-00001');
  // "Register another" keeps the date and channel of the pile and clears the rest.
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('#reg-registeredOn')).toBeFocused();
  await expect(page.locator('#reg-registeredOn')).toHaveValue('13.02.2026');
  await expect(page.locator('#reg-summary')).toHaveValue('');
});

test('a migration report gets the 20-day term in the preview', async ({ page }) => {
  await page.locator('#reg-registeredOn').fill('02.03.2026');
  await expect(page.getByTestId('control-date')).toHaveText('Контрольная дата: 01.04.2026');
  await page.locator('#reg-kind').selectOption('migration_report');
  await expect(page.getByTestId('control-date')).toHaveText('Контрольная дата: 20.03.2026');
});
