import { afterEach } from 'vitest';
import { openHqStore } from '../../main/hq/store';
import { startHqServer, type HqServerHandle } from '../../main/transport/http/hq';
import { Hq } from '../../main/hq/service';
import { openOffice } from '../../main/boot/open-office';
import { OfficeSync } from '../../main/sync/engine';
import { officeKey } from '../../main/sync/sealing';
import { fixedClock } from '../../shared/util/clock';
import { openTempOffice, PASSWORD, tempDir, type TestOffice } from './helpers';
import { hqTarget } from './sync-pg';

/**
 * HQ and offices for sync tests: HQ on a temp SQLite file or on PostgreSQL (`hqKind`), served over
 * loopback HTTP; each office a real temp database with its own clock and its `OfficeSync`.
 */

export type HqKind = 'sqlite' | 'postgres';

export interface TestHq {
  hq: Hq;
  server: HqServerHandle;
  url: string;
  clock: ReturnType<typeof fixedClock>;
  reports: string[];
  /** HQ's database: its SQLite file, or the PostgreSQL URL. */
  target: string;
}

export interface SyncNode extends TestOffice {
  sync: OfficeSync;
  logs: string[];
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

export async function startTestHq(kind: HqKind, now: string): Promise<TestHq> {
  const tmp = tempDir('priemnaya-hq-');
  const target = kind === 'sqlite' ? tmp.file('hq.sqlite') : await hqTarget();
  const store = await openHqStore(target);
  const clock = fixedClock(now);
  const reports: string[] = [];
  const hq = await Hq.open(store, { clock, log: (m) => reports.push(m) });
  const server = await startHqServer({ hq, port: 0 });
  cleanups.push(async () => {
    await server.close();
    await store.close();
    tmp.remove();
  });
  return { hq, server, url: server.url, clock, reports, target };
}

function nodeOf(office: TestOffice): SyncNode {
  const logs: string[] = [];
  const sync = new OfficeSync(office.handle.store, office.handle.api.systemContext(), (m) => logs.push(m));
  cleanups.push(() => office.close());
  return Object.assign(office, { sync, logs });
}

/** A new office, set up with its admin signed in, enrolled at HQ. */
export async function enrolledOffice(
  hq: TestHq,
  code: string,
  now: string,
  login = 'admin',
): Promise<SyncNode> {
  const office = openTempOffice(now);
  const node = nodeOf(office);
  await office.value('setup.init', {
    office: { name: `Приёмная ${code}`, code, deputyName: 'Петров Пётр Петрович', timeZone: 'Europe/Moscow' },
    admin: { login, fullName: 'Администратор', password: PASSWORD },
  });
  office.token = (await office.value('auth.signIn', { login, password: PASSWORD }, null)).token;
  await node.sync.enrol(hq.url, await hq.hq.createEnrolmentCode(code));
  return node;
}

/** A second computer of an office: an empty database that enrols for the office and pulls it whole. */
export async function joinedNode(hq: TestHq, of: SyncNode, now: string): Promise<SyncNode> {
  const node = await enrolledComputer(hq, of, now);
  const first = await node.sync.syncNow();
  if (!first.ok) throw new Error(`the first sync failed: ${first.error}`);
  await signInAs(node, of);
  return node;
}

/**
 * A new computer of an office, enrolled at HQ, before its first sync (it holds nothing yet). It takes
 * the office's key from the office's computer, as its users' password hashes are sealed with it;
 * `withKey: false` joins without it.
 */
export async function enrolledComputer(
  hq: TestHq,
  of: SyncNode,
  now: string,
  withKey = true,
): Promise<SyncNode> {
  const node = nodeOf(openTempOffice(now));
  const row = await of.value('office.get', {});
  const key = of.handle.store.transaction((db) => officeKey(db));
  await node.sync.enrol(hq.url, await hq.hq.createEnrolmentCode(row.code), {
    officeId: row.id,
    officeCode: row.code,
    officeName: row.name,
    ...(withKey ? { officeKey: key } : {}),
  });
  return node;
}

/** Signs a joined computer in as the user signed in on `of` (the users came with the first sync). */
export async function signInAs(node: SyncNode, of: SyncNode): Promise<void> {
  const login = (await of.value('auth.me', {})).user.login;
  node.token = (await node.value('auth.signIn', { login, password: PASSWORD }, null)).token;
}

/**
 * The same office in another universe: a consistent copy of its database, opened on its own, so one
 * history can be synced two ways and the results compared.
 */
export function copiedNode(of: SyncNode): SyncNode {
  const tmp = tempDir();
  const file = tmp.file('office.sqlite');
  of.handle.sqlite.prepare('VACUUM INTO ?').run(file);
  const clock = fixedClock(of.clock.now().toISOString());
  const handle = openOffice(file, { clock, validateOutput: true });
  const office: TestOffice = {
    ...of,
    tmp,
    file,
    handle,
    clock,
    call: (method, input, token) =>
      handle.api.call('internal', method, input, { token: token === undefined ? office.token : token }),
    close: () => {
      handle.close();
      tmp.remove();
    },
  };
  office.value = async (method, input, token) => {
    const r = await office.call(method, input, token);
    if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`);
    return r.value as never;
  };
  return nodeOf(office);
}
