import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, signIn, test } from './fixtures';
import { expectNoSidewaysScroll, SIZES } from './layout-checks';

const PEOPLE = [
  { lastName: 'Белова', firstName: 'Анна', phones: ['9161000001'] },
  { lastName: 'Волков', firstName: 'Игорь', phones: ['9161000002'] },
  { lastName: 'Гусева', firstName: 'Мария', phones: ['9161000003'] },
];

const funnelCounts = (page: Page) => page.getByTestId('funnel-count').allTextContents();

/**
 * A campaign from its screen: created with the default funnel, its contacts taken from a saved segment,
 * one contact moved along the funnel by the keyboard (] and Alt+→ forward, [ back) while the funnel, the
 * figures (moved this week, per staff member) and the contact's history follow each move.
 */
test('a campaign’s contact moves through the funnel by keyboard and the figures change', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  for (const p of PEOPLE) await app.call('contacts.create', { ...p, district: 'Заречный' });
  await app.call('contacts.create', { lastName: 'Дьяков', firstName: 'Олег', district: 'Центральный' });
  await app.call('segments.save', { name: 'Заречный район', filter: { district: 'Заречный' } });

  await app.open(page);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Кампании' }).click();
  await expect(page.getByText('Кампаний пока нет.')).toBeVisible();

  // A campaign without a name is refused, the field named; with one it is made with the seed's four stages.
  await page.getByRole('button', { name: 'Новая кампания' }).click();
  await page.locator('#campaign-name').fill('   ');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.locator('#campaign-name')).toHaveAttribute('aria-invalid', 'true');
  expect(await app.call('campaigns.list', {})).toEqual([]);
  await page.locator('#campaign-name').fill('Подписи за сквер на Заречной');
  await page.locator('#campaign-starts').fill('01.12.2026');
  await page.getByRole('button', { name: 'Сохранить' }).click();
  const campaign = page.getByTestId('campaign');
  await expect(campaign.getByRole('heading', { name: 'Подписи за сквер на Заречной' })).toBeVisible();
  await expect(campaign).toContainText('Сбор подписей · с 01.12.2026 · Контактов: 0');
  await expect(page.getByTestId('funnel').locator('li')).toHaveText([
    /Первичный контакт/,
    /Готов оставить подпись/,
    /Задача скаутам/,
    /Подпись получена/,
  ]);
  expect(await funnelCounts(page)).toEqual(['0', '0', '0', '0']);

  // The segment's three people join at the first stage; the fourth contact is not in it.
  await page.locator('#campaign-segment').selectOption({ label: 'Заречный район' });
  await page.getByRole('button', { name: 'Добавить участников сегмента' }).click();
  await expect(page.getByTestId('campaign-add-notice')).toHaveText('Добавлено: 3');
  await expect.poll(() => funnelCounts(page)).toEqual(['3', '0', '0', '0']);
  const list = page.getByRole('grid', { name: 'Контакты кампании' });
  await expect(list.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('figure-moved')).toHaveText('0');

  // Волков is chosen with ↓ and moved: ] twice, Alt+→, then [ back and ] again.
  await list.focus();
  await page.keyboard.press('ArrowDown');
  const volkov = list.locator('tr[aria-selected="true"]');
  await expect(volkov).toContainText('Волков Игорь');
  await page.keyboard.press(']');
  await expect(page.getByTestId('campaign-notice')).toHaveText('Волков Игорь: этап «Готов оставить подпись»');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '1', '0', '0']);
  await expect(page.getByTestId('figure-moved')).toHaveText('1');
  await page.keyboard.press(']');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '0', '1', '0']);
  await page.keyboard.press('Alt+ArrowRight');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '0', '0', '1']);
  await expect(volkov).toContainText('Подпись получена');
  // At the last stage a step forward is refused and nothing moves.
  await page.keyboard.press(']');
  await expect(page.getByTestId('campaign-notice')).toHaveText('Контакт уже на последнем этапе');
  await page.keyboard.press('[');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '0', '1', '0']);
  await page.keyboard.press(']');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '0', '0', '1']);
  // A digit sends him to the stage of that number; on the Russian layout ] types «ъ» and moves all the same.
  await page.keyboard.press('2');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '1', '0', '0']);
  await list.dispatchEvent('keydown', { key: 'ъ', code: 'BracketRight', bubbles: true });
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '0', '1', '0']);
  await page.keyboard.press('4');
  await expect.poll(() => funnelCounts(page)).toEqual(['2', '0', '0', '1']);

  // The figures: one contact moved this week (however often), the signed one under the admin's name.
  const figures = await app.call('campaigns.figures', {
    campaignId: (await app.call('campaigns.list', {}))[0]!.id,
  });
  expect(figures.movedThisWeek).toBe(1);
  expect(figures.stages.map((s) => s.count)).toEqual([2, 0, 0, 1]);
  await expect(page.getByTestId('figure-moved')).toHaveText('1');
  await expect(page.getByTestId('figure-total')).toHaveText('3');
  const stagesTable = page.getByTestId('figures-stages');
  await expect(stagesTable.locator('tbody tr').last()).toHaveText(/Подпись получена\s*1\s*0/);
  const staff = page.getByTestId('figures-staff');
  await expect(staff.locator('tbody tr', { hasText: 'Смирнова Ольга Петровна' })).toContainText('1');

  // Enter shows the contact's moves: taken in, then eight moves, each with who made it.
  await list.focus();
  await page.keyboard.press('Enter');
  const history = page.getByTestId('campaign-history').locator('li');
  await expect(history).toHaveCount(9);
  await expect(history.first()).toContainText('добавлен в кампанию: Первичный контакт');
  await expect(history.last()).toContainText('Задача скаутам → Подпись получена');
  await expect(history.last()).toContainText('Смирнова Ольга Петровна');

  for (const [width, height] of SIZES) {
    await page.setViewportSize({ width, height });
    await expectNoSidewaysScroll(page, `campaigns ${width}`);
    await page.screenshot({ path: testInfo.outputPath(`campaigns-${width}.png`) });
    // The panels under the list: figures, adding contacts, the field team's tasks.
    await page.locator('.main').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.screenshot({ path: testInfo.outputPath(`campaigns-${width}-bottom.png`) });
    await page.locator('.main').evaluate((el) => el.scrollTo(0, 0));
  }
});

const SCOUT = { login: 'scout', fullName: 'Орлов Денис Сергеевич', password: 'scout-pass-12' };

/**
 * The field team's side: contacts taken in one by one (found by surname) and from a file, a task made for
 * each contact at a stage for the scout chosen, the tasks in Задачи opening the campaign, and the figures'
 * workbook downloaded and read back.
 */
test('contacts found and imported join the campaign; tasks by stage reach the scout; the figures download as XLSX', async ({
  app,
  page,
}, testInfo) => {
  await app.setUp();
  await app.call('users.create', { ...SCOUT, role: 'assistant' });
  await app.call('contacts.create', { lastName: 'Белова', firstName: 'Анна', phones: ['9161000001'] });
  const campaign = await app.call('campaigns.create', { name: 'Встреча во дворе', kind: 'meeting' });

  await app.open(page);
  await signIn(page);
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Кампании' }).click();
  await expect(page.getByTestId('campaign')).toContainText('Встреча · без дат · Контактов: 0');

  // One by one: the search finds her, «Добавить» takes her in; a second time she is already there.
  await page.locator('#campaign-find').fill('Белова');
  await page.getByRole('button', { name: 'Добавить: Белова Анна' }).click();
  await expect(page.getByTestId('campaign-add-notice')).toHaveText('Добавлено: 1');
  await page.getByRole('button', { name: 'Добавить: Белова Анна' }).click();
  await expect(page.getByTestId('campaign-add-notice')).toHaveText('Добавлено: 0; уже были в кампании: 1');

  // A file: two new people and Белова again (by her phone); the campaign is their source.
  const csv = [
    'Фамилия;Имя;Телефон',
    'Белова;Анна;89161000001',
    'Зуев;Пётр;89162000002',
    'Ершова;Нина;89163000003',
  ];
  await page.locator('#campaign-file').setInputFiles({
    name: 'двор.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv.join('\r\n'), 'utf8'),
  });
  await expect(page.getByTestId('campaign-add-notice')).toHaveText(
    'Строк в файле: 3; добавлено в кампанию: 3',
  );
  await expect.poll(() => funnelCounts(page)).toEqual(['3', '0', '0', '0']);
  const imported = await app.call('contacts.list', { filter: { source: 'Кампания «Встреча во дворе»' } });
  expect(imported.rows.map((r) => r.fullName).sort()).toEqual(['Ершова Нина', 'Зуев Пётр']);

  // Tasks for the first stage's three, for the scout; none twice.
  const tasks = page.getByRole('region', { name: 'Задачи полевой команде' });
  await page.getByRole('button', { name: 'Создать задачи' }).click();
  await expect(page.locator('#task-assignee')).toHaveAttribute('aria-invalid', 'true');
  expect((await app.call('tasks.list', { everyone: true })).total).toBe(0);
  await page.locator('#task-assignee').selectOption({ label: SCOUT.fullName });
  await page.locator('#task-title').fill('Пригласить на встречу');
  await page.locator('#task-due').fill('20.12.2026');
  await page.getByRole('button', { name: 'Создать задачи' }).click();
  await expect(tasks.getByRole('status')).toHaveText('Создано задач: 3');
  await page.getByRole('button', { name: 'Создать задачи' }).click();
  await expect(tasks.getByRole('status')).toHaveText('Создано задач: 0; у 3 уже есть открытая задача');
  await expect(page.getByTestId('figures-stages').locator('tbody tr').first()).toHaveText(
    /Первичный контакт\s*3\s*3/,
  );

  // The workbook holds what the screen shows.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Показатели в XLSX' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^kampaniya-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(await file.path()) as never);
  const rows = Array.from(wb.getWorksheet('Этапы')!.getSheetValues(), (r) =>
    Array.isArray(r) ? r.slice(1) : [],
  );
  expect(rows).toContainEqual(['Первичный контакт', 3, 3]);
  expect(rows).toContainEqual(['Всего контактов', 3]);

  // The funnel renamed from the form: the stage keeps its three contacts under its new name.
  await page.getByRole('button', { name: 'Изменить' }).click();
  const stagesField = page.locator('#campaign-stages');
  await expect(stagesField).toHaveValue(
    'Первичный контакт\nГотов оставить подпись\nЗадача скаутам\nПодпись получена',
  );
  await stagesField.fill('Приглашён\nПридёт\nЗадача скаутам\nПришёл');
  await page.screenshot({ path: testInfo.outputPath('campaign-form-1366.png') });
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect(page.getByTestId('funnel').locator('li')).toHaveText([
    /Приглашён\s*3/,
    /Придёт\s*0/,
    /Задача скаутам\s*0/,
    /Пришёл\s*0/,
  ]);

  // The scout's tasks name the contact and the campaign; opening one comes back to Кампании.
  const mine = await app.call('tasks.list', {}, SCOUT.login);
  expect(mine.rows.map((r) => r.title).sort()).toEqual(
    ['Белова Анна', 'Ершова Нина', 'Зуев Пётр'].map((n) => `Пригласить на встречу: ${n} (${campaign.name})`),
  );
  await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Задачи' }).click();
  await page.getByLabel('Все сотрудники').check();
  const table = page.getByRole('grid', { name: 'Открытые задачи' });
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await table.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Кампании' })).toBeVisible();
});
