import { expect, signIn, test } from './fixtures';

test('the form warns when the registration is later than three days after receipt', async ({ app, page }) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-registeredOn').fill('17.02.2026');
  await page.locator('#reg-receivedOn').fill('12.02.2026');
  const late = page.getByTestId('registered-late');
  await expect(late).toHaveText(
    'Регистрация позже трёх дней с поступления (ч. 2 ст. 8 59-ФЗ): зарегистрировать нужно было до 16.02.2026',
  );
  await page.locator('#reg-receivedOn').fill('14.02.2026');
  await expect(page.getByTestId('control-date')).toBeVisible();
  await expect(late).toHaveCount(0);
});
