/**
 * The register of наказы at the DESIGN.md scale plus 20,000 наказы: a first page filtered by a district
 * and a status (and by a district and two statuses, and the whole register by territory) through the API
 * (`mandates.list`: parse, authorise, the page, the count, output validation) beside hand-written SQL
 * reading the same page and count from the same indexes, in the same run.
 *
 * `npm run bench:mandates -- [--scale 1] [--mandates 20000] [--iterations 200] [--db file]`: generates the
 * bench's data set (`generate.ts`, DESIGN.md's office at `--scale`) in its own folder once (or uses the
 * `--db` file `bench:assignments` shares: each adds its own rows to it), with the наказы added once; a
 * data set of another scale or generator is made again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openOffice } from '../../main/boot/open-office';
import { MANDATE_STATES } from '../../shared/domain/mandates';
import { ftsQuery } from '../../shared/domain/text';
import { newId } from '../../shared/util/ids';
import { ANCHOR, BENCH_PASSWORD, generate, GENERATOR_VERSION, loadOffices, readMeta } from './generate';
import { ms, summarize, tableHeader, tableRow, thousands, type Row, type Verdict } from './stats';

const TARGET_P95_MS = 30;
const DISTRICTS = ['Центральный', 'Заволжский', 'Московский', 'Пролетарский', 'Ленинский', 'Советский'];
const SETTLEMENTS = ['', 'пос. Лесной', 'с. Берёзовка', 'д. Ключи', 'пос. Северный'];

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    mandates: { type: 'string', default: '20000' },
    iterations: { type: 'string', default: '200' },
    dir: { type: 'string', default: path.join(os.tmpdir(), 'mandates-bench') },
    db: { type: 'string' },
  },
});
const scale = Number(args.scale);
const count = Number(args.mandates);
const iterations = Number(args.iterations);
const file = path.resolve(args.db ?? path.join(args.dir, `bench-${scale}.db`));
const log = (s: string): void => void process.stderr.write(s + '\n');

const meta = readMeta(file);
if (!meta || meta.scale !== scale || meta.version !== GENERATOR_VERSION) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  log(`generating the data set at scale ${scale} into ${file} …`);
  await generate(file, { scale, seed: 1, log });
}

// Opening migrates the copy to this schema; then the наказы are added once, in one transaction.
const handle = openOffice(file, { clock: { now: () => new Date(ANCHOR) } });
const sqlite = handle.sqlite;
const offices = loadOffices(sqlite);
const office = offices[0]!;
const have = (sqlite.prepare('SELECT count(*) AS n FROM mandates').get() as { n: number }).n;
if (have !== count) {
  log(`adding ${thousands(count)} наказы …`);
  const bodies = (sqlite.prepare('SELECT id FROM bodies LIMIT 50').all() as { id: string }[]).map(
    (b) => b.id,
  );
  sqlite.exec('DELETE FROM mandate_history; DELETE FROM mandate_links; DELETE FROM mandates;');
  const insert = sqlite.prepare(
    `INSERT INTO mandates (id, number, text, givers, district, settlement, address, topic, body_id, plan_year,
       budget_line, status, status_reason, status_on, given_on, responsible_id, office_id, created_at,
       updated_at, hlc, deleted_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, ?, NULL, ?, ?, NULL, ?, ?, ?, ?, NULL)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      // One наказ in twelve with no district: the register shows them in a group of their own.
      const district = i % 12 === 11 ? null : DISTRICTS[(i * 7) % DISTRICTS.length]!;
      const settlement = SETTLEMENTS[(i * 3) % SETTLEMENTS.length] || null;
      const year = 2022 + (i % 6);
      const given = `${year - 1}-${String((i % 12) + 1).padStart(2, '0')}-15`;
      insert.run(
        newId(Date.parse(ANCHOR) - count + i),
        i + 1,
        `Наказ № ${i + 1}: отремонтировать дорогу, благоустроить двор, построить детскую площадку`,
        'Жители микрорайона',
        district,
        settlement,
        bodies.length ? bodies[i % bodies.length]! : null,
        year,
        MANDATE_STATES[(i * 5 + (i >> 4)) % MANDATE_STATES.length]!,
        given,
        given,
        office.id,
        ANCHOR,
        ANCHOR,
        `bench-m-${String(i).padStart(6, '0')}`,
      );
    }
  })();
  sqlite.exec('ANALYZE');
}

const signIn = await handle.api.call('internal', 'auth.signIn', {
  login: office.logins[0]!,
  password: BENCH_PASSWORD,
});
if (!signIn.ok) throw new Error(signIn.error.message);
const token = (signIn.value as { token: string }).token;

const LIMIT = 50;
// The same page and count, written by hand against the indexes of migration «mandates».
const rawPage = sqlite.prepare(
  `SELECT m.*, b.name AS body_name FROM mandates m LEFT JOIN bodies b ON b.id = m.body_id
    WHERE m.deleted_at IS NULL AND coalesce(m.district, '') = ? AND m.status IN (SELECT value FROM json_each(?))
    ORDER BY coalesce(m.district, ''), coalesce(m.settlement, ''), m.number, m.id LIMIT ${LIMIT + 1}`,
);
const rawCount = sqlite.prepare(
  `SELECT count(*) AS n FROM mandates m WHERE m.deleted_at IS NULL AND coalesce(m.district, '') = ?
    AND m.status IN (SELECT value FROM json_each(?))`,
);
const rawAll = sqlite.prepare(
  `SELECT m.*, b.name AS body_name FROM mandates m LEFT JOIN bodies b ON b.id = m.body_id
    WHERE m.deleted_at IS NULL
    ORDER BY coalesce(m.district, ''), coalesce(m.settlement, ''), m.number, m.id LIMIT ${LIMIT + 1}`,
);
const rawAllCount = sqlite.prepare('SELECT count(*) AS n FROM mandates m WHERE m.deleted_at IS NULL');
// A word of the text in a district: the full-text index's rows within the district's range. Every наказ of
// the bench holds the word, so this is the search's worst case (no target: the register's is the filter's).
const WORD = ftsQuery('площадка')!;
const WORDS = '+m.rowid IN (SELECT rowid FROM mandate_fts WHERE mandate_fts MATCH ?)';
const rawWords = sqlite.prepare(
  `SELECT m.*, b.name AS body_name FROM mandates m LEFT JOIN bodies b ON b.id = m.body_id
    WHERE m.deleted_at IS NULL AND coalesce(m.district, '') = ? AND ${WORDS}
    ORDER BY coalesce(m.district, ''), coalesce(m.settlement, ''), m.number, m.id LIMIT ${LIMIT + 1}`,
);
const rawWordsCount = sqlite.prepare(
  `SELECT count(*) AS n FROM mandates m WHERE m.deleted_at IS NULL AND coalesce(m.district, '') = ? AND ${WORDS}`,
);

async function measure(
  name: string,
  input: Record<string, unknown>,
  raw: (i: number) => unknown,
  target?: number,
): Promise<Row> {
  log(`measuring ${name} …`);
  const row: Row = { name, api: [], raw: [], ...(target ? { targetP95: target } : {}) };
  for (let i = -5; i < iterations; i++) {
    const district = DISTRICTS[Math.abs(i) % DISTRICTS.length]!;
    let t = performance.now();
    const r = await handle.api.call(
      'internal',
      'mandates.list',
      { ...input, ...('district' in input ? { district } : {}), limit: LIMIT },
      { token },
    );
    const apiMs = performance.now() - t;
    if (!r.ok) throw new Error(r.error.message);
    t = performance.now();
    raw(i);
    const rawMs = performance.now() - t;
    if (i < 0) continue;
    row.api.push(apiMs);
    row.raw.push(rawMs);
  }
  return row;
}

try {
  const district = (i: number) => DISTRICTS[Math.abs(i) % DISTRICTS.length]!;
  const rows = [
    await measure(
      'наказы: district + status, page 1',
      { district: '', status: ['in_work'] },
      (i) => {
        rawPage.all(district(i), '["in_work"]');
        rawCount.get(district(i), '["in_work"]');
      },
      TARGET_P95_MS,
    ),
    await measure(
      'наказы: district + 2 statuses, page 1',
      { district: '', status: ['accepted', 'in_work'] },
      (i) => {
        rawPage.all(district(i), '["accepted","in_work"]');
        rawCount.get(district(i), '["accepted","in_work"]');
      },
      TARGET_P95_MS,
    ),
    await measure('наказы: district + a word, page 1', { district: '', q: 'площадка' }, (i) => {
      rawWords.all(district(i), WORD);
      rawWordsCount.get(district(i), WORD);
    }),
    await measure('наказы: all by territory, page 1', {}, () => {
      rawAll.all();
      rawAllCount.get();
    }),
  ];
  const appeals = (sqlite.prepare('SELECT count(*) AS n FROM appeals').get() as { n: number }).n;
  const verdicts: Verdict[] = [];
  console.log(
    `Priemnaya наказы bench — scale ${scale}: ${thousands(appeals)} appeals, ${thousands(count)} наказы; ` +
      `${iterations} pages each, ${LIMIT} a page; load ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  console.log(tableHeader());
  for (const r of rows) console.log(tableRow(r, verdicts));
  console.log(
    `api = mandates.list (page and count); raw = the same page and count in hand-written SQL; ` +
      `p95 of the first row ${ms(summarize(rows[0]!.api).p95)} ms`,
  );
  if (verdicts.some((v) => !v.pass)) process.exitCode = 1;
} finally {
  handle.close();
}
