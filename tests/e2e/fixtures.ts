import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import { startHttpServer } from '../../main/transport/http/server';
import type { Input, MethodName, Output } from '../../shared/api/index';
import { fixedClock } from '../../shared/util/clock';
import { RENDERER_DIR } from './paths';

export const OFFICE = {
  name: 'Приёмная депутата Иванова И. И.',
  code: 'ИВН',
  region: 'Москва',
  deputyName: 'Иванов Иван Иванович',
};
export const ADMIN = { login: 'admin', fullName: 'Смирнова Ольга Петровна', password: 'verno-verno-8' };

export interface App {
  url: string;
  token: string;
  office: OfficeHandle;
  /** Opens the app as the server prints it: the launch token in the fragment. */
  open(page: Page): Promise<void>;
  /** Calls the API in-process as a signed-in user (by login), for arranging data the test is not about. */
  call<M extends MethodName>(method: M, input: Input<M>, login?: string): Promise<Output<M>>;
  /** An office with its administrator, made through the API (for tests that are not about first run). */
  setUp(): Promise<void>;
}

export interface AppOptions {
  /** A fixed server clock (ISO instant), for screenshots whose "overdue" must not drift; default real time. */
  serverNow: string | null;
}

export const test = base.extend<AppOptions & { app: App; pageErrors: void }>({
  serverNow: [null, { option: true }],
  // An uncaught error in the page fails the test that caused it, with the page's own message.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.stack ?? e.message));
      await use();
      expect(errors, 'uncaught errors in the page').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ serverNow }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-e2e-'));
    const office = openOffice(path.join(dir, 'office.sqlite'), {
      validateOutput: true,
      ...(serverNow ? { clock: fixedClock(serverNow) } : {}),
      log: (message, error) => console.error(message, error),
    });
    const server = await startHttpServer({ api: office.api, staticDir: RENDERER_DIR, port: 0 });
    const call: App['call'] = async (method, input, login = ADMIN.login) => {
      const r = await office.api.call('internal', method, input, { login });
      if (!r.ok) throw new Error(`${method} failed: ${r.error.code}: ${r.error.message}`);
      return r.value as Output<typeof method>;
    };
    await use({
      url: server.url,
      token: server.token,
      office,
      open: async (page) => {
        await page.goto(`${server.url}/#token=${server.token}`);
      },
      call,
      setUp: async () => {
        await call('setup.init', { office: OFFICE, admin: ADMIN });
      },
    });
    await server.close();
    office.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Signs in through the form, as a person does. */
export async function signIn(page: Page, login = ADMIN.login, password = ADMIN.password): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Вход' })).toBeVisible();
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect(page.getByRole('navigation', { name: 'Разделы' })).toBeVisible();
}
