import { expect, signIn, test } from './fixtures';

/**
 * A workflow step refused for an empty field names the field as the dialog labels it — a resolution's
 * text is «Текст резолюции», not the appeal's «Текст обращения» — says it where it is announced, and
 * puts the cursor on it.
 */
const DEPUTY = { login: 'ivanov', fullName: 'Иванов Иван Иванович', password: 'deputy-pass-1' };

test('an empty resolution is refused naming «Текст резолюции», with the cursor on it', async ({
  app,
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.setUp();
  await app.call('users.create', { ...DEPUTY, role: 'deputy' });
  const card = await app.call('appeals.register', {
    channel: 'post',
    kind: 'complaint',
    summary: 'Не работает уличное освещение',
    applicant: { lastName: 'Орлова', firstName: 'Мария', address: 'г. Москва, ул. Садовая, д. 1' },
  });
  await app.call('workflow.sendToDeputy', { id: card.id });

  await app.open(page);
  await signIn(page, DEPUTY.login, DEPUTY.password);
  await page.keyboard.press('Alt+1');
  await page.getByRole('grid').getByRole('row').filter({ hasText: card.regNumber }).dblclick();
  await expect(page.locator('#wf-primary')).toContainText('Резолюция');
  await page.keyboard.press('Alt+Enter');
  const dialog = page.locator('#wf-dialog');
  await expect(dialog).toBeVisible();
  // Tab away from the empty text, then save: the refusal brings the cursor back to it.
  await page.keyboard.press('Tab');
  await expect(page.locator('#wf-text')).not.toBeFocused();
  await page.keyboard.press('Control+Enter');
  const banner = dialog.locator('.banner--error');
  await expect(banner).toContainText('Текст резолюции: ');
  await expect(banner).not.toContainText('Текст обращения');
  await expect(page.locator('#wf-text')).toBeFocused();
  await expect(page.locator('#wf-text')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('.live')).toHaveAttribute('aria-live', 'assertive');
  // Nothing moved: the appeal still waits for the resolution.
  expect((await app.call('appeals.get', { id: card.id })).status).toBe('awaiting_resolution');
});

test('a new event without its title is refused naming «Название», with the cursor on it', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page
    .getByRole('navigation', { name: 'Разделы' })
    .getByRole('button', { name: 'Мероприятия' })
    .click();
  await page.getByRole('button', { name: 'Новое мероприятие' }).click();
  const dialog = page.getByRole('dialog', { name: 'Новое мероприятие' });
  await dialog.getByLabel('Место').fill('Библиотека № 3');
  await page.keyboard.press('Control+Enter');
  await expect(dialog.locator('.banner--error')).toContainText('Название: ');
  await expect(dialog.getByLabel('Название')).toBeFocused();
  expect(await app.call('events.list', { includeFinished: true })).toHaveLength(0);
});
