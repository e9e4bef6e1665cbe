import type { Locator, Page } from '@playwright/test';
import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { expect, signIn, test } from './fixtures';

/** The demo office on a fixed day, the same for the server and the page (the presets count from it). */
const NOW = '2026-03-16T07:00:00Z';
test.use({ serverNow: NOW });

const card = (page: Page, id: string): Locator => page.getByTestId(`chart-${id}`);

async function settled(page: Page): Promise<void> {
  await expect(page.locator('section.stats')).toHaveAttribute('aria-busy', 'false');
}

/** What each bar's tooltip says: the category, and the value of each period shown. */
async function tooltips(chart: Locator, page: Page): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const bars = chart.locator('.recharts-bar-rectangle');
  const n = await bars.count();
  for (let i = 0; i < n; i++) {
    await bars.nth(i).hover();
    const tip = chart.locator('.recharts-tooltip-wrapper');
    await expect(tip).toBeVisible();
    const label = (await tip.locator('.recharts-tooltip-label').innerText()).trim();
    for (const item of await tip.locator('.recharts-tooltip-item').all()) {
      const [name, value] = (await item.innerText()).split(':').map((s) => s.trim());
      out.set(`${label} | ${name}`, value!);
    }
  }
  await page.mouse.move(0, 0);
  return out;
}

test('the office head switches the period and the charts follow; a chart’s table shows its numbers', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  await fillDemoOffice(app.office, { appeals: 80, answered: 0.7 });
  await app.open(page);
  await signIn(page, 'head', DEMO_PASSWORD);
  await page.keyboard.press('Alt+7');
  await expect(page.getByRole('heading', { name: 'Статистика' })).toBeVisible();
  await settled(page);

  // This month: day by day, from the 1st to today, compared with the same days of February.
  await expect(page.getByRole('button', { name: 'Этот месяц' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('stats-period')).toContainText('01.03.2026 — 16.03.2026');
  await expect(page.getByTestId('stats-period')).toContainText('01.02.2026 — 16.02.2026');
  const month = await app.call(
    'statistics.period',
    {
      period: { from: '2026-03-01', to: '2026-03-16' },
      compareWith: { from: '2026-02-01', to: '2026-02-16' },
    },
    'head',
  );
  await expect(page.getByTestId('stat-received').locator('.stats-cards__value')).toHaveText(
    String(month.current.received),
  );
  const timeline = card(page, 'timeline');
  await expect(timeline.getByRole('heading')).toHaveText('Поступление по дням');
  const line = timeline.locator('.recharts-line-curve').first();
  const monthPath = await line.getAttribute('d');

  // The channels' bars say on hover what the table lists.
  const channels = card(page, 'channel');
  const hovered = await tooltips(channels, page);
  expect(hovered.size).toBe(2 * month.current.byChannel.length);
  await channels.getByRole('button', { name: 'Таблица' }).click();
  const rows = channels.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(month.current.byChannel.length);
  for (const row of await rows.all()) {
    const [name, current, previous] = await row.locator('th, td').allInnerTexts();
    expect(hovered.get(`${name} | Этот период`), name).toBe(current);
    expect(hovered.get(`${name} | Прошлый период`), name).toBe(previous);
  }
  const tableSum = (await rows.locator('td:nth-of-type(1)').allInnerTexts()).reduce(
    (s, v) => s + Number(v),
    0,
  );
  expect(tableSum).toBe(month.current.received);

  // This year: the line goes by week, and another line is drawn.
  await page.getByRole('button', { name: 'Этот год' }).click();
  await settled(page);
  await expect(page.getByTestId('stats-period')).toContainText('01.01.2026 — 16.03.2026');
  await expect(timeline.getByRole('heading')).toHaveText('Поступление по неделям');
  await expect(line).not.toHaveAttribute('d', monthPath!);
  const year = await app.call(
    'statistics.period',
    { period: { from: '2026-01-01', to: '2026-03-16' } },
    'head',
  );
  await expect(page.getByTestId('stat-received').locator('.stats-cards__value')).toHaveText(
    String(year.current.received),
  );
  expect(year.current.received).toBeGreaterThan(month.current.received);
  // The channels' table still shown, now with the year's numbers.
  await expect(rows).toHaveCount(year.current.byChannel.length);
  const yearSum = (await rows.locator('td:nth-of-type(1)').allInnerTexts()).reduce(
    (s, v) => s + Number(v),
    0,
  );
  expect(yearSum).toBe(year.current.received);

  // The weeks' table: a row a week from the Monday of 1 January, each week's count.
  await timeline.getByRole('button', { name: 'Таблица' }).click();
  const weeks = timeline.getByRole('table').locator('tbody tr');
  await expect(weeks).toHaveCount(year.current.timeline.length);
  await expect(weeks.first().locator('th')).toHaveText('29.12.2025');
  const counts = await weeks.locator('td:nth-of-type(1)').allInnerTexts();
  expect(counts.map(Number)).toEqual(year.current.timeline.map((b) => b.count));
});
