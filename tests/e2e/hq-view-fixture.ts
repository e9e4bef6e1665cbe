import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHqServer, type HqServerHandle } from '../../main/transport/http/hq';
import { Hq } from '../../main/hq/service';
import { openHqStore, type HqStore } from '../../main/hq/store';
import { HqView } from '../../main/hq/view';
import { systemClock } from '../../shared/util/clock';
import { RENDERER_DIR } from './paths';

export const HQ_PASSWORD = 'verno-verno-8';

export interface HqWithView {
  dir: string;
  store: HqStore;
  hq: Hq;
  view: HqView;
  server: HqServerHandle;
  /** Stops the server, closes the view and HQ's database, removes the folder. */
  close(): Promise<void>;
}

/**
 * HQ on a temp SQLite file with its analyst view and these HQ users (the first an administrator),
 * served with the renderer as `hq serve` serves it.
 */
export async function startHqWithView(
  users: { login: string; fullName: string; role: 'admin' | 'hq_analyst' }[],
): Promise<HqWithView> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-e2e-hq-'));
  const store = await openHqStore(path.join(dir, 'hq.sqlite'));
  const hq = await Hq.open(store, { clock: systemClock });
  const viewFile = path.join(dir, 'view.sqlite');
  for (const u of users) await HqView.addUser(viewFile, systemClock, { ...u, password: HQ_PASSWORD });
  const view = await HqView.open(hq, viewFile, systemClock);
  const server = await startHqServer({ hq, port: 0, viewApi: view.handle.api, staticDir: RENDERER_DIR });
  return {
    dir,
    store,
    hq,
    view,
    server,
    async close() {
      await server.close();
      view.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
