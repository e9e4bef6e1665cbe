/**
 * The classifier picker's search, a keystroke at a time: every prefix of typical queries (words in the
 * forms people type, codes) through the API (`classifier.search`: parse, authorise, the in-memory index,
 * the office's use of each code, output validation), beside a plain SQL LIKE over the same `classifier`
 * table — which finds no other word form and ranks nothing, and is here as the floor of a lookup.
 *
 * `npm run bench:classifier -- [--db file] [--iterations 20]`: a new office in a temp folder, or the
 * bench's data set (`--db`), where the office's use of each code is counted over all its appeals. `npm
 * run bench` runs the same on its data set.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { openOffice, type OfficeHandle } from '../../main/boot/open-office';
import { classifierIndex, codeUses } from '../../main/classifier/queries';
import { ReadDb } from '../../db/sql';
import { ms, summarize, tableHeader, tableRow, type Row, type Verdict } from './stats';

export const TARGET_PICKER_P95_MS = 5;

/** What an assistant types: people's words in their forms, the classifier's own words, codes. */
const QUERIES = [
  'мусор',
  'отопления',
  'перебои в теплоснабжении',
  'твердых коммунальных отходов',
  'земельный участок',
  'пенсия по инвалидности',
  'ремонт дороги',
  'капитальный ремонт многоквартирного дома',
  'ё ёлка',
  '0005.0005.0056.1160',
  '0004.0015.0158.0965.0064',
  '1160',
];

/** Every keystroke of every query: its prefixes, as the picker asks while one types. */
export function keystrokes(): string[] {
  return QUERIES.flatMap((q) => Array.from({ length: q.length }, (_, i) => q.slice(0, i + 1)));
}

export async function classifierBench(
  handle: OfficeHandle,
  token: string,
  iterations: number,
  log: (s: string) => void,
): Promise<{ row: Row; indexMs: number; usesMs: number }> {
  const db = handle.sqlite;
  // The index is built once per database; the office's use of each code is counted over every appeal's
  // topics, then kept five minutes.
  const read = new ReadDb(db);
  let t = performance.now();
  classifierIndex(read);
  const indexMs = performance.now() - t;
  t = performance.now();
  codeUses(read, new Date(0));
  const usesMs = performance.now() - t;
  const like = db.prepare(
    `SELECT code, name FROM classifier
      WHERE level >= 4 AND (code LIKE ? || '%' OR name LIKE '%' || ? || '%') ORDER BY ord LIMIT 12`,
  );
  const keys = keystrokes();
  const row: Row = {
    name: 'classifier picker, a keystroke',
    api: [],
    raw: [],
    targetP95: TARGET_PICKER_P95_MS,
  };
  log(`measuring the classifier picker: ${keys.length} keystrokes × ${iterations} …`);
  for (let i = -1; i < iterations; i++) {
    for (const q of keys) {
      t = performance.now();
      const r = await handle.api.call('internal', 'classifier.search', { q, limit: 12 }, { token });
      const apiMs = performance.now() - t;
      if (!r.ok) throw new Error(`bench: classifier.search failed: ${r.error.message}`);
      t = performance.now();
      like.all(q, q);
      const rawMs = performance.now() - t;
      if (i < 0) continue; // the first pass builds the index and warms the statements
      row.api.push(apiMs);
      row.raw.push(rawMs);
    }
  }
  return { row, indexMs, usesMs };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: { db: { type: 'string' }, iterations: { type: 'string', default: '20' } },
  });
  const log = (s: string): void => void process.stderr.write(s + '\n');
  const tmp = args.db ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'priemnaya-classifier-bench-'));
  const file = args.db ?? path.join(tmp!, 'office.sqlite');
  const handle = openOffice(file, {});
  try {
    let token: string;
    if (args.db) {
      const { BENCH_PASSWORD, loadOffices } = await import('./generate');
      const login = loadOffices(handle.sqlite)[0]!.logins[0]!;
      const s = await handle.api.call('internal', 'auth.signIn', { login, password: BENCH_PASSWORD });
      if (!s.ok) throw new Error(s.error.message);
      token = (s.value as { token: string }).token;
    } else {
      const password = 'bench-pass-1';
      const init = await handle.api.call('internal', 'setup.init', {
        office: { name: 'Приёмная', code: 'БНЧ', deputyName: 'Депутат', timeZone: 'Europe/Moscow' },
        admin: { login: 'admin', fullName: 'Администратор', password },
      });
      if (!init.ok) throw new Error(init.error.message);
      const s = await handle.api.call('internal', 'auth.signIn', { login: 'admin', password });
      if (!s.ok) throw new Error(s.error.message);
      token = (s.value as { token: string }).token;
    }
    const appeals = (handle.sqlite.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number }).n;
    const { row, indexMs, usesMs } = await classifierBench(handle, token, Number(args.iterations), log);
    const verdicts: Verdict[] = [];
    const a = summarize(row.api);
    console.log(
      `classifier: 2,108 entries, indexed in ${ms(indexMs)} ms (once per database); ${appeals} appeals, ` +
        `the office's use of codes counted in ${ms(usesMs)} ms (once per 5 min)`,
    );
    console.log(tableHeader());
    console.log(tableRow(row, verdicts));
    console.log(`api = classifier.search; raw = plain SQL LIKE on the same table; p95 ${ms(a.p95)} ms`);
  } finally {
    handle.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
