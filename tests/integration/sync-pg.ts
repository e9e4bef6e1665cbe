import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * PostgreSQL for the sync tests: `PRIEMNAYA_TEST_PG` (a connection URL to a server where the user may
 * create databases) when set; otherwise a throwaway cluster on loopback in a temp folder, run as the
 * `postgres` user when the tests run as root (initdb refuses root), stopped when the tests end. Each
 * HQ gets a database of its own. Nothing here skips: without PostgreSQL the test fails saying how to fix it.
 */

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
const HOW_TO_FIX =
  'PostgreSQL is needed for the HQ-on-PostgreSQL sync tests: install it (apt-get install postgresql) or set PRIEMNAYA_TEST_PG=postgres://user:pass@127.0.0.1:5432/postgres';

interface Cluster {
  url: string;
  stop(): void;
}

let cluster: Cluster | null = null;
const created: string[] = [];

/** A port on loopback nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startCluster(): Promise<Cluster> {
  const bin = BIN_DIRS.find((d) => fs.existsSync(path.join(d, 'initdb')));
  if (!bin) throw new Error(HOW_TO_FIX);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-pg-'));
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    execFileSync(file, argv, { stdio: 'pipe' });
  };
  try {
    if (asRoot)
      fs.chownSync(
        dir,
        Number(execFileSync('id', ['-u', 'postgres']).toString()),
        Number(execFileSync('id', ['-g', 'postgres']).toString()),
      );
    const data = path.join(dir, 'data');
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    const port = await freePort();
    run('pg_ctl', [
      '-D',
      data,
      '-l',
      path.join(dir, 'log'),
      '-w',
      '-o',
      `-h 127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off`,
      'start',
    ]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      stop: () => {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    const detail =
      (e as { stderr?: Buffer }).stderr?.toString().trim() || (e instanceof Error ? e.message : String(e));
    throw new Error(`${HOW_TO_FIX} (starting a temporary cluster failed: ${detail})`, { cause: e });
  }
}

async function server(): Promise<string> {
  if (process.env.PRIEMNAYA_TEST_PG) return process.env.PRIEMNAYA_TEST_PG;
  cluster ??= await startCluster();
  return cluster.url;
}

/** A fresh database for one HQ on the test server; its URL. */
export async function hqTarget(): Promise<string> {
  const url = await server();
  const name = `priemnaya_hq_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
  } catch (e) {
    throw new Error(`${HOW_TO_FIX} (${e instanceof Error ? e.message : String(e)})`, { cause: e });
  } finally {
    await client.end().catch(() => undefined);
  }
  created.push(name);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Drops the databases made here and stops the throwaway cluster (call from afterAll). */
export async function stopTestPg(): Promise<void> {
  if (process.env.PRIEMNAYA_TEST_PG && created.length > 0) {
    const client = new pg.Client({ connectionString: process.env.PRIEMNAYA_TEST_PG });
    await client.connect();
    for (const name of created.splice(0)) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
  cluster?.stop();
  cluster = null;
}
