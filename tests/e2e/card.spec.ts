import { ADMIN, expect, signIn, test } from './fixtures';

let appealId = '';

test.beforeEach(async ({ app }) => {
  await app.setUp();
  const card = await app.call('appeals.register', {
    registeredOn: '2026-03-02',
    channel: 'post',
    kind: 'application',
    summary: 'Ремонт дороги к поликлинике',
    topics: ['0003.0009'],
    onControl: true,
    applicant: { lastName: 'Фёдорова', firstName: 'Галина', address: 'г. Москва, ул. Школьная, д. 9' },
  });
  appealId = card.id;
});

test('the card is edited with F2 and Ctrl+Enter; the history shows old → new', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Фёдорова' }).dblclick();
  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
  await expect(page.getByTestId('card-due-date')).toHaveText(/^01\.04\.2026/);

  await page.keyboard.press('F2');
  await expect(page.getByLabel('Дата поступления')).toBeFocused();
  await page.getByLabel('Краткое содержание').fill('Ремонт дороги и тротуара к поликлинике');
  await page.getByLabel('Вид обращения').selectOption({ label: 'Жалоба' });
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Изменения сохранены.')).toBeVisible();

  const history = page.getByRole('region', { name: 'История' });
  const change = history.locator('.timeline__changes li');
  await expect(change.filter({ hasText: 'Краткое содержание' })).toHaveText(
    /Ремонт дороги к поликлинике\s*→.*Ремонт дороги и тротуара к поликлинике/,
  );
  await expect(change.filter({ hasText: 'Вид обращения' })).toHaveText(/Заявление\s*→.*Жалоба/);
  await expect(history).toContainText(ADMIN.fullName);
  // What was not touched stays as it was.
  await expect(change).toHaveCount(2);
  const card = await app.call('appeals.get', { id: appealId });
  expect(card.topics).toEqual(['0003.0009']);
  expect(card.onControl).toBe(true);
});

test('an edit over someone else’s newer change is refused with a reload offer', async ({ app, page }) => {
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: 'Фёдорова' }).dblclick();
  await page.getByRole('button', { name: /Изменить/ }).click();
  await page.getByLabel('Номер дела').fill('05-01');

  const current = await app.call('appeals.get', { id: appealId });
  await app.call('appeals.update', { id: appealId, version: current.version, patch: { caseFile: '07-77' } });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByText(/Карточку уже изменил другой сотрудник/)).toBeVisible();
  await page.getByRole('button', { name: 'Обновить' }).first().click();
  await expect(page.getByRole('region', { name: 'Исполнение' })).toContainText('07-77');
});

test('a role that may not edit sees the card read-only', async ({ app, page }) => {
  await app.call('users.create', {
    login: 'analyst',
    fullName: 'Аналитик Анна',
    role: 'hq_analyst',
    password: 'analyst-pass-1',
  });
  await app.open(page);
  await signIn(page, 'analyst', 'analyst-pass-1');
  await page.keyboard.press('Alt+1');
  // Enter opens the row under the cursor: the row must have arrived before the key is pressed.
  await expect(page.getByRole('grid').getByRole('row').filter({ hasText: 'Фёдорова' })).toBeVisible();
  await page.getByRole('grid').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Обращение № ИВН-2026-00001' })).toBeVisible();
  await expect(page.getByText('Ваша роль позволяет только просматривать карточку.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Изменить/ })).toHaveCount(0);
  await page.keyboard.press('F2');
  await expect(page.getByRole('form')).toHaveCount(0);
});
