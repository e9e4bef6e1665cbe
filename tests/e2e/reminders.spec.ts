import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { ReminderScheduler } from '../../main/scheduler/scheduler';
import { expect, signIn, test } from './fixtures';

/** The demo office, with the scheduler running as the browser-mode server runs it. */
test.use({ serverNow: '2026-03-16T07:00:00Z' });

test('an overdue demo appeal is in the office head’s inbox, counted on the bell; a click opens its card', async ({
  app,
  page,
}) => {
  await fillDemoOffice(app.office, { appeals: 80 });
  const scheduler = new ReminderScheduler({
    store: app.office.store,
    clock: app.office.clock,
    hlc: app.office.hlc,
  });
  const raised = scheduler.start();
  scheduler.stop();
  const head = app.office.sqlite.prepare("SELECT id FROM users WHERE login = 'head'").get() as { id: string };
  const mine = raised.filter((r) => r.recipientId === head.id);
  const overdue = mine.find((r) => r.rule === 'appeal_overdue');
  expect(overdue, 'the demo office has an overdue appeal').toBeDefined();

  await app.open(page);
  await signIn(page, 'head', DEMO_PASSWORD);
  const bell = page.locator('#bell');
  await expect(bell.getByTestId('bell-count')).toHaveText(String(mine.length));

  await page.keyboard.press('Alt+B');
  await expect(page.getByRole('heading', { name: 'Уведомления' })).toBeVisible();
  const item = page
    .locator('.inbox__item[data-rule="appeal_overdue"]')
    .filter({ hasText: overdue!.params.regNumber! });
  await expect(item).toContainText('Срок рассмотрения нарушен');
  await expect(item).toContainText('новое');
  await item.click();

  await expect(page.locator('#card-title')).toContainText(overdue!.params.regNumber!);
  await expect(bell.getByTestId('bell-count')).toHaveText(String(mine.length - 1));
  await bell.click();
  await expect(item).not.toContainText('новое');
});

test('the administrator turns a reminder rule off and moves the digest in Settings', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await page.getByRole('button', { name: 'Настройки' }).click();
  const form = page.getByRole('form', { name: 'Напоминания' });
  await form.getByLabel('Этап задержался').uncheck();
  await form.getByLabel('Время ежедневной сводки просроченных').fill('10:15');
  await form.getByLabel('За сколько дней до контрольного срока предупреждать').fill('7');
  await form.getByLabel('За сколько дней до контрольного срока предупреждать').press('Control+Enter');
  await expect(form.getByText('Сохранено')).toBeVisible();
  const office = await app.call('office.get', {});
  expect(office.reminders).toMatchObject({
    digestTime: '10:15',
    dueSoonDays: 7,
    enabled: { stage_stuck: false, appeal_overdue: true },
  });
});
