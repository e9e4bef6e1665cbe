import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hq } from '../../main/hq/service';
import { openHqStore } from '../../main/hq/store';
import { startHqServer, type HqServerHandle } from '../../main/transport/http/hq';
import type { Clock } from '../../shared/util/clock';
import { startSmtpListener, type SmtpListener } from '../integration/smtp-listener';
import { hqTarget } from '../integration/sync-pg';
import { smtpReception } from '../integration/web-reception-smtp';
import { OFFICE, type App } from './fixtures';

/** HQ on a SQLite file in a temporary folder (or on PostgreSQL), serving the web reception; codes go to an SMTP listener. */
export interface ReceptionHq {
  dir: string;
  hq: Hq;
  server: HqServerHandle;
  smtp: SmtpListener;
  /** Sets the test's office up and enrols it with this HQ. */
  enrol(app: App): Promise<void>;
  close(): Promise<void>;
}

export async function startReceptionHq(
  clock: Clock,
  engine: 'sqlite' | 'postgres' = 'sqlite',
): Promise<ReceptionHq> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-e2e-hq-'));
  // PostgreSQL: a database of its own on a throwaway cluster (or PRIEMNAYA_TEST_PG), see sync-pg.ts.
  const store = await openHqStore(engine === 'postgres' ? await hqTarget() : path.join(dir, 'hq.sqlite'));
  const hq = await Hq.open(store, { clock });
  const smtp = await startSmtpListener();
  const { reception, close } = await smtpReception(hq, smtp, clock);
  const server = await startHqServer({ hq, port: 0, reception: { reception } });
  return {
    dir,
    hq,
    server,
    smtp,
    enrol: async (app) => {
      await app.setUp();
      await app.call('sync.enrol', { url: server.url, code: await hq.createEnrolmentCode(OFFICE.code) });
    },
    close: async () => {
      await server.close();
      close();
      await smtp.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
