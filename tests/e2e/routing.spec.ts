import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

const KOZLOVA = { login: 'kozlova', fullName: 'Козлова Дарья Андреевна', password: 'assistant-pass-1' };
const EGOROV = { login: 'egorov', fullName: 'Егоров Максим Олегович', password: 'assistant-pass-2' };

const rulesRegion = (page: Page) => page.getByRole('region', { name: 'Распределение обращений' });

/**
 * Routing rules, keyboard first: a rule is defined in Settings (its question picked by code), put first
 * with Alt+↑; a rule whose responsible was switched off is flagged. The registration form then names the
 * rule and its responsible as soon as the question is picked, and the saved card has that responsible.
 */
test('define a rule in Settings, register an appeal on its question: the form shows the rule, the card its responsible', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  const [kozlova, egorov] = [
    await app.call('users.create', { ...KOZLOVA, role: 'assistant' }),
    await app.call('users.create', { ...EGOROV, role: 'assistant' }),
  ];
  await app.call('routing.create', {
    name: 'Почта — Егоров',
    when: { channel: 'post' },
    responsibleId: egorov.id,
  });
  await app.call('users.update', { id: egorov.id, active: false });

  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Распределение обращений');
  const region = rulesRegion(page);
  const rows = region.getByTestId('routing-rule');
  await expect(rows).toHaveCount(1);
  await expect(rows.first().getByTestId('routing-inactive')).toHaveText(
    '⚠ Ответственный отключён: правило пропускается',
  );

  await region.getByRole('button', { name: 'Добавить правило' }).click();
  await expect(page.locator('#rule-name')).toBeFocused();
  await page.keyboard.type('ЖКХ — Козлова');
  await page.locator('#rule-topic').focus();
  await page.keyboard.type('0005.0005.0056');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText('Коммунальное хозяйство');
  await page.keyboard.press('Enter');
  await page.locator('#rule-responsible').selectOption({ label: KOZLOVA.fullName });
  await page.locator('#rule-responsible').focus();
  await page.keyboard.press('Control+Enter');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('ЖКХ — Козлова');
  await expect(rows.nth(1)).toContainText('Коммунальное хозяйство');

  // Reordered from the keyboard: the new rule goes first and keeps the focus.
  await rows.nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(rows.first()).toContainText('ЖКХ — Козлова');
  await expect(rows.first()).toBeFocused();
  expect((await app.call('routing.list', {})).map((r) => r.name)).toEqual([
    'ЖКХ — Козлова',
    'Почта — Егоров',
  ]);
  await page.setViewportSize({ width: 1366, height: 768 });
  await region.screenshot({ path: testInfo.outputPath('routing-settings-1366.png') });
  await page.setViewportSize({ width: 1024, height: 700 });
  await region.screenshot({ path: testInfo.outputPath('routing-settings-1024.png') });

  await page.keyboard.press('Alt+N');
  await page.locator('#reg-lastName').fill('Громова');
  await page.locator('#reg-firstName').fill('Вера');
  await page.locator('#reg-address').fill('г. Москва, ул. Заводская, д. 3');
  await page.locator('#reg-summary').fill('Нет горячей воды');
  await page.locator('#reg-topics').focus();
  await page.keyboard.type('0005.0005.0056.1149');
  await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(
    'Оплата жилищно-коммунальных',
  );
  await page.keyboard.press('Enter');
  const preview = page.getByTestId('routing-preview');
  await expect(preview).toContainText('Правило: ЖКХ — Козлова — ответственный: Козлова Дарья Андреевна');
  await expect(page.locator('#reg-responsible option[value=""]')).toHaveText(
    'По правилу — Козлова Дарья Андреевна',
  );
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('routing-form-1024.png') });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.screenshot({ path: testInfo.outputPath('routing-form-1366.png') });

  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('saved')).toContainText('Обращение зарегистрировано');
  await page.keyboard.press('Enter');
  const card = page.getByRole('article');
  await expect(card).toContainText(KOZLOVA.fullName);
  await expect(card).toContainText('По правилу распределения «ЖКХ — Козлова»');
  const [row] = (await app.call('appeals.list', { limit: 5 })).rows;
  expect(row!.responsibleId).toBe(kozlova.id);
});
