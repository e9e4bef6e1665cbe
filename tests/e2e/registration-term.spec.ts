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

test('the registry shows the appeals registered late on the production calendar', async ({ app, page }) => {
  await app.setUp();
  // Received Friday 20.02.2026: the third day is Monday 23.02, a holiday, so the term runs to 24.02.
  for (const registeredOn of ['2026-02-24', '2026-02-25'])
    await app.call('appeals.register', {
      receivedOn: '2026-02-20',
      registeredOn,
      channel: 'post',
      kind: 'application',
      summary: `Зарегистрировано ${registeredOn}`,
      applicant: {
        lastName: 'Орлова',
        firstName: 'Ирина',
        phone: `+7 900 222-33-4${registeredOn.slice(-1)}`,
        forceNew: true,
      },
    });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  const grid = page.getByRole('grid', { name: 'Реестр обращений' });
  await expect(page.getByTestId('registry-count')).toHaveText(/Всего: 2 обращения/);
  await page.locator('#flt-registeredLate').check();
  await expect(page.getByTestId('registry-count')).toHaveText(/Найдено: 1 обращение/);
  await expect(grid).toContainText('Зарегистрировано 2026-02-25');
  await expect(grid).not.toContainText('Зарегистрировано 2026-02-24');
});
