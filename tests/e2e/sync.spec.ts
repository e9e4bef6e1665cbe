import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHqServer } from '../../main/transport/http/hq';
import { Hq } from '../../main/hq/service';
import { openHqStore } from '../../main/hq/store';
import { systemClock } from '../../shared/util/clock';
import { expect, signIn, test } from './fixtures';
import { openSettings } from './settings-nav';

/** Settings → Синхронизация со штабом: connect with HQ's code, sync now, and the status says what happened. */
test('the administrator connects the office to HQ and syncs from Settings', async ({ app, page }) => {
  await app.setUp();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-e2e-hq-'));
  const store = await openHqStore(path.join(dir, 'hq.sqlite'));
  const hq = await Hq.open(store, { clock: systemClock });
  const server = await startHqServer({ hq, port: 0 });
  try {
    const office = await app.call('office.get', {});
    const code = await hq.createEnrolmentCode(office.code);

    await app.open(page);
    await signIn(page);
    await openSettings(page, 'Синхронизация со штабом');
    const panel = page.getByRole('region', { name: 'Синхронизация со штабом' });
    await expect(panel.getByText(/не подключена к штабу/)).toBeVisible();
    await panel.getByLabel('Адрес сервера штаба').fill(server.url);
    await panel.getByLabel('Ключ подключения из штаба').fill(code);
    await panel.getByRole('button', { name: 'Подключить' }).click();
    await expect(panel.getByText('ещё не было')).toBeVisible();
    // The computer the office was set up on is desk 1, and alone it numbers as before.
    await expect(panel.getByText('№ 1', { exact: true })).toBeVisible();

    await panel.getByRole('button', { name: 'Синхронизировать сейчас' }).click();
    await expect(panel.getByText(/Отправлено: \d+/)).toBeVisible();
    await expect(panel.getByText('ещё не было')).toHaveCount(0);
    await expect(panel.getByText('Расхождений нет.')).toBeVisible();
    await expect(panel.getByTestId('sync-files')).toHaveText('все на месте');
    expect((await hq.rowsOf(office.id)).length).toBeGreaterThan(0);
  } finally {
    await server.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
