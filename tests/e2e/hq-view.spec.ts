import fs from 'node:fs';
import path from 'node:path';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import type { Hq } from '../../main/hq/service';
import { OfficeSync } from '../../main/sync/engine';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { systemClock } from '../../shared/util/clock';
import { expect, signIn, test } from './fixtures';
import { HQ_PASSWORD as PASSWORD, startHqWithView } from './hq-view-fixture';

/** An office with its own appeals, enrolled at HQ and synced. */
async function syncedOffice(dir: string, hq: Hq, url: string, code: string, summaries: string[]) {
  const handle = openOffice(path.join(dir, `${code}.sqlite`), { clock: systemClock });
  let token: string | null = null;
  const call = async <M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>> => {
    const r = await handle.api.call('internal', method, input, { token });
    if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
    return r.value as Output<M>;
  };
  await call('setup.init', {
    office: { name: `Приёмная ${code}`, code, deputyName: 'Петров Пётр Петрович', timeZone: 'Europe/Moscow' },
    admin: { login: 'admin', fullName: 'Администратор', password: PASSWORD },
  });
  token = (await call('auth.signIn', { login: 'admin', password: PASSWORD })).token;
  for (const [i, summary] of summaries.entries())
    await call('appeals.register', {
      channel: 'post',
      kind: 'complaint',
      summary,
      topics: ['0005.0005.0056.1149'],
      applicant: {
        lastName: `Заявителев${code}${i}`,
        firstName: 'Иван',
        address: `ул. Советская, д. ${i + 1}`,
      },
    });
  const sync = new OfficeSync(handle.store, handle.api.systemContext(), () => undefined);
  await sync.enrol(url, await hq.createEnrolmentCode(code));
  expect((await sync.syncNow()).ok).toBe(true);
  return { handle, id: (await call('office.get', {})).id };
}

test('the analyst signs in at HQ: registry, statistics and report across both offices, then one picked', async ({
  page,
}) => {
  const { dir, hq, view, server, close } = await startHqWithView([
    { login: 'chief', fullName: 'Начальник', role: 'admin' },
    { login: 'ann', fullName: 'Аналитик Анна', role: 'hq_analyst' },
  ]);
  const offices: OfficeHandle[] = [];
  try {
    const tver = await syncedOffice(dir, hq, server.url, 'ТВР', ['Яма на Тверской', 'Нет света в подъезде']);
    const rzhev = await syncedOffice(dir, hq, server.url, 'РЖВ', ['Ржевский мост']);
    offices.push(tver.handle, rzhev.handle);
    await view.catchUp();

    await page.goto(server.url);
    await signIn(page, 'ann', PASSWORD);
    // The view is read-only: it says so, and offers no registration (neither button nor Alt+N).
    await expect(page.getByText('Только просмотр: данные меняются в приёмных')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Новое обращение' })).toHaveCount(0);
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('heading', { name: 'Новое обращение' })).toHaveCount(0);
    // Home: a row per office; a count opens the registry narrowed to that office.
    const byOffice = page.getByRole('table', { name: 'Обращения в работе и просроченные по приёмным' });
    await expect(byOffice.getByRole('row')).toHaveCount(3);
    await byOffice.getByRole('link', { name: '2 — ТВР — Приёмная ТВР: Обращения в работе' }).click();
    await expect(page.getByTestId('registry-count')).toHaveText(/^Найдено: 2 обращения/);
    await page.getByRole('button', { name: 'Сбросить фильтры' }).click();
    const grid = page.getByRole('grid', { name: 'Реестр обращений' });
    await expect(page.getByTestId('registry-count')).toHaveText('Всего: 3 обращения');
    for (const s of ['Яма на Тверской', 'Нет света в подъезде', 'Ржевский мост'])
      await expect(grid.getByText(s)).toBeVisible();
    await expect(page.getByRole('button', { name: /Новое обращение/ })).toHaveCount(0);
    // The first column says whose each appeal is.
    await expect(grid.getByRole('columnheader').first()).toHaveText('Приёмная');
    const rzhevRow = grid.getByRole('row').filter({ hasText: 'Ржевский мост' });
    await expect(rzhevRow.getByRole('gridcell').first()).toHaveText('РЖВ');

    await page.getByLabel('Приёмные').selectOption(rzhev.id);
    await expect(page.getByTestId('registry-count')).toHaveText(/^Найдено: 1 обращение/);
    await expect(grid.getByText('Ржевский мост')).toBeVisible();
    await expect(grid.getByText('Яма на Тверской')).toHaveCount(0);
    expect(page.url()).toContain(`officeIds=${rzhev.id}`);

    // Statistics: every office's appeals until some offices are picked, then theirs alone.
    await page.keyboard.press('Alt+7');
    await expect(page.getByRole('heading', { name: 'Статистика' })).toBeVisible();
    const received = page.getByTestId('stat-received').locator('.stats-cards__value');
    await expect(received).toHaveText('3');
    await page.getByLabel('Приёмные').selectOption(tver.id);
    await expect(received).toHaveText('2');
    await page.getByLabel('Приёмные').selectOption([tver.id, rzhev.id]);
    await expect(received).toHaveText('3');

    // The period report: on screen and in its file, for the office picked.
    await page.getByRole('navigation', { name: 'Разделы' }).getByRole('button', { name: 'Отчёты' }).click();
    await page.getByLabel('Приёмные').selectOption(rzhev.id);
    await page.getByRole('button', { name: /Показать/ }).click();
    const figures = page.getByTestId('report-figures');
    await expect(
      figures.getByRole('row', { name: 'Поступило обращений 1', exact: true }).getByRole('cell'),
    ).toHaveText('1');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8');
    expect(csv).toMatch(/Поступило обращений;1\r?\n/);

    // HQ's administrator sees every office's tasks, each row starting with its office.
    await page.getByRole('button', { name: 'Выйти' }).click();
    await signIn(page, 'chief', PASSWORD);
    await page.keyboard.press('Alt+2');
    await page.getByLabel('Все сотрудники').check();
    const tasks = page.getByRole('grid', { name: 'Открытые задачи' });
    await expect(tasks.getByRole('columnheader').first()).toHaveText('Приёмная');
    await expect(tasks.getByRole('row')).toHaveCount(4);
    const codes = await tasks.locator('tbody tr td:first-child').allInnerTexts();
    expect(codes.sort()).toEqual(['РЖВ', 'ТВР', 'ТВР']);
    await expect(page.getByRole('button', { name: /Передать задачу/ })).toHaveCount(0);
  } finally {
    for (const o of offices) o.close();
    await close();
  }
});
