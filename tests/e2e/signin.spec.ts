import { ADMIN, expect, OFFICE, signIn, test } from './fixtures';

test.beforeEach(async ({ app }) => {
  await app.setUp();
});

test('a wrong password is refused, and repeated failures lock the login', async ({ app, page }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await page.getByLabel('Логин').fill(ADMIN.login);
  const password = page.getByLabel('Пароль');
  for (let i = 1; i <= 4; i++) {
    await password.fill(`wrong-${i}`);
    await password.press('Enter');
    await expect(page.locator('#signin-error')).toHaveText('Неверный логин или пароль');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveValue('');
  }
  await password.fill('wrong-5');
  await password.press('Enter');
  await expect(page.locator('#signin-error')).toHaveText('Неверный логин или пароль');
  // The lock is now on: even the right password is refused, with the time it lifts.
  await password.fill(ADMIN.password);
  await password.press('Enter');
  await expect(page.locator('#signin-error')).toHaveText(
    /^Слишком много неудачных попыток\. Вход заблокирован до \d\d\.\d\d\.\d{4} \d\d:\d\d\.$/,
  );
});

test('the session survives a reload of the tab and ends with sign-out', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await expect(page.locator('.sidebar')).toContainText(OFFICE.name);
  await expect(page.getByTestId('home')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('home')).toBeVisible();
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await expect(page.getByLabel('Логин')).toHaveValue(ADMIN.login);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
});

test('every section opens from the keyboard and from the navigation', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+5');
  await expect(page.getByRole('heading', { name: 'Контакты', level: 1 })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Разделы' });
  await expect(nav.getByRole('button', { name: 'Контакты' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('button', { name: 'Отчёты' }).click();
  await expect(nav.getByRole('button', { name: 'Отчёты' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('button', { name: 'Контакты' }).click();
  await expect(page.getByRole('heading', { name: 'Контакты', level: 1 })).toBeVisible();
  await expect(nav.getByRole('button', { name: 'Контакты' })).toHaveAttribute('aria-current', 'page');
});
