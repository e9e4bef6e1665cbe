import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hq } from '../../main/hq/service';
import { openHqStore, type HqStore } from '../../main/hq/store';
import { smtpCodeSender } from '../../main/hq/reception/notify';
import { setRoute } from '../../main/hq/reception/routes';
import { WebReception } from '../../main/hq/reception/service';
import { startHqServer, type HqServerHandle } from '../../main/transport/http/hq';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Clock } from '../../shared/util/clock';
import { startSmtpListener, SMTP_PASS, SMTP_USER, type SmtpListener } from '../integration/smtp-listener';

/** HQ with the public web reception on loopback, its codes sent to a real SMTP listener. */
export interface ReceptionHq {
  hq: Hq;
  server: HqServerHandle;
  smtp: SmtpListener;
  /** What `sync.enrol` takes to enrol the office `officeCode` here. */
  enrolment(officeCode: string): Promise<{ url: string; code: string }>;
  /** A phone's browser with JavaScript off, on a page of the reception (`/reception/…`). */
  phonePage(browser: Browser, path: string): Promise<{ context: BrowserContext; page: Page }>;
  close(): Promise<void>;
}

/** HQ on a temporary SQLite file serving the reception; every place goes to the office `officeCode`. */
export async function startReceptionHq(clock: Clock, officeCode: string): Promise<ReceptionHq> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-e2e-hq-'));
  const store: HqStore = await openHqStore(path.join(dir, 'hq.sqlite'));
  const hq = await Hq.open(store, { clock });
  const smtp = await startSmtpListener();
  const sender = smtpCodeSender(
    `smtp://${encodeURIComponent(SMTP_USER)}:${SMTP_PASS}@127.0.0.1:${smtp.port}`,
    'reception@hq.test',
  );
  const reception = await WebReception.open(hq, {
    clock,
    sender: { email: sender.email },
    publicUrl: 'https://deputat.example/reception',
  });
  const server = await startHqServer({ hq, port: 0, reception: { reception } });
  await setRoute(hq.db, { region: '', district: '', settlement: '' }, officeCode, clock.now());
  return {
    hq,
    server,
    smtp,
    enrolment: async (code) => ({ url: server.url, code: await hq.createEnrolmentCode(code) }),
    phonePage: async (browser, at) => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 390, height: 844 },
      });
      const page = await context.newPage();
      await page.goto(`${server.url}${at}`);
      return { context, page };
    },
    close: async () => {
      await server.close();
      await smtp.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
