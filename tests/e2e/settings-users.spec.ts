import type { Page } from '@playwright/test';
import { ADMIN, expect, signIn, test, type App } from './fixtures';
import { openSettings } from './settings-nav';

const KOZLOVA = { login: 'kozlova', fullName: 'Козлова Дарья Андреевна', password: 'assistant-pass-1' };
const EGOROV = { login: 'egorov', fullName: 'Егоров Максим Олегович', password: 'assistant-pass-2' };

test.beforeEach(async ({ app }) => {
  await app.setUp();
  for (const u of [KOZLOVA, EGOROV]) await app.call('users.create', { ...u, role: 'assistant' });
});

const usersRegion = (page: Page) => page.getByRole('region', { name: 'Сотрудники' });
const rowOf = (page: Page, name: string) => usersRegion(page).getByRole('row').filter({ hasText: name });

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Выйти' }).click();
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
}

test('the administrator changes a role, switches a user off and sets a new password', async ({
  app,
  page,
}) => {
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Сотрудники');
  const users = usersRegion(page);
  const notice = users.locator('.live').first();

  // A role is chosen, then applied.
  const kozlova = rowOf(page, KOZLOVA.fullName);
  const apply = kozlova.getByRole('button', { name: 'Сменить роль' });
  await expect(apply).toBeDisabled();
  await kozlova
    .getByRole('combobox', { name: KOZLOVA.fullName })
    .selectOption({ label: 'Руководитель приёмной' });
  await apply.click();
  await expect(notice).toHaveText('Козлова Дарья Андреевна: роль изменена на «Руководитель приёмной».');
  await expect(kozlova).toContainText(/kozlova\s*Руководитель приёмной\s*да/);
  await expect(apply).toBeDisabled();

  // The administrator cannot switch themselves off: the server's refusal is shown.
  await rowOf(page, ADMIN.fullName).getByRole('button', { name: 'Отключить' }).click();
  await expect(notice).toHaveText(
    'Сейчас это действие невозможно. Администратор не может лишить себя доступа',
  );

  const egorov = rowOf(page, EGOROV.fullName);
  await egorov.getByRole('button', { name: 'Отключить' }).click();
  await expect(notice).toHaveText(
    'Доступ сотрудника Егоров Максим Олегович отключён: войти он больше не сможет.',
  );
  await expect(egorov).toContainText(/Помощник\s*нет/);
  await expect(egorov.getByRole('button', { name: 'Включить' })).toBeVisible();

  // A new password, typed twice; a mismatch and a short one are refused at their fields; Escape cancels.
  await kozlova.getByRole('button', { name: 'Сменить пароль' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новый пароль: Козлова Дарья Андреевна' });
  await expect(dialog.getByLabel('Новый пароль', { exact: true })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  await kozlova.getByRole('button', { name: 'Сменить пароль' }).click();
  await dialog.getByLabel('Новый пароль', { exact: true }).fill('novyi-parol-9');
  await dialog.getByLabel('Новый пароль ещё раз').fill('novyi-parol-8');
  await dialog.getByRole('button', { name: 'Сменить пароль' }).click();
  await expect(dialog.locator('#reset-repeat-error')).toHaveText('Пароли не совпадают');
  await dialog.getByLabel('Новый пароль', { exact: true }).fill('short');
  await dialog.getByLabel('Новый пароль ещё раз').fill('short');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('#reset-password-error')).toHaveText('Не короче 8 символов');
  await dialog.getByLabel('Новый пароль', { exact: true }).fill('novyi-parol-9');
  await dialog.getByLabel('Новый пароль ещё раз').fill('novyi-parol-9');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(notice).toHaveText('Пароль сотрудника Козлова Дарья Андреевна изменён.');

  // The switched-off user cannot sign in; the other signs in with the new password, in the new role.
  await signOut(page);
  await page.getByLabel('Логин').fill(EGOROV.login);
  await page.getByLabel('Пароль').fill(EGOROV.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.locator('#signin-error')).toHaveText('Неверный логин или пароль');

  await page.getByLabel('Логин').fill(KOZLOVA.login);
  await page.getByLabel('Пароль').fill(KOZLOVA.password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.locator('#signin-error')).toHaveText('Неверный логин или пароль');
  await signIn(page, KOZLOVA.login, 'novyi-parol-9');
  await expect(page.locator('.sidebar')).toContainText('Руководитель приёмной');

  const list = await app.call('users.list', { includeInactive: true });
  expect(list.find((u) => u.login === EGOROV.login)).toMatchObject({ active: false, role: 'assistant' });
  expect(list.find((u) => u.login === KOZLOVA.login)).toMatchObject({ active: true, role: 'office_head' });
});

test('an office head adds users but cannot change them', async ({ app, page }) => {
  await app.call('users.update', { id: await idOf(app, KOZLOVA.login), role: 'office_head' });
  await app.open(page);
  await signIn(page, KOZLOVA.login, KOZLOVA.password);
  await openSettings(page, 'Сотрудники');
  const users = usersRegion(page);
  await expect(rowOf(page, EGOROV.fullName)).toContainText(/egorov\s*Помощник\s*да/);
  await expect(users.getByRole('columnheader', { name: 'Действия' })).toHaveCount(0);
  await expect(users.getByRole('button', { name: /Сменить роль|Отключить|Сменить пароль/ })).toHaveCount(0);
  await expect(users.getByRole('button', { name: 'Добавить сотрудника' })).toBeVisible();
});

async function idOf(app: App, login: string): Promise<string> {
  const users = await app.call('users.list', {});
  const user = users.find((u) => u.login === login);
  if (!user) throw new Error(`no user ${login}`);
  return user.id;
}
