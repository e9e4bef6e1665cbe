import os from 'node:os';
import path from 'node:path';
import { openOffice } from '../../main/boot/open-office';
import { currentSeq, takeSeq } from '../../main/hq/store';
import { OfficeSync } from '../../main/sync/engine';
import { systemClock } from '../../shared/util/clock';
import { expect, signIn, test } from './fixtures';
import { HQ_PASSWORD as PASSWORD, startHqWithView } from './hq-view-fixture';

test('the analysts’ sync panel says how far the view is behind HQ and why its catch-up failed', async ({
  page,
}) => {
  const { dir, hq, view, server, close } = await startHqWithView([
    { login: 'chief', fullName: 'Начальник', role: 'admin' },
  ]);
  const office = openOffice(path.join(dir, 'office.sqlite'), { clock: systemClock });
  try {
    await office.api.call('internal', 'setup.init', {
      office: {
        name: 'Приёмная ТВР',
        code: 'ТВР',
        deputyName: 'Петров Пётр Петрович',
        timeZone: 'Europe/Moscow',
      },
      admin: { login: 'admin', fullName: 'Администратор', password: PASSWORD },
    });
    const sync = new OfficeSync(office.store, office.api.systemContext(), () => undefined);
    await sync.enrol(server.url, await hq.createEnrolmentCode('ТВР'));
    expect((await sync.syncNow()).ok).toBe(true);
    await view.catchUp();
    const readAt = view.status.cursor;
    const officeId = (
      office.sqlite.prepare("SELECT value FROM local_state WHERE key = 'office_id'").get() as {
        value: string;
      }
    ).value;
    // HQ then holds a row the view cannot merge (a table no office has): the catch-up stops before it.
    const seq = await takeSeq(hq.db, 1);
    await hq.db
      .insertInto('hq_rows')
      .values({
        table_name: 'no_such_table',
        row_id: 'x-1',
        office_id: officeId,
        hlc: '2026-01-01T00:00:00.000Z-0000-0000000000000001',
        data: JSON.stringify({ id: 'x-1' }),
        clocks: null,
        bases: null,
        origin: null,
        seq,
      })
      .execute();
    await expect(view.catchUp()).rejects.toThrow(/no_such_table/);
    const behind = (await currentSeq(hq.db)) - readAt;
    expect(behind).toBeGreaterThan(0);

    await page.goto(server.url);
    await signIn(page, 'chief', PASSWORD);
    await page
      .getByRole('navigation', { name: 'Разделы' })
      .getByRole('button', { name: 'Настройки' })
      .click();
    await page
      .getByRole('navigation', { name: 'Разделы настроек' })
      .getByRole('button', { name: 'Синхронизация со штабом' })
      .click();
    await expect(page.getByRole('heading', { name: 'Обновление базы аналитиков' })).toBeVisible();
    await expect(page.getByTestId('view-lag')).toHaveText(`ещё не прочитано изменений штаба: ${behind}`);
    await expect(page.getByRole('alert')).toContainText('Базу аналитиков не удалось обновить');
    await expect(page.getByRole('alert')).toContainText('no_such_table');
    // The view is not an office: nothing to enrol, no «sync now».
    await expect(page.getByRole('button', { name: 'Синхронизировать сейчас' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Подключить' })).toHaveCount(0);
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.getByRole('heading', { name: 'Обновление базы аналитиков' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(os.tmpdir(), 'priemnaya-hq-view-lag.png') });

    // The row is taken away at HQ; the next catch-up reads everything, and the open panel says so by itself.
    await hq.db.deleteFrom('hq_rows').where('table_name', '=', 'no_such_table').execute();
    await view.catchUp();
    expect(view.status.behind).toBe(0);
    await expect(page.getByTestId('view-lag')).toHaveText('нет: все изменения штаба прочитаны', {
      timeout: 15_000,
    });
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    office.close();
    await close();
  }
});
