import { DEMO_PASSWORD, fillDemoOffice } from '../../main/demo/demo';
import { expect, signIn, test } from './fixtures';

/** The demo office on a fixed day, so the same tasks are due and the same ones are late in every run. */
const NOW = '2026-03-17T07:00:00Z';
test.use({ serverNow: NOW });

test('the assistant’s home lists the day’s tasks themselves, late ones first, each opening its appeal', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW));
  await fillDemoOffice(app.office, { appeals: 120 });
  const list = async (due: 'overdue' | 'today') =>
    (await app.call('tasks.list', { due, limit: 15 }, 'assistant1')).rows;
  const expected = [...(await list('overdue')), ...(await list('today'))];
  expect(expected.length, 'the demo assistant has work today').toBeGreaterThan(0);

  for (const size of [
    { width: 1366, height: 768 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await app.open(page);
    await signIn(page, 'assistant1', DEMO_PASSWORD);
    const day = page.getByRole('list', { name: 'Задачи на сегодня и просроченные' });
    await expect(day.getByRole('listitem')).toHaveCount(expected.length);
    await expect(day.getByRole('link')).toHaveText(expected.map((t) => new RegExp(t.title)));
    if (process.env.E2E_SHOTS_DIR)
      await page.screenshot({ path: `${process.env.E2E_SHOTS_DIR}/home-assistant-${size.width}.png` });
    await page.getByRole('button', { name: 'Выйти' }).click();
  }

  await signIn(page, 'assistant1', DEMO_PASSWORD);
  const first = expected[0]!;
  const item = page
    .getByRole('list', { name: 'Задачи на сегодня и просроченные' })
    .getByRole('listitem')
    .first();
  if (first.regNumber) await expect(item).toContainText(`№ ${first.regNumber}`);
  await item.getByRole('link').click();
  if (first.regNumber)
    await expect(
      page.getByRole('heading', { name: new RegExp(`Обращение № ${first.regNumber}`) }),
    ).toBeVisible();
});
