import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice } from '../../main/boot/open-office';
import { DB_FILE_NAME } from '../../main/boot/paths';
import { serveBrowserMode } from '../../main/transport/http/web';
import { contract } from '../../shared/api/index';
import { appealInput, PASSWORD, REPO_ROOT, runTs, tempDir, type TempDir } from './helpers';

let tmp: TempDir;
let db: string;

/** The CLI in its own process, as a person or a script runs it; never the developer's real data folder. */
function cli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}) {
  return runTs('main/transport/cli/main.ts', args, {
    stdin: opts.stdin,
    env: { PRIEMNAYA_DATA_DIR: tmp.dir, ...opts.env },
  });
}

const INIT_FLAGS = [
  '--office-name',
  'Приёмная депутата Сидорова',
  '--code',
  'СДР',
  '--deputy',
  'Сидоров Семён Семёнович',
  '--region',
  'Свердловская область',
  '--time-zone',
  'Asia/Yekaterinburg',
  '--admin-login',
  'admin',
  '--admin-name',
  'Администратор Кузнецова',
];

beforeAll(async () => {
  tmp = tempDir();
  db = tmp.file('office.sqlite');
  const r = await cli(['init', '--db', db, ...INIT_FLAGS], { env: { PRIEMNAYA_ADMIN_PASSWORD: PASSWORD } });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Приёмная депутата Сидорова');
  // One appeal registered in-process, so the backup test does not lean on the order of the tests.
  const office = openOffice(db);
  try {
    const reg = await office.api.call('cli', 'appeals.register', appealInput({ summary: 'Сломан лифт' }), {
      login: 'admin',
    });
    expect(reg.ok).toBe(true);
  } finally {
    office.close();
  }
}, 60_000);

afterAll(() => tmp.remove());

describe('CLI init', () => {
  it('set up the office from flags, with the password from the environment', async () => {
    const r = await cli(['call', '--db', db, '--user', 'admin', 'office.get']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      code: 'СДР',
      deputyName: 'Сидоров Семён Семёнович',
      region: 'Свердловская область',
      timeZone: 'Asia/Yekaterinburg',
    });
  });

  it('refuses a second setup, and names the flag behind a bad field', async () => {
    const again = await cli(['init', '--db', db, ...INIT_FLAGS, '--admin-password', PASSWORD]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('already set up');
    const bad = await cli(['init', '--db', tmp.file('bad.sqlite'), ...INIT_FLAGS.slice(0, 2), '--code', 'x']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('office.code (параметр --code)');
    expect(bad.stderr).toContain('--admin-password');
    expect(bad.stdout).toBe('');
  });
});

describe('CLI call', () => {
  it('prints the value as JSON and acts as the --user given, in the audit log', async () => {
    const reg = await cli([
      'call',
      '--db',
      db,
      '--user',
      'admin',
      'appeals.register',
      JSON.stringify(appealInput({ summary: 'Не вывозят мусор' })),
    ]);
    expect(reg.stderr).toBe('');
    expect(reg.code).toBe(0);
    const card = JSON.parse(reg.stdout) as { id: string; regNumber: string };
    expect(card.regNumber).toMatch(/^СДР-\d{4}-\d{5}$/);
    const list = await cli(['call', '--db', db, '--user', 'admin', 'appeals.list', '-'], {
      stdin: JSON.stringify({ filter: { q: 'мусор' } }),
    });
    expect(JSON.parse(list.stdout).rows.map((r: { id: string }) => r.id)).toEqual([card.id]);
    const sqlite = new Database(db, { readonly: true });
    const audit = sqlite
      .prepare("SELECT transport, login FROM audit_log WHERE action = 'appeals.register' AND entity_id = ?")
      .get(card.id);
    sqlite.close();
    expect(audit).toEqual({ transport: 'cli', login: 'admin' });
  });

  it('prints the error envelope on stderr with exit code 1', async () => {
    const as = ['call', '--db', db, '--user', 'admin'];
    const [bad, anonymous, notJson, unknown] = await Promise.all([
      cli([...as, 'appeals.register', '{"channel":"pigeon"}']),
      cli(['call', '--db', db, 'appeals.count']),
      cli([...as, 'appeals.count', '{filter:']),
      cli([...as, 'appeals.fly', '{}']),
    ]);
    for (const r of [bad, anonymous, notJson, unknown]) {
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
    }
    expect(JSON.parse(bad.stderr)).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'channel' },
    });
    expect(JSON.parse(anonymous.stderr).error.code).toBe('unauthenticated');
    expect(JSON.parse(notJson.stderr).error).toMatchObject({ code: 'validation', field: '(input)' });
    expect(JSON.parse(unknown.stderr).error.code).toBe('unknown_method');
  });

  it('uses the data folder when --db is not given', async () => {
    const r = await cli(['call', 'setup.status']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ initialized: false, office: null, readOnly: false });
    expect(fs.existsSync(path.join(tmp.dir, DB_FILE_NAME))).toBe(true);
  });
});

describe('CLI methods', () => {
  it('lists every method of the contract with its roles and JSON Schemas', async () => {
    const r = await cli(['methods']);
    expect(r.code).toBe(0);
    const methods = JSON.parse(r.stdout) as {
      name: string;
      summary: string;
      access: unknown;
      kind: string;
      input: { type?: string };
      output: object;
    }[];
    expect(methods.map((m) => m.name).sort()).toEqual(Object.keys(contract).sort());
    for (const m of methods) {
      expect(m.summary.length, m.name).toBeGreaterThan(0);
      expect(['read', 'write'], m.name).toContain(m.kind);
      expect(m.input.type, m.name).toBe('object');
      expect(m.output, m.name).toHaveProperty('$schema');
    }
    const register = methods.find((m) => m.name === 'appeals.register')!;
    expect(register.access).toEqual(['assistant', 'office_head', 'admin', 'deputy']);
    expect(JSON.stringify(register.input)).toContain('"reception"');
  });
});

describe('CLI backup', () => {
  it('writes a consistent copy that opens and holds the appeal, and never overwrites', async () => {
    const target = tmp.file('copies/office-copy.sqlite');
    const r = await cli(['backup', '--db', db, target]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(target);
    const copy = openOffice(target);
    try {
      const rows = copy.sqlite.prepare("SELECT summary FROM appeals WHERE summary = 'Сломан лифт'").all();
      expect(rows).toHaveLength(1);
      expect(copy.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
    const again = await cli(['backup', '--db', db, target]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('уже существует');
    const missing = await cli(['backup', '--db', tmp.file('nothing.sqlite'), tmp.file('x.sqlite')]);
    expect(missing.code).toBe(1);
    expect(fs.existsSync(tmp.file('nothing.sqlite'))).toBe(false);
  });
});

describe('CLI import-contacts', () => {
  it('imports a cp1251 file and prints the summary as JSON; a dry run changes nothing', async () => {
    const file = tmp.file('list.csv');
    const text =
      'ФИО;Телефон\r\nИванов Иван Иванович;8 (912) 000-00-01\r\nПетрова Мария;+7 912 000 00 02\r\n;89120000003\r\n';
    fs.writeFileSync(file, iconv.encode(text, 'cp1251'));
    const dry = await cli(['import-contacts', '--db', db, '--user', 'admin', '--dry-run', file]);
    expect(dry.stderr).toBe('');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, rows: 3, created: 2, skipped: 1 });
    const r = await cli(['import-contacts', '--db', db, '--user', 'admin', '--source', 'Подписи 2026', file]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ encoding: 'cp1251', delimiter: ';', rows: 3, created: 2, skipped: 1 });
    expect(summary.rejected).toEqual([{ line: 4, reason: 'no_surname', values: ['', '89120000003'] }]);
    const again = await cli(['import-contacts', '--db', db, '--user', 'admin', file]);
    expect(JSON.parse(again.stdout)).toMatchObject({ created: 0, unchanged: 2, skipped: 1 });
    const bad = await cli(['import-contacts', '--db', db, '--user', 'admin', '--encoding', 'koi8', file]);
    expect(bad.code).toBe(2);

    const out = tmp.file('base.csv');
    const exported = await cli(['export-contacts', '--db', db, '--user', 'admin', out]);
    expect(exported.stderr).toBe('');
    const sqlite = new Database(db, { readonly: true });
    const live = (
      sqlite
        .prepare('SELECT count(*) AS n FROM contacts WHERE deleted_at IS NULL AND erased_at IS NULL')
        .get() as {
        n: number;
      }
    ).n;
    sqlite.close();
    expect(JSON.parse(exported.stdout)).toMatchObject({ count: live, path: out });
    expect(iconv.decode(fs.readFileSync(out), 'cp1251')).toContain('Петрова;Мария;;8 (912) 000-00-02');
    const outreach = await cli([
      'export-contacts',
      '--db',
      db,
      '--user',
      'admin',
      '--purpose',
      'outreach',
      tmp.file('o.csv'),
    ]);
    expect(outreach.code).toBe(1);
    expect(JSON.parse(outreach.stderr).error.details).toEqual({ withoutConsent: live });
  });
});

describe('CLI demo', () => {
  it('refuses a database that already has an office', async () => {
    const before = fs.statSync(db).size;
    const r = await cli(['demo', '--db', db, '--appeals', '3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('уже настроена приёмная');
    expect(fs.statSync(db).size).toBe(before);
  });

  it('fills a new database with a demo office', async () => {
    const file = tmp.file('demo.sqlite');
    const r = await cli(['demo', '--db', file, '--appeals', '5', '--seed', '7']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const count = await cli(['call', '--db', file, '--user', 'admin', 'appeals.count']);
    expect(JSON.parse(count.stdout)).toEqual({ count: 5 });
  });
});

describe('CLI usage', () => {
  it('explains the commands in Russian with --help', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['init', 'call', 'methods', 'backup', 'demo']) expect(r.stdout).toContain(command);
    expect(r.stdout).toContain('Использование');
  });

  it('exits with code 2 on a usage error, before touching any database', async () => {
    const cases = [
      [],
      ['frobnicate'],
      ['call', '--db', tmp.file('usage.sqlite')],
      ['methods', '--bogus'],
      ['call', '--seed', '1', 'appeals.count'],
      ['backup', '--db', db],
      ['methods', 'extra'],
      ['demo', '--db', tmp.file('usage.sqlite'), '--appeals', 'many'],
    ];
    const results = await Promise.all(cases.map((args) => cli(args)));
    results.forEach((r, i) => {
      expect(r.code, cases[i]!.join(' ')).toBe(2);
      expect(r.stderr, cases[i]!.join(' ')).toContain('--help');
    });
    expect(fs.existsSync(tmp.file('usage.sqlite'))).toBe(false);
  });
});

describe('browser mode (npm run web)', () => {
  it('serves the office and prints the address with the launch token', async () => {
    const lines: string[] = [];
    const web = await serveBrowserMode({
      dbFile: db,
      port: 0,
      staticDir: null,
      reason: 'Electron не запустился.',
      handleSignals: false,
      out: (line) => lines.push(line),
    });
    try {
      expect(lines[0]).toBe('Electron не запустился.');
      expect(lines[1]).toBe(`Приёмная открыта в браузере: http://127.0.0.1:${web.port}/#token=${web.token}`);
      const res = await fetch(`http://127.0.0.1:${web.port}/api/setup.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${web.token}` },
      });
      expect(await res.json()).toMatchObject({ ok: true, value: { initialized: true } });
    } finally {
      await web.close();
    }
    expect(web.office.sqlite.open).toBe(false);
  });

  it('closes the database cleanly on SIGINT', async () => {
    const file = tmp.file('web.sqlite');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'main/transport/http/web.ts', '--db', file, '--port', '0'],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    try {
      const [origin, token] = await new Promise<[string, string]>((resolve, reject) => {
        child.stdout.setEncoding('utf8').on('data', (s: string) => {
          stdout += s;
          const found = /(http:\/\/127\.0\.0\.1:\d+)\/#token=(\S+)/.exec(stdout);
          if (found) resolve([found[1]!, found[2]!]);
        });
        void exited.then((code) => reject(new Error(`web.ts exited early (${code}): ${stderr}`)));
      });
      const res = await fetch(`${origin}/api/setup.status`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(await res.json()).toMatchObject({ ok: true, value: { initialized: false } });
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      // Only if an assertion failed before the SIGINT: never leave the server running.
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    expect(stdout).toContain('база данных сохранена');
    // The last connection closed: SQLite checkpointed the WAL into the file and removed it.
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });
});
