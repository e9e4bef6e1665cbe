import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/connect';
import { openOffice } from '../../main/boot/open-office';
import { fixedClock } from '../../shared/util/clock';
import { appealInput, NOW, REPO_ROOT, setUpOffice, type TempDir } from './helpers';

/**
 * Acceptance: a process killed with SIGKILL while registering appeals in a loop leaves a database that
 * passes PRAGMA integrity_check, with every appeal whose registration returned present and no partial one.
 */

const REPORTED_BEFORE_KILL = 200;
const FIXTURE = path.join(REPO_ROOT, 'tests/fixtures/register-loop.ts');

let tmp: TempDir | null = null;
let child: ChildProcess | null = null;
afterEach(() => {
  // Only when the test failed before its own kill: no loop may outlive it.
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  tmp?.remove();
});

interface Reported {
  id: string;
  regNumber: string;
}

/** Runs the loop and kills it once it has reported enough registrations; no timers, only its output. */
function registerUntilKilled(file: string, atLeast: number): Promise<Reported[]> {
  return new Promise((resolve, reject) => {
    const loop = spawn(process.execPath, ['--import', 'tsx', FIXTURE, file], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = loop;
    const reported: Reported[] = [];
    let pending = '';
    let stderr = '';
    let killed = false;
    loop.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [id, regNumber] = line.split(' ');
        if (id && regNumber) reported.push({ id, regNumber });
      }
      if (!killed && reported.length >= atLeast) {
        killed = true;
        loop.kill('SIGKILL');
      }
    });
    loop.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    loop.on('error', reject);
    // 'close' comes after the pipes drain, so lines written just before the kill are counted too.
    loop.on('close', (code, signal) => {
      if (signal === 'SIGKILL' && killed) resolve(reported);
      else reject(new Error(`the loop ended by itself (code ${code}, signal ${signal}): ${stderr}`));
    });
  });
}

const count = (db: ReturnType<typeof openDatabase>, sql: string): number =>
  (db.prepare(sql).get() as { n: number }).n;

it('a registration loop killed with SIGKILL leaves a whole database with every returned appeal', async () => {
  const office = await setUpOffice();
  tmp = office.tmp;
  office.handle.close();

  const reported = await registerUntilKilled(office.file, REPORTED_BEFORE_KILL);
  expect(reported.length).toBeGreaterThanOrEqual(REPORTED_BEFORE_KILL);

  const db = openDatabase(office.file);
  let stored: Map<string, string>;
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);

    stored = new Map(
      db
        .prepare<[], Reported>('SELECT id, reg_number AS regNumber FROM appeals')
        .all()
        .map((a) => [a.id, a.regNumber]),
    );
    expect(stored.size).toBeGreaterThanOrEqual(reported.length);
    for (const r of reported) expect(stored.get(r.id), r.id).toBe(r.regNumber);
    // Each registration commits whole, so the sequence has no holes.
    const seqs = db.prepare('SELECT reg_seq AS s FROM appeals ORDER BY reg_seq').all() as { s: number }[];
    expect(seqs.map((r) => r.s)).toEqual(seqs.map((_, i) => i + 1));

    // No partial appeal: every piece a registration writes is there for every appeal, and nothing else.
    const missing = {
      history: count(
        db,
        `SELECT count(*) AS n FROM appeals a WHERE NOT EXISTS
           (SELECT 1 FROM appeal_history h WHERE h.appeal_id = a.id AND h.action = 'registered')`,
      ),
      task: count(
        db,
        'SELECT count(*) AS n FROM appeals a WHERE NOT EXISTS (SELECT 1 FROM tasks t WHERE t.appeal_id = a.id)',
      ),
      topics: count(
        db,
        'SELECT count(*) AS n FROM appeals a WHERE NOT EXISTS (SELECT 1 FROM appeal_topics t WHERE t.appeal_id = a.id)',
      ),
      searchIndex: count(
        db,
        'SELECT count(*) AS n FROM appeals WHERE rowid NOT IN (SELECT rowid FROM appeal_fts)',
      ),
      appealChange: count(
        db,
        `SELECT count(*) AS n FROM appeals a WHERE NOT EXISTS
           (SELECT 1 FROM change_log c WHERE c.table_name = 'appeals' AND c.row_id = a.id)`,
      ),
      historyChange: count(
        db,
        `SELECT count(*) AS n FROM appeal_history h WHERE NOT EXISTS
           (SELECT 1 FROM change_log c WHERE c.table_name = 'appeal_history' AND c.row_id = h.id)`,
      ),
      taskChange: count(
        db,
        `SELECT count(*) AS n FROM tasks t WHERE NOT EXISTS
           (SELECT 1 FROM change_log c WHERE c.table_name = 'tasks' AND c.row_id = t.id)`,
      ),
      audit: count(
        db,
        `SELECT count(*) AS n FROM appeals a WHERE NOT EXISTS
           (SELECT 1 FROM audit_log l WHERE l.action = 'appeals.register' AND l.entity_id = a.id)`,
      ),
    };
    expect(missing).toEqual({
      history: 0,
      task: 0,
      topics: 0,
      searchIndex: 0,
      appealChange: 0,
      historyChange: 0,
      taskChange: 0,
      audit: 0,
    });
    const orphans = {
      contacts: count(
        db,
        'SELECT count(*) AS n FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM appeals a WHERE a.applicant_id = c.id)',
      ),
      searchRows: count(
        db,
        'SELECT count(*) AS n FROM appeal_fts WHERE rowid NOT IN (SELECT rowid FROM appeals)',
      ),
      changes: count(
        db,
        `SELECT count(*) AS n FROM change_log c WHERE c.table_name = 'appeals'
           AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.id = c.row_id)`,
      ),
      audits: count(
        db,
        `SELECT count(*) AS n FROM audit_log l WHERE l.action = 'appeals.register'
           AND NOT EXISTS (SELECT 1 FROM appeals a WHERE a.id = l.entity_id)`,
      ),
    };
    expect(orphans).toEqual({ contacts: 0, searchRows: 0, changes: 0, audits: 0 });
  } finally {
    closeDatabase(db);
  }

  // And the office works on: the next registration takes the next number.
  const reopened = openOffice(office.file, { clock: fixedClock(NOW) });
  try {
    // forceNew: this process's applicants repeat the child's names and addresses.
    const input = appealInput();
    const next = await reopened.api.call(
      'cli',
      'appeals.register',
      { ...input, applicant: { ...input.applicant, forceNew: true } },
      { login: 'admin' },
    );
    expect(next).toMatchObject({
      ok: true,
      value: { regNumber: `ПТР-2025-${String(stored.size + 1).padStart(5, '0')}` },
    });
  } finally {
    reopened.close();
  }
});
