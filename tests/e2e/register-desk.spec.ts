import type { Page } from '@playwright/test';
import { expect, signIn, test } from './fixtures';
import { seedReturningApplicant } from './seed';

/**
 * The registration form as a desk uses it at a small screen: a returning applicant picked with the
 * keyboard sends the cursor on to what is left to type, every flag reached by Tab is in sight (not under
 * the sticky «Зарегистрировать» bar), and a refusal puts the cursor on the field it names.
 */

test.beforeEach(async ({ app }) => {
  await app.setUp();
  await seedReturningApplicant(app);
});

/** The focused element is the topmost thing at its own centre, and its box lies within the viewport. */
async function focusedInSight(page: Page): Promise<{ id: string; top: boolean; inside: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const box = el.getBoundingClientRect();
    const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return {
      id: el.id,
      top: hit === el,
      inside: box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth,
    };
  });
}

test('a returning applicant picked by phone sends the cursor to the summary', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-phone').focus();
  await page.keyboard.type('+7 916 204 11 35');
  const option = page.getByRole('option', { name: /Кузнецов Андрей Викторович/ });
  await expect(option).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('#reg-lastName')).toHaveValue('Кузнецов');
  await expect(page.locator('#reg-summary')).toBeFocused();
  await page.keyboard.type('Снова не вывозится мусор');
  await expect(page.locator('#reg-summary')).toHaveValue('Снова не вывозится мусор');
  // The same question again: the form offers «Повторное», with a link to the earlier appeal.
  const hint = page.getByTestId('repeat-hint');
  await expect(hint.getByRole('link')).toHaveText(/от 02\.02\.2026 — Не вывозится мусор/);
  await hint.getByRole('button', { name: 'Отметить как повторное' }).click();
  await expect(page.locator('#reg-isRepeat')).toBeChecked();
  await expect(hint).toHaveCount(0);
});

for (const size of [
  { width: 1366, height: 768 },
  { width: 1024, height: 700 },
]) {
  test(`every flag reached by Tab is in sight at ${size.width}×${size.height}`, async ({ app, page }) => {
    await page.setViewportSize(size);
    await app.open(page);
    await signIn(page);
    await page.keyboard.press('Alt+N');
    await expect(page.locator('#reg-registeredOn')).toBeFocused();
    const flags = ['reg-isRepeat', 'reg-isCollective', 'reg-isAnonymous', 'reg-onControl'];
    const seen: string[] = [];
    for (let i = 0; i < 60 && seen.length < flags.length; i++) {
      await page.keyboard.press('Tab');
      const f = await focusedInSight(page);
      if (!flags.includes(f.id)) continue;
      expect(f, f.id).toEqual({ id: f.id, top: true, inside: true });
      seen.push(f.id);
    }
    expect(seen).toEqual(flags);
    if (process.env.E2E_SHOTS_DIR)
      await page.screenshot({ path: `${process.env.E2E_SHOTS_DIR}/register-flags-${size.width}.png` });
  });
}

test('a refusal names the field, says so once, and puts the cursor on it', async ({ app, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+N');
  await page.locator('#reg-registeredOn').fill('01.01.2099');
  await page.locator('#reg-lastName').fill('Орлова');
  await page.locator('#reg-address').fill('г. Москва, ул. Садовая, д. 1');
  await page.locator('#reg-summary').fill('Пандус у подъезда');
  await page.locator('#reg-submit').click();
  await expect(page.locator('#reg-registeredOn')).toBeFocused();
  await expect(page.locator('#reg-registeredOn-error')).toHaveText('Дата не может быть позже сегодняшней');
  await expect(page.getByText('Проверьте введённые данные')).toHaveCount(0);
  await expect(page.locator('.register .banner--error')).toHaveText('Исправьте отмеченные поля.');
  expect(await focusedInSight(page)).toEqual({ id: 'reg-registeredOn', top: true, inside: true });
  // Nothing was registered: the applicant is still unknown to the office.
  expect((await app.call('appeals.list', {})).rows).toHaveLength(1);
});
