import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { ReminderScheduler } from '../../main/reminders/scheduler';
import type { RaisedReminder } from '../../main/reminders/scan';
import { expect, signIn, test, type App } from './fixtures';
import { openSettings } from './settings-nav';
import type { Page } from '@playwright/test';

/** The demo office, with the scheduler running as the browser-mode server runs it. */
test.use({ serverNow: '2026-03-16T07:00:00Z' });

/** The scheduler's first pass, as when the server starts. */
function catchUp(app: App): RaisedReminder[] {
  const scheduler = new ReminderScheduler({
    store: app.office.store,
    clock: app.office.clock,
    hlc: app.office.hlc,
  });
  const raised = scheduler.start();
  scheduler.stop();
  return raised;
}

/** Opens every group of the inbox: the single reminders are behind them. */
async function openAllGroups(page: Page): Promise<void> {
  await expect(page.locator('.inbox__group').first()).toBeVisible();
  const closed = page.locator('.inbox__group-toggle[aria-expanded="false"]');
  while ((await closed.count()) > 0) await closed.first().click();
}

test('an overdue demo appeal is in the office head’s inbox, counted on the bell; a click opens its card', async ({
  app,
  page,
}) => {
  await fillDemoOffice(app.office, { appeals: 80 });
  const raised = catchUp(app);
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
  await openAllGroups(page);
  const item = page
    .locator('.inbox__item[data-rule="appeal_overdue"]')
    .filter({ hasText: overdue!.params.regNumber! });
  await expect(item).toContainText('Срок рассмотрения нарушен');
  await expect(item).toContainText('новое');
  await item.click();

  await expect(page.locator('#card-title')).toContainText(overdue!.params.regNumber!);
  await expect(bell.getByTestId('bell-count')).toHaveText(String(mine.length - 1));
  await bell.click();
  await openAllGroups(page);
  await expect(item).not.toContainText('новое');
});

test('an event moved to Согласование by itself is in its responsible person’s inbox; a click opens the event', async ({
  app,
  page,
}) => {
  await app.setUp();
  // 6 April less 21 days is today, Monday 16 March.
  const event = await app.call('events.create', {
    title: 'Встреча с жителями микрорайона',
    kind: 'residents_meeting',
    date: '2026-04-06',
  });
  const raised = catchUp(app);
  expect(raised.map((r) => [r.rule, r.entityId])).toEqual([['event_approval', event.id]]);

  await app.open(page);
  await signIn(page);
  await page.keyboard.press('Alt+B');
  await openAllGroups(page);
  const item = page.locator('.inbox__item[data-rule="event_approval"]');
  await expect(item).toContainText('Мероприятие перешло на «Согласование»');
  await expect(item).toContainText('«Встреча с жителями микрорайона» (06.04.2026)');
  await item.click();
  await expect(page.getByRole('heading', { name: 'Встреча с жителями микрорайона' })).toBeVisible();
  await expect(page.getByTestId('event-stage')).toHaveText('Согласование');
});

test('the office head’s flood is one line a kind a day: filtered by kind, a group marked read at once', async ({
  app,
  page,
}) => {
  await fillDemoOffice(app.office, { appeals: 80 });
  catchUp(app);
  const head = app.office.sqlite.prepare("SELECT id FROM users WHERE login = 'head'").get() as { id: string };
  const unread = () =>
    (
      app.office.sqlite
        .prepare('SELECT count(*) AS n FROM reminders WHERE recipient_id = ? AND read_at IS NULL')
        .get(head.id) as { n: number }
    ).n;
  const groups = await app.call('reminders.groups', { limit: 500 }, 'head');
  const biggest = [...groups.groups].sort((a, b) => b.unread - a.unread)[0]!;
  expect(biggest.unread, 'a day with many unread reminders of one kind').toBeGreaterThan(1);

  await app.open(page);
  await signIn(page, 'head', DEMO_PASSWORD);
  await page.keyboard.press('Alt+B');
  await expect(page.locator('.inbox__group')).toHaveCount(groups.groups.length);
  await expect(page.locator('.inbox__item')).toHaveCount(0);

  // The kind filter keeps the groups of one kind.
  const kinds = page.getByRole('group', { name: 'Вид напоминаний' });
  await kinds.getByRole('button', { name: /^Срок рассмотрения нарушен/ }).click();
  const overdueGroups = groups.groups.filter((g) => g.rule === 'appeal_overdue');
  await expect(page.locator('.inbox__group')).toHaveCount(overdueGroups.length);
  await expect(page.locator('.inbox__group:not([data-rule="appeal_overdue"])')).toHaveCount(0);
  await kinds.getByRole('button', { name: /^Все/ }).click();

  const day = page.getByRole('region', { name: biggest.day.split('-').reverse().join('.') });
  const row = day.locator(`.inbox__group[data-rule="${biggest.rule}"]`);
  await row.locator('.inbox__group-toggle').click();
  await expect(row.locator('.inbox__item')).toHaveCount(biggest.count);
  const before = unread();
  await row.getByRole('button', { name: 'Отметить прочитанными' }).click();
  await expect(row.getByRole('button', { name: 'Отметить прочитанными' })).toHaveCount(0);
  expect(unread()).toBe(before - biggest.unread);
  await expect(page.locator('#bell').getByTestId('bell-count')).toHaveText(String(before - biggest.unread));
});

test('the administrator turns a reminder rule off and moves the digest in Settings', async ({
  app,
  page,
}) => {
  await app.setUp();
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Напоминания');
  const form = page.getByRole('form', { name: 'Напоминания' });
  await form.getByLabel('Этап задержался').uncheck();
  await form.getByLabel('Этап мероприятия задержался').uncheck();
  await expect(form.getByLabel('Мероприятие перешло на «Согласование»')).toBeChecked();
  await form.getByLabel('За сколько дней до мероприятия переводить его на «Согласование»').fill('28');
  await form.getByLabel('Время ежедневной сводки просроченных').fill('10:15');
  await form.getByLabel('За сколько дней до контрольного срока предупреждать').fill('7');
  await form.getByLabel('За сколько дней до контрольного срока предупреждать').press('Control+Enter');
  await expect(form.getByText('Сохранено')).toBeVisible();
  const office = await app.call('office.get', {});
  expect(office.reminders).toMatchObject({
    digestTime: '10:15',
    dueSoonDays: 7,
    eventApprovalDays: 28,
    enabled: { stage_stuck: false, appeal_overdue: true, event_stuck: false, event_approval: true },
  });
});
