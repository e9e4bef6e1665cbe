import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

const appeal = (summary: string, lastName: string) => ({
  registeredOn: '2026-03-02',
  channel: 'post' as const,
  kind: 'complaint' as const,
  summary,
  applicant: { lastName, firstName: 'Анна', address: 'г. Москва, ул. Лесная, д. 3' },
});

let disk: string;
test.beforeEach(async ({ app }) => {
  await app.setUp();
  await app.call('appeals.register', appeal('Не вывозят мусор', 'Кузнецова'));
  disk = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-e2e-disk-'));
});
test.afterEach(() => fs.rmSync(disk, { recursive: true, force: true }));

test('the office chooses a folder, backs up, and restores a backup after confirming', async ({
  app,
  page,
}) => {
  const shots = process.env.BACKUP_SHOTS;
  await app.open(page);
  await signIn(page);
  await openSettings(page, 'Резервные копии');
  const panel = page.getByRole('region', { name: 'Резервные копии' });
  await expect(panel.getByText('Папка не выбрана — резервные копии не делаются.')).toBeVisible();

  // A relative path is refused at the field, and nothing is saved.
  await panel.getByLabel('Папка для копий на этом компьютере').fill('Копии');
  await panel.getByRole('button', { name: 'Сохранить папку' }).click();
  await expect(panel.getByText(/укажите полный путь к папке/)).toBeVisible();

  const folder = path.join(disk, 'Копии приёмной');
  await panel.getByLabel('Папка для копий на этом компьютере').fill(folder);
  await panel.getByRole('button', { name: 'Сохранить папку' }).click();
  await expect(panel.getByText('Папка сохранена')).toBeVisible();
  await expect(panel.getByText('В папке пока нет копий этой приёмной.')).toBeVisible();

  await panel.getByRole('button', { name: 'Сделать копию сейчас' }).click();
  await expect(panel.getByText(/Копия сделана и проверена/)).toBeVisible();
  const rows = panel.getByRole('row').filter({ has: page.getByRole('button', { name: 'Восстановить' }) });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('вручную');

  // After the backup, another appeal.
  await app.call('appeals.register', appeal('Яма во дворе', 'Петров'));
  expect((await app.call('appeals.list', {})).rows).toHaveLength(2);

  await rows.first().getByRole('button', { name: 'Восстановить' }).click();
  const dialog = page.getByRole('dialog', { name: 'Восстановить данные из копии?' });
  await expect(dialog).toContainText('сначала будет сделана копия текущего состояния');
  if (shots) {
    for (const [w, h] of [
      [1366, 768],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: path.join(shots, `backups-confirm-${w}.png`) });
    }
  }
  // Cancel changes nothing.
  await dialog.getByRole('button', { name: /Закрыть/ }).click();
  await expect(dialog).toBeHidden();
  expect((await app.call('appeals.list', {})).rows).toHaveLength(2);

  await rows.first().getByRole('button', { name: 'Восстановить' }).click();
  await dialog.getByRole('button', { name: /Восстановить/ }).click();
  await expect(panel.getByText(/Данные восстановлены из копии от/)).toBeVisible();
  await expect(dialog).toBeHidden();
  expect((await app.call('appeals.list', {})).rows.map((r) => r.applicantName)).toEqual([
    expect.stringContaining('Кузнецова'),
  ]);
  // The state before the restore is listed beside the backup, and the admin is still signed in.
  await expect(rows).toHaveCount(2);
  await expect(panel).toContainText('перед восстановлением');
  await page.keyboard.press('Alt+1');
  await expect(page.getByRole('grid')).toContainText('Кузнецова');
  await expect(page.getByRole('grid')).not.toContainText('Петров');
  if (shots) {
    await openSettings(page, 'Резервные копии');
    await panel.scrollIntoViewIfNeeded();
    for (const [w, h] of [
      [1366, 768],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(shots, `backups-panel-${w}.png`) });
    }
  }
});
