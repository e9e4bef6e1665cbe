import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { expect, signIn, test, type App } from './fixtures';

/** The demo office on a fixed day, so the same appeals wait and the same ones are late in every run. */
const NOW = '2026-03-17T07:00:00Z';
test.use({ serverNow: NOW });

async function demo(app: App): Promise<void> {
  await fillDemoOffice(app.office, { appeals: 120 });
}

/** The appeals a grid shows, in its order: each row's key begins with its appeal's id. */
async function appealIds(page: import('@playwright/test').Page, grid: string): Promise<string[]> {
  const rows = page.getByRole('grid', { name: grid }).locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => (tr.getAttribute('data-key') ?? '').slice(0, 36)));
}

/** The registration numbers a grid shows, in its order. */
async function regNumbers(page: import('@playwright/test').Page, grid: string): Promise<string[]> {
  const rows = page.getByRole('grid', { name: grid }).getByRole('row');
  const texts = await rows.evaluateAll((trs) =>
    trs.map((tr) => tr.querySelector('td')?.textContent?.trim() ?? '').filter(Boolean),
  );
  return texts;
}

test('the deputy lands on his home, sees his queue count, and the figure opens exactly those appeals', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  await demo(app);
  const queue = await app.call('workflow.deputyQueue', {}, 'deputy');
  expect(queue.length, 'the demo deputy has a queue').toBeGreaterThan(3);

  await app.open(page);
  await signIn(page, 'deputy', DEMO_PASSWORD);
  const home = page.getByTestId('home');
  await expect(home).toHaveAttribute('data-view', 'deputy');
  await expect(page.getByTestId('home-queue-count')).toHaveText(String(queue.length));

  // The first figure has the focus: Enter follows it, as a click would.
  await expect(page.getByTestId('home-queue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'На резолюцию', level: 1 })).toBeVisible();
  await expect(page.getByTestId('queue-count')).toHaveText(`Ждут решения: ${queue.length}`);
  expect(await regNumbers(page, 'Ожидают решения депутата')).toEqual(queue.map((q) => q.regNumber));
  expect(await appealIds(page, 'Ожидают решения депутата')).toEqual(queue.map((q) => q.id));

  // Back on the home screen, the letters figure opens the queue narrowed to the letters, and says so.
  await page.keyboard.press('Alt+H');
  const letters = queue.filter(
    (q) => q.waitingFor === 'reply_approval' || q.waitingFor === 'request_approval',
  );
  await expect(page.getByTestId('home-letters-count')).toHaveText(String(letters.length));
  await page.getByTestId('home-letters').click();
  await expect(page.getByTestId('filter-note')).toContainText('согласование ответа');
  await expect(page.getByTestId('queue-count')).toHaveText(`Ждут решения: ${letters.length}`);
  expect(await regNumbers(page, 'Ожидают решения депутата')).toEqual(letters.map((q) => q.regNumber));
  expect(await appealIds(page, 'Ожидают решения депутата')).toEqual(letters.map((q) => q.id));
  expect(page.url()).toContain('#/queue?waitingFor=reply_approval,request_approval');

  // The fragment carries the filter: a reload shows the same narrowed list.
  await page.reload();
  await expect(page.getByTestId('queue-count')).toHaveText(`Ждут решения: ${letters.length}`);
  await page.getByRole('button', { name: 'Показать всё' }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(`Ждут решения: ${queue.length}`);
});

test('the deputy’s late requests open the requests register with the same rows', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await demo(app);
  const late = await app.call('requests.list', { overdue: true, limit: 500 }, 'deputy');
  expect(late.total).toBeGreaterThan(0);

  await app.open(page);
  await signIn(page, 'deputy', DEMO_PASSWORD);
  await expect(page.getByTestId('home-requests-overdue-count')).toHaveText(String(late.total));
  await page.getByTestId('home-requests-overdue').click();
  await expect(page.getByTestId('requests-count')).toHaveText(`Запросов: ${late.total}`);
  await expect(page.getByLabel('Просрочен ответ')).toBeChecked();
  expect(await regNumbers(page, 'Запросы по обращениям')).toEqual(late.rows.map((r) => r.regNumber));
});

test('the office head sees workload by person; a person’s overdue figure opens the registry filtered to them', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  await demo(app);
  const head = await app.call('home.get', {}, 'head');
  if (head.view !== 'office') throw new Error('the office head gets the office view');
  const busiest = [...head.staff].sort((a, b) => b.overdueAppeals.count - a.overdueAppeals.count)[0]!;
  expect(busiest.overdueAppeals.count).toBeGreaterThan(0);

  await app.open(page);
  await signIn(page, 'head', DEMO_PASSWORD);
  const table = page.getByRole('table', { name: 'Нагрузка и просрочка по сотрудникам' });
  const row = table.getByRole('row').filter({ hasText: busiest.name! });
  const cell = row.getByRole('link', {
    name: `${busiest.overdueAppeals.count} — ${busiest.name}: Из них просрочено`,
  });
  await cell.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('registry-count')).toContainText(`Найдено: ${busiest.overdueAppeals.count} `);
  await expect(page.getByLabel('Только просроченные')).toBeChecked();
  await expect(page.locator('#flt-responsible')).toHaveValue(busiest.userId!);
});

test('an assistant’s figures: tasks due today open the task list for today', async ({ app, page }) => {
  await page.clock.setFixedTime(new Date(NOW));
  await demo(app);
  const home = await app.call('home.get', {}, 'assistant1');
  if (home.view !== 'assistant') throw new Error('an assistant gets the assistant view');

  await app.open(page);
  await signIn(page, 'assistant1', DEMO_PASSWORD);
  await expect(page.getByTestId('home')).toHaveAttribute('data-view', 'assistant');
  await expect(page.getByTestId('home-tasks-overdue-count')).toHaveText(String(home.tasksOverdue.count));
  await page.getByTestId('home-tasks-overdue').click();
  await expect(page.getByTestId('tasks-count')).toHaveText(`Открытых задач: ${home.tasksOverdue.count}`);
  await expect(page.getByTestId('filter-note')).toContainText('просроченные');
});
