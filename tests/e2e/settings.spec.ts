import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

test.beforeEach(async ({ app }) => {
  await app.setUp();
});

test('the administrator changes the office and adds a user', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Приёмная');
  await expect(page.getByRole('heading', { name: 'Настройки' })).toBeVisible();
  // The section is in the route: a reload keeps it.
  await expect(page).toHaveURL(/#\/settings\?section=office$/);
  await expect(page.getByLabel('Код')).toHaveValue('ИВН');
  await page.getByLabel('Название').fill('Приёмная депутата Иванова (Лесной округ)');
  await page.getByLabel('Часовой пояс').selectOption('Asia/Yekaterinburg');
  await page.getByLabel('переносить').selectOption('next');
  await page.getByLabel('Формат регистрационного номера').fill('КОД/ГГ/NNNN');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Настройки сохранены.')).toBeVisible();
  await expect(page.locator('.sidebar')).toContainText('Приёмная депутата Иванова (Лесной округ)');
  const office = await app.call('office.get', {});
  expect(office).toMatchObject({
    timeZone: 'Asia/Yekaterinburg',
    deadlineShift: 'next',
    regNumberFormat: 'КОД/ГГ/NNNN',
  });

  // A bad format is refused at its field, with the reason.
  const formatError = async (format: string) => {
    await page.getByLabel('Формат регистрационного номера').fill(format);
    await page
      .locator('form[aria-labelledby="office-title"]')
      .getByRole('button', { name: /Сохранить/ })
      .click();
    return page.locator('#office-regNumberFormat-error');
  };
  await expect(await formatError('КОД-ГГГГ')).toHaveText('Формат должен содержать N… для порядкового номера');
  // АРМ glued to the sequence: two computers' numbers could read the same.
  await expect(await formatError('КОД-ГГГГ-АРМNNNNN')).toContainText(
    'иначе номера разных рабочих мест могут совпасть',
  );

  // The workflow's stage limits: the review stage gets 4 working days.
  await openSettings(page, 'Сроки этапов');
  const limits = page.locator('form[aria-labelledby="workflow-title"]');
  await limits.getByLabel('Рассмотрение и выбор направления').fill('4');
  await limits.getByRole('button', { name: /Сохранить/ }).click();
  await expect(limits.getByText('Сроки сохранены.')).toBeVisible();
  expect((await app.call('office.get', {})).stageLimits.review).toBe(4);

  await openSettings(page, 'Сотрудники');
  const users = page.getByRole('region', { name: 'Сотрудники' });
  await users.getByLabel('Логин').fill('kozlova');
  await users.getByLabel('ФИО').fill('Козлова Дарья Андреевна');
  await users.getByRole('combobox', { name: 'Роль' }).selectOption({ label: 'Помощник' });
  await users.getByLabel('Пароль').fill('short');
  await users.getByRole('button', { name: 'Добавить сотрудника' }).click();
  await expect(page.locator('#user-password-error')).toHaveText('Не короче 8 символов');
  await users.getByLabel('Пароль').fill('assistant-pass-1');
  await users.getByRole('button', { name: 'Добавить сотрудника' }).click();
  await expect(users.getByText('Сотрудник Козлова Дарья Андреевна добавлен.')).toBeVisible();
  await expect(users.getByRole('row', { name: /Козлова Дарья Андреевна kozlova Помощник/ })).toBeVisible();
});

test('an assistant sees the settings read-only', async ({ app, page }) => {
  await app.call('users.create', {
    login: 'kozlova',
    fullName: 'Козлова Дарья Андреевна',
    role: 'assistant',
    password: 'assistant-pass-1',
  });
  await app.open(page);
  await signIn(page, 'kozlova', 'assistant-pass-1');
  await openSettings(page, 'Приёмная');
  await expect(
    page.getByText('Изменять настройки могут администратор и руководитель приёмной.'),
  ).toBeVisible();
  await expect(page.getByLabel('Название')).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Часовой пояс')).toBeDisabled();
  await expect(page.getByRole('button', { name: /Сохранить/ })).toHaveCount(0);
  await openSettings(page, 'Сотрудники');
  await expect(page.getByRole('region', { name: 'Сотрудники' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Добавить сотрудника' })).toHaveCount(0);
});
